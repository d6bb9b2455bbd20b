//! Export speed: the complete template and a 60-metric agreement, beside the same agreement
//! printed to PDF by headless Chromium from an equivalent HTML page (the usual alternative).
//! Targets: under 50 ms for the template, at least 20 times faster than Chromium.
//!
//! `cargo bench -p sla-pdf --bench export`; prints criterion's figures, then a summary with
//! medians, the speed-up and the file sizes.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use sla_model::*;
use sla_pdf::{export, ExportOptions};

/// The Russian agreement with 30 metrics in each of its two services.
fn sixty_metrics() -> Agreement {
    let mut a = common::russian_agreement();
    for commitment in &mut a.commitments {
        let originals = commitment.metrics.clone();
        commitment.metrics = (0..30)
            .map(|i| {
                let mut m = originals[i % originals.len()].clone();
                m.id = format!("{}-{}", m.id, i + 1);
                m.name = format!("{} ({})", m.name, i + 1);
                m.target += i as f64;
                m
            })
            .collect();
    }
    a
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The agreement as an HTML page laid out like the PDF: same sections, tables and fonts.
fn html(a: &Agreement, fonts: &Path) -> String {
    let ru = a.language == Language::Ru;
    let l = |en: &'static str, ru_text: &'static str| if ru { ru_text } else { en };
    let e = |s: &str| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            escape(s)
        }
    };
    let mut h = String::new();
    let font = |name: &str, file: &str, weight: u32| {
        format!(
            "@font-face{{font-family:'{name}';src:url('file://{}/{file}');font-weight:{weight}}}",
            fonts.display()
        )
    };
    h.push_str("<!doctype html><html><head><meta charset=\"utf-8\"><style>");
    h.push_str(&font("Body", "DejaVuSerif.ttf", 400));
    h.push_str(&font("Body", "DejaVuSerif-Bold.ttf", 700));
    h.push_str(&font("Ui", "DejaVuSans.ttf", 400));
    h.push_str(&font("Ui", "DejaVuSans-Bold.ttf", 700));
    h.push_str(
        "@page{size:A4;margin:22mm 18mm 24mm 25mm}body{font:9.5pt/1.43 Body}h1{font:700 17pt Body;\
         text-align:center}h2{font:700 11.5pt Ui;margin:16pt 0 5pt}h3{font:700 9.5pt Ui}\
         table{width:100%;border-collapse:collapse;font:8pt/1.32 Ui}th{background:#e8e8e8;text-align:left}\
         th,td{border:.5pt solid #8c8c8c;padding:3pt 4pt;vertical-align:top;overflow-wrap:anywhere}\
         thead{display:table-header-group}.sig{display:inline-block;width:48%;vertical-align:top}\
         .box{height:64pt;border:.4pt solid #ccc}</style></head><body>",
    );
    h.push_str(&format!("<h1>{}</h1>", e(&a.title)));
    h.push_str(&format!(
        "<p>№ {} · {}</p>",
        e(&a.id),
        a.term.effective_date
    ));
    h.push_str(&format!(
        "<h2>1. {}</h2><table>",
        l("Parties and term", "Стороны и срок действия")
    ));
    for p in [&a.parties.marketing, &a.parties.sales] {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&p.department),
            e(&p.head.name),
            e(&p.head.role),
            e(&p.head.email)
        ));
    }
    h.push_str("</table>");
    h.push_str(&format!("<h2>2. {}</h2>", l("Services", "Услуги")));
    for (i, c) in a.commitments.iter().enumerate() {
        h.push_str(&format!(
            "<h3>2.{} {}</h3><p>{}</p>",
            i + 1,
            e(&c.service),
            e(&c.description)
        ));
    }
    h.push_str(&format!(
        "<h2>3. {}</h2>",
        l("Performance levels", "Уровни сервиса")
    ));
    for (i, c) in a.commitments.iter().enumerate() {
        h.push_str(&format!("<h3>3.{} {}</h3><table><thead><tr><th>№</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>",
            i + 1, e(&c.service), l("Metric and definition", "Показатель и порядок расчёта"),
            l("Target", "Целевое значение"), l("Measurement", "Измерение"), l("Owner", "Отвечает")));
        for (j, m) in c.metrics.iter().enumerate() {
            h.push_str(&format!(
                "<tr><td>3.{}.{}</td><td><b>{}</b><br>{}<br><small>{}</small></td><td><b>{:?} {}</b><br>{:?}</td><td>{}<br>{:?}</td><td>{:?}</td></tr>",
                i + 1, j + 1, e(&m.name), e(&m.definition), e(&m.id), m.comparator, m.target, m.window,
                e(&m.data_source), m.collection, m.owner
            ));
        }
        h.push_str("</table>");
    }
    let mo = &a.monitoring;
    h.push_str(&format!(
        "<h2>4. {}</h2><p>{}</p><p>{}</p><table>",
        l("Monitoring and reporting", "Мониторинг и отчётность"),
        e(&mo.data_collection),
        e(&mo.data_processing)
    ));
    for r in &mo.reports {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{:?}</td></tr>",
            e(&r.name),
            e(&r.contents),
            e(&r.owner),
            r.frequency
        ));
    }
    h.push_str(&format!(
        "</table><h2>5. {}</h2><table>",
        l("Deadlines", "Сроки")
    ));
    for r in &a.deadlines.rules {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{:?}</td><td>{:?}</td><td>{:?}</td></tr>",
            e(&r.applies_to),
            r.owner,
            r.response,
            r.resolution
        ));
    }
    h.push_str(&format!(
        "</table><h2>6. {}</h2><table>",
        l("Consequences", "Последствия")
    ));
    for s in &a.consequences.escalation {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&s.trigger),
            e(&s.escalate_to),
            s.after_days,
            e(&s.action)
        ));
    }
    for r in &a.consequences.remedies {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td colspan=2>{}</td></tr>",
            e(&r.id),
            e(&r.trigger),
            e(&r.action)
        ));
    }
    h.push_str(&format!(
        "</table><h2>7. {}</h2><p>{}</p>",
        l("Other terms", "Прочие условия"),
        e(&a.notes)
    ));
    h.push_str(&format!(
        "<h2 style=\"break-before:page\">8. {}</h2>",
        l("Signatures", "Подписи сторон")
    ));
    for s in &a.signatories {
        h.push_str(&format!(
            "<div class=sig><b>{}</b><br>{}<br>{}<div class=box></div></div> ",
            e(&s.name),
            e(&s.role),
            e(&s.email)
        ));
    }
    h.push_str("</body></html>");
    h
}

