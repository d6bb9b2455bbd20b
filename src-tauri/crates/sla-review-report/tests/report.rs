//! The review report checked as a reader, a viewer and a signer see it: poppler's text, pages and
//! rendering, qpdf's structure check and outline, and signatures by sla-signing checked by
//! pdfsig. Needs `poppler-utils` and `qpdf`.

mod common;

use std::path::{Path, PathBuf};

use chrono::DateTime;
use common::*;
use sla_model::Language;
use sla_pdf_inspect::{page_count, pdfsig, pdftotext, qpdf_check, qpdf_json, render, run_merged};
use sla_review_report::{report, ReportError, ATTACHMENT_NAME};
use sla_signing::{sign, verify, KeyKind, NewIdentity, SignOptions, SigningIdentity};

/// Writes the report; with `SLA_REPORT_KEEP=DIR` a copy is kept there to look at.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    if let Some(keep) = std::env::var_os("SLA_REPORT_KEEP") {
        std::fs::write(Path::new(&keep).join(name), bytes).unwrap();
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The text without whitespace, so that wrapping does not matter.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The outline's titles, depth first, as qpdf reads them.
fn outline(path: &Path) -> Vec<String> {
    let json = qpdf_json(path, &["outlines"]);
    fn walk(items: &serde_json::Value, out: &mut Vec<String>) {
        for item in items.as_array().into_iter().flatten() {
            out.push(item["title"].as_str().unwrap_or_default().to_string());
            walk(&item["kids"], out);
        }
    }
    let mut titles = Vec::new();
    walk(&json["outlines"], &mut titles);
    titles
}

fn assert_contains_all(text: &str, expected: &[String]) {
    let haystack = squeeze(text);
    let missing: Vec<&String> = expected
        .iter()
        .filter(|s| !haystack.contains(&squeeze(s)))
        .collect();
    assert!(missing.is_empty(), "not in the text: {missing:#?}\n{text}");
}

#[test]
fn english_and_russian_reports_say_every_figure_in_words_with_an_outline() {
    let dir = tempfile::tempdir().unwrap();
    for language in [Language::En, Language::Ru] {
        let a = agreement(language);
        let r = review(&a);
        let bytes = report(&a, &r, &options(language)).expect("the report is made");
        let path = write(dir.path(), &format!("review-{language:?}.pdf"), &bytes);

        let (ok, out) = qpdf_check(&path);
        assert!(ok, "{out}");
        let count = page_count(&path);
        assert!((3..=5).contains(&count), "{count} pages");
        let text = pdftotext(&path, None);

        // Every metric's name, and every consequence's action and who is told.
        let mut expected: Vec<String> = r.metrics.iter().map(|m| m.name.clone()).collect();
        expected.extend(r.fired.iter().map(|f| f.action.clone()));
        expected.push(r.fired[0].escalate_to.clone());
        expected.push(a.title.clone());
        expected.push(sla_pdf::agreement_hash(&a));
        let en = language == Language::En;
        let words: &[&str] = if en {
            &[
                "SERVICE-LEVEL REVIEW",
                "Review of November 2026",
                "1 November 2026 – 30 November 2026",
                "6 metrics were reviewed: 3 met the target, 2 missed it and 1 had no data.",
                "4 consequences of the agreement apply this period",
                "3 ✓ met",
                "2 ✗ missed",
                "1 – no data",
                // Actual, target and achieved share of the missed acceptance rate.
                "62%",
                "at least 70%",
                "88.57%",
                "missed 2 periods in a row",
                "Aug 72 · Sep 71 · Oct 66 · Nov 62",
                "worsening",
                "improving",
                // The response-time distribution.
                "3.2.1 Time to first contact",
                "412",
                "1.4 business hours",
                "5.25 business hours",
                "38.5%",
                // Each consequence cites the agreement's clause, with its due date.
                "clause 6.1, step 1",
                "7 December 2026",
                "clause 6.2.2",
                "clause 6.2.3",
                "14 December 2026",
                "clause 6.3.1",
                "−10%",
                "−8%",
                "cut to the monthly cap",
                "−13%",
                "entered by RevOps: from the call system's report",
                "No export gives this metric; enter the period's figure by hand.",
                "Decisions of the review",
                "Anna Petrova",
                "Igor Smirnov",
                "Page 1 of",
            ]
        } else {
            &[
                "ОБЗОР ВЫПОЛНЕНИЯ СОГЛАШЕНИЯ ОБ УРОВНЕ СЕРВИСА",
                "Итоги за ноябрь 2026 г.",
                "1 ноября 2026 г. – 30 ноября 2026 г.",
                "Рассмотрено 6 показателей: цель достигнута — 3, не достигнута — 2, нет данных — 1.",
                "В этом периоде применяются 4 последствия соглашения",
                "3 ✓ выполнено",
                "2 ✗ не выполнено",
                "1 – нет данных",
                "62 %",
                "не менее 70 %",
                "88,57 %",
                "не выполнено 2 периода подряд",
                "авг 72 · сен 71 · окт 66 · ноя 62",
                "ухудшается",
                "улучшается",
                "3.2.1 Время до первого контакта",
                "1,4 рабочего часа",
                "5,25 рабочего часа",
                "38,5 %",
                "п. 6.1, шаг 1",
                "7 декабря 2026 г.",
                "п. 6.2.2",
                "п. 6.2.3",
                "п. 6.3.1",
                "уменьшено до месячного предела",
                "введено вручную (RevOps): по отчёту телефонии",
                "Этот показатель не берётся из выгрузки; введите значение за период вручную.",
                "Решения по итогам обзора",
                "Анна Петрова",
                "Игорь Смирнов",
            ]
        };
        expected.extend(words.iter().map(|s| s.to_string()));
        assert_contains_all(&text, &expected);

        let titles = outline(&path);
        let sections: Vec<&str> = if en {
            vec![
                "1. Summary",
                "2. Metrics against their targets",
                "2.1 Response times",
                "3. Figures over the periods",
                "4. Consequences that apply",
                "4.1 Escalations",
                "4.2 Remedies",
                "4.3 Adjustments after caps",
                "5. Decisions of the review",
                "6. Signatures",
            ]
        } else {
            vec![
                "1. Итоги",
                "2. Показатели и цели",
                "2.1 Время реакции",
                "3. Динамика по периодам",
                "4. Применяемые последствия",
                "4.1 Эскалация",
                "4.2 Меры",
                "4.3 Корректировки с учётом ограничений",
                "5. Решения по итогам обзора",
                "6. Подписи",
            ]
        };
        assert_eq!(titles, sections);

        let (ok, out) = run_merged("pdfdetach", &["-list", path.to_str().unwrap()]);
        assert!(ok && out.contains(ATTACHMENT_NAME), "{out}");

        // The charts are drawn, not only labelled: the page that holds them shows the figure's
        // blue line and the target's red dashes.
        let page = (1..=count)
            .find(|&p| pdftotext(&path, Some(p)).contains(sections[3]))
            .expect("a page holds the charts");
        let (blue, red) = chart_pixels(&path, page);
        assert!(blue > 300 && red > 100, "blue {blue}, red {red} pixels");
    }
}

/// Pixels of the charts' blue and red on `page`, rendered at 60 dpi.
fn chart_pixels(path: &Path, page: usize) -> (usize, usize) {
    let image = &render(path, Some(page), 60)[0];
    let near = |p: [u8; 3], (r, g, b): (i32, i32, i32)| {
        (p[0] as i32 - r).abs() < 40 && (p[1] as i32 - g).abs() < 40 && (p[2] as i32 - b).abs() < 40
    };
    let blue = image.pixels().filter(|&p| near(p, (31, 84, 153))).count();
    let red = image.pixels().filter(|&p| near(p, (179, 23, 23))).count();
    (blue, red)
}

/// An identity valid for a fixed year, so that a fixed signing time inside it never depends on
/// today's date.
fn identity(name: &str, role: &str, key: KeyKind) -> SigningIdentity {
    let mut new = NewIdentity::new(name, role);
    new.key = key;
    new.valid_from = Some("2026-11-01T00:00:00Z".parse().unwrap());
    new.valid_days = 365;
    SigningIdentity::create(&new).expect("the identity is made")
}