fn chromium_available() -> bool {
    Command::new("chromium")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Prints `page` to `out` with a fresh headless Chromium, as a desktop app would have to.
fn print_with_chromium(page: &Path, out: &Path) {
    let profile = tempfile::tempdir().expect("a profile directory");
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(page)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(status.success(), "chromium failed");
}

struct Subject {
    name: &'static str,
    agreement: Agreement,
    options: ExportOptions,
    page: PathBuf,
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn benches(c: &mut Criterion) {
    let scratch = tempfile::tempdir().expect("a scratch directory");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let subjects: Vec<Subject> = [
        ("template-en", common::english_template()),
        ("template-ru", common::russian_agreement()),
        ("60-metrics-ru", sixty_metrics()),
    ]
    .into_iter()
    .map(|(name, agreement)| {
        let page = scratch.path().join(format!("{name}.html"));
        std::fs::write(&page, html(&agreement, &fonts)).expect("write the page");
        let options = common::options(agreement.language);
        Subject {
            name,
            agreement,
            options,
            page,
        }
    })
    .collect();
    // Font parsing happens once per process; measure the steady state like an app that exports
    // more than once, and report the first export separately below.
    let first = Instant::now();
    export(&subjects[0].agreement, &subjects[0].options).expect("exports");
    let first_export = first.elapsed();

    let mut group = c.benchmark_group("sla-pdf");
    for s in &subjects {
        group.bench_function(s.name, |b| {
            b.iter(|| export(&s.agreement, &s.options).expect("exports"))
        });
    }
    group.finish();

    let chromium = chromium_available();
    if chromium {
        let mut group = c.benchmark_group("chromium");
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(20));
        for s in subjects.iter().filter(|s| s.name != "template-en") {
            let out = scratch.path().join(format!("{}.chromium.pdf", s.name));
            group.bench_function(s.name, |b| b.iter(|| print_with_chromium(&s.page, &out)));
        }
        group.finish();
    }

    println!(
        "\nsummary (medians; first export in the process, with font parsing: {first_export:.1?})"
    );
    for s in &subjects {
        let ours: Vec<Duration> = (0..30)
            .map(|_| {
                let t = Instant::now();
                export(&s.agreement, &s.options).expect("exports");
                t.elapsed()
            })
            .collect();
        let ours = median(ours);
        let size = export(&s.agreement, &s.options).expect("exports").len();
        let mut line = format!(
            "  {:<14} sla-pdf {:>7.1?} {:>7} KB",
            s.name,
            ours,
            size / 1024
        );
        if chromium && s.name != "template-en" {
            let out = scratch.path().join(format!("{}.summary.pdf", s.name));
            let theirs = median(
                (0..5)
                    .map(|_| {
                        let t = Instant::now();
                        print_with_chromium(&s.page, &out);
                        t.elapsed()
                    })
                    .collect(),
            );
            let their_size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
            line.push_str(&format!(
                " | chromium {:>7.1?} {:>5} KB | {:.0}x faster",
                theirs,
                their_size / 1024,
                theirs.as_secs_f64() / ours.as_secs_f64()
            ));
        }
        println!("{line}");
    }
    if !chromium {
        println!("  chromium is not installed or does not start: no baseline measured");
    }
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