#[test]
fn both_heads_sign_and_pdfsig_says_both_signatures_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let a = agreement(Language::Ru);
    let bytes = report(&a, &review(&a), &options(Language::Ru)).unwrap();
    let fields = sla_pdf::signature_fields(&bytes).expect("the fields read");
    let names: Vec<&str> = fields.iter().map(|f| f.signatory.as_str()).collect();
    assert_eq!(names, ["Анна Петрова", "Игорь Смирнов"]);

    let anna = identity(
        "Анна Петрова",
        "Руководитель отдела маркетинга",
        KeyKind::Rsa,
    );
    let igor = identity("Игорь Смирнов", "Руководитель отдела продаж", KeyKind::P256);
    let at = |time: &str| SignOptions {
        signing_time: Some(DateTime::parse_from_rfc3339(time).unwrap()),
        ..Default::default()
    };
    let one = sign(&bytes, &anna, &at("2026-12-04T10:00:00+03:00")).expect("Anna signs");
    let two = sign(&one, &igor, &at("2026-12-04T16:30:00+03:00")).expect("Igor countersigns");
    let checked = verify(&two, &[]).unwrap();
    assert!(
        checked.all_valid() && checked.signatures.len() == 2,
        "{}",
        checked.describe(Language::En)
    );
    let fields: Vec<&str> = checked
        .signatures
        .iter()
        .map(|s| s.field.as_str())
        .collect();
    assert_eq!(fields, ["sig-1", "sig-2"]);

    let path = write(dir.path(), "review-signed.pdf", &two);
    let signatures = pdfsig(&path);
    assert_eq!(signatures.found, 2, "{}", signatures.report);
    assert_eq!(signatures.valid, 2, "{}", signatures.report);

    // pyHanko (`make setup` installs it), trusting each head's certificate.
    let mut args = vec![
        "sign".to_string(),
        "validate".into(),
        "--executive-summary".into(),
        "--no-revocation-check".into(),
    ];
    for (i, who) in [&anna, &igor].into_iter().enumerate() {
        let pem = write(
            dir.path(),
            &format!("head-{i}.pem"),
            who.certificate_pem().as_bytes(),
        );
        args.push("--trust".into());
        args.push(pem.to_string_lossy().into_owned());
    }
    args.push(path.to_string_lossy().into_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (ok, out) = run_merged("pyhanko", &args);
    let verdicts: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("sig-"))
        .map(|l| l.rsplit(':').next().unwrap_or_default())
        .collect();
    assert!(ok && verdicts == ["VALID", "VALID"], "pyhanko:\n{out}");
}

#[test]
fn a_review_naming_what_the_agreement_lacks_is_refused_by_name() {
    let a = agreement(Language::En);
    let mut r = review(&a);
    r.fired[1].source = sla_compliance::ConsequenceRef::Remedy {
        id: "weekly-call".into(),
    };
    let error = report(&a, &r, &options(Language::En)).unwrap_err();
    assert!(matches!(error, ReportError::UnknownItem { .. }));
    assert_eq!(
        error.to_string(),
        "the review of 2026-11 names remedy `weekly-call`, which this agreement does not have; \
         recompute the review against this version of the agreement"
    );
    let mut r = review(&a);
    r.fired[0].source = sla_compliance::ConsequenceRef::Escalation { index: 9 };
    let error = report(&a, &r, &options(Language::En)).unwrap_err();
    assert!(error.to_string().contains("escalation step 10"), "{error}");

    let mut r = review(&a);
    r.metrics[1].trend[0].1 = Some(f64::INFINITY);
    let error = report(&a, &r, &options(Language::En)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the review of 2026-11 gives metric `mql-acceptance` a figure in an earlier period that \
         is not a number"
    );
}

#[test]
fn twenty_metrics_over_twelve_periods_fit_and_every_chart_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let (a, r) = large(Language::En);
    let bytes = report(&a, &r, &options(Language::En)).unwrap();
    let path = write(dir.path(), "review-large.pdf", &bytes);
    let text = squeeze(&pdftotext(&path, None));
    for m in &r.metrics {
        // Once in the table, once over its chart.
        assert!(
            text.matches(&squeeze(&m.name)).count() >= 2,
            "{} is missing",
            m.name
        );
    }
    let (ok, out) = qpdf_check(&path);
    assert!(ok, "{out}");
}
