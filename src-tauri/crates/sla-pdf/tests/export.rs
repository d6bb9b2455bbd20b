//! The exported PDF checked the way a reader, a viewer and an importer see it: poppler's text and
//! word boxes, qpdf's structure check and JSON, and the attached agreement read back.

mod common;

use common::*;
use sla_model::{Agreement, Language};
use sla_pdf::{export, extract_agreement, signature_fields, ExportOptions, PdfError};
use sla_pdf_inspect::{
    assert_qpdf_clean, page_count, pdftotext, pdftotext_layout, qpdf_json, render, run, word_boxes,
};

fn exported(
    agreement: &Agreement,
    options: &ExportOptions,
    scratch: &Scratch,
    name: &str,
) -> std::path::PathBuf {
    let bytes = export(agreement, options).expect("the agreement exports");
    scratch.write(name, &bytes)
}

/// Every typed string, the formatted dates and the given extra phrases are in the text poppler
/// extracts.
fn assert_all_text_present(agreement: &Agreement, text: &str, extra: &[String]) {
    let haystack = squeeze(text);
    let mut missing = Vec::new();
    for s in typed_strings(agreement).iter().chain(extra) {
        if !haystack.contains(&squeeze(s)) && !in_order_across_page_breaks(&haystack, s) {
            missing.push(s.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "not found in the extracted text: {missing:#?}"
    );
}

/// A text that a page break cuts (a table row split over two pages) is interrupted by the
/// footer, the next page's header and the other cells of its row: its words must still all be
/// there, in order, each within a page's worth of text of the one before.
fn in_order_across_page_breaks(haystack: &str, text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(squeeze).collect();
    let Some(first) = words.first() else {
        return true;
    };
    haystack.match_indices(first.as_str()).any(|(start, _)| {
        let mut at = start;
        words
            .iter()
            .all(|word| match haystack[at..].find(word.as_str()) {
                Some(i) if i <= 1500 => {
                    at += i + word.len();
                    true
                }
                _ => false,
            })
    })
}

#[test]
fn english_template_prints_every_field_as_text() {
    let scratch = Scratch::new();
    let a = english_template();
    let path = exported(&a, &options(Language::En), &scratch, "en.pdf");
    let text = pdftotext(&path, None);
    let words: Vec<String> = [
        "1 January 2027",
        "12 months, until 31 December 2027 inclusive",
        "By agreement: renewed only when both heads sign a renewal.",
        "31 March 2027; 30 June 2027; 30 September 2027; 15 December 2027",
        "at least 100",
        "at least 70%",
        "at most 1 business hour",
        "each week",
        "each month",
        "Recorded automatically",
        "Monday to Friday",
        "09:00 to 18:00",
        "1 hour",
        "10 days",
        "at once",
        "14 days",
        "monthly",
        "daily",
        "metric 3.2.1 “Time to first contact”",
        "No bonus or budget adjustments apply.",
        "Draft 42, version 7",
        "Fires when: any metric missed 2 periods in a row",
        "Fires when: a metric of service 2.1 “Marketing-qualified leads” achieved below 80% of target",
        "Fires when: a metric of service 2.2 “Lead follow-up and feedback” missed its target in the current period",
    ]
    .map(String::from)
    .to_vec();
    assert_all_text_present(&a, &text, &words);
    for heading in [
        "1. Parties and term",
        "2. Services",
        "3. Performance levels",
        "4. Monitoring and reporting",
        "5. Deadlines",
        "6. Consequences of missed commitments",
        "7. Other terms",
        "8. Signatures",
    ] {
        assert!(squeeze(&text).contains(&squeeze(heading)), "{heading}");
    }
    // No raw enum value leaks into the text.
    for raw in [
        "at_least",
        "business_hours",
        "by_agreement",
        "lead_tier",
        "issue_severity",
    ] {
        assert!(!text.contains(raw), "{raw} printed as is");
    }
}

#[test]
fn russian_agreement_prints_every_field_as_text_in_russian() {
    let scratch = Scratch::new();
    let a = russian_agreement();
    let path = exported(&a, &options(Language::Ru), &scratch, "ru.pdf");
    let text = pdftotext(&path, None);
    let words: Vec<String> = [
        "1 января 2027 г.",
        "12 месяцев, по 31 декабря 2027 г. включительно",
        "7 января 2027 г.; 23 февраля 2027 г.; 8 марта 2027 г.",
        "не менее 100",
        "не менее 70 %",
        "не более 1 рабочего часа",
        "за неделю",
        "за месяц",
        "Фиксируется автоматически",
        "понедельник – пятница",
        "с 09:00 до 18:00",
        "1 час",
        "8 часов",
        "3 дня",
        "10 дней",
        "сразу",
        "14 дней",
        "ежемесячно",
        "−12,5 %",
        "Не более 15 % в месяц и 30 % в год.",
        "Корректировка премии по услуге 2.1",
        "Черновик 42, версия 7",
        "Подписи сторон",
    ]
    .map(String::from)
    .to_vec();
    assert_all_text_present(&a, &text, &words);
    assert!(!text.contains("Page "), "English label in the Russian PDF");
}

#[test]
fn structured_triggers_print_under_the_free_text_in_both_languages() {
    let scratch = Scratch::new();
    for (mut a, language, expected) in [
        (
            english_template(),
            Language::En,
            [
                "Fires when: metric 3.1.2 “Sales acceptance rate” missed 2 periods in a row",
                "Fires when: any metric missed 3 periods in a row",
                "Fires when: a metric of service 2.1 “Marketing-qualified leads” achieved below 80% of target",
            ],
        ),
        (
            russian_template(),
            Language::Ru,
            [
                "Срабатывает: метрика 3.1.2 «Доля лидов, принятых продажами» не выполнена 2 периода подряд",
                "Срабатывает: любая метрика соглашения не выполнена 3 периода подряд",
                "Срабатывает: метрика услуги 2.1 «Маркетинговые квалифицированные лиды (MQL)» достигает менее 80 % от цели",
            ],
        ),
    ] {
        a.consequences.escalation[0].scope = Some(sla_model::Scope::Metric("mql-acceptance".into()));
        let path = exported(&a, &options(language), &scratch, "triggers.pdf");
        let text = pdftotext(&path, None);
        // Each condition comes right after its free-text trigger, in the same cell.
        let squeezed = squeeze(&text);
        for (trigger, line) in [
            (&a.consequences.escalation[0].trigger, expected[0]),
            (&a.consequences.escalation[1].trigger, expected[1]),
            (&a.consequences.remedies[1].trigger, expected[2]),
        ] {
            let at_trigger = squeezed.find(&squeeze(trigger)).expect(trigger);
            let at_line = squeezed.find(&squeeze(line)).unwrap_or_else(|| {
                panic!("{line} not in:\n{text}");
            });
            assert!(at_trigger < at_line, "{line} before its trigger");
        }
    }
}

#[test]
fn an_agreement_without_structured_triggers_prints_only_its_words() {
    let scratch = Scratch::new();
    let mut a = english_template();
    a.consequences
        .escalation
        .iter_mut()
        .for_each(|s| s.when = None);
    a.consequences
        .remedies
        .iter_mut()
        .for_each(|r| r.when = None);
    let text = pdftotext(
        exported(&a, &options(Language::En), &scratch, "plain.pdf"),
        None,
    );
    assert!(!text.contains("Fires when"), "{text}");
    let ru = pdftotext(
        exported(
            &russian_agreement(),
            &options(Language::Ru),
            &scratch,
            "plain-ru.pdf",
        ),
        None,
    );
    assert!(!ru.contains("Срабатывает"), "{ru}");
}

#[test]
fn both_languages_pass_qpdf_and_round_trip_through_the_attachment() {
    let scratch = Scratch::new();
    let blank = sla_model::blank(
        Language::En,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
    );
    for (i, (a, lang)) in [
        (english_template(), Language::En),
        (russian_agreement(), Language::Ru),
        (english_template(), Language::Ru),
        (long_agreement(), Language::En),
        (blank, Language::En),
    ]
    .into_iter()
    .enumerate()
    {
        let bytes = export(&a, &options(lang)).unwrap();
        let path = scratch.write(&format!("{i}.pdf"), &bytes);
        assert_qpdf_clean(&path);
        assert_eq!(
            extract_agreement(&bytes).unwrap(),
            a,
            "agreement {i} reads back exactly"
        );
        let (ok, listing, _) = run("pdfdetach", &["-list", path.to_str().unwrap()]);
        assert!(ok && listing.contains("agreement.sla.json"), "{listing}");
        // The attachment is the canonical JSON itself, byte for byte.
        let saved = scratch.dir.path().join(format!("{i}.json"));
        let (ok, _, err) = run(
            "pdfdetach",
            &[
                "-save",
                "1",
                "-o",
                saved.to_str().unwrap(),
                path.to_str().unwrap(),
            ],
        );
        assert!(ok, "{err}");
        assert_eq!(
            std::fs::read_to_string(&saved).unwrap(),
            sla_model::to_canonical_json(&a)
        );
    }
}

#[test]
fn the_attachment_is_an_associated_data_file() {
    let scratch = Scratch::new();
    let path = exported(
        &english_template(),
        &options(Language::En),
        &scratch,
        "af.pdf",
    );
    let json = qpdf_json(&path, &["attachments", "qpdf"]);
    let attachment = &json["attachments"]["agreement.sla.json"];
    assert_eq!(
        attachment["names"]["/UF"], "agreement.sla.json",
        "{attachment}"
    );
    assert_eq!(attachment["streams"]["/F"]["mimetype"], "application/json");
    let filespec_ref = attachment["filespec"].as_str().unwrap();
    let filespec = &json["qpdf"][1][format!("obj:{filespec_ref}")]["value"];
    assert_eq!(filespec["/AFRelationship"], "/Data", "{filespec}");
    assert_eq!(filespec["/Type"], "/Filespec");
    // qpdf shows a UTF-16 string with a "u:" prefix.
    assert_eq!(filespec["/UF"], "u:agreement.sla.json");
    let catalog = root_object(&json);
    assert_eq!(
        catalog["/AF"],
        serde_json::json!([filespec_ref]),
        "{catalog}"
    );
    assert!(
        catalog["/Names"]["/EmbeddedFiles"]["/Names"].is_array(),
        "{catalog}"
    );
    assert_eq!(catalog["/Lang"], "u:en");
}

/// The catalog dictionary in qpdf's JSON.
fn root_object(json: &serde_json::Value) -> serde_json::Value {
    let objects = &json["qpdf"][1];
    let root = objects["trailer"]["value"]["/Root"]
        .as_str()
        .unwrap()
        .to_string();
    objects[format!("obj:{root}")]["value"].clone()
}

#[test]
fn extract_says_what_is_wrong_with_a_file() {
    let scratch = Scratch::new();
    let bytes = export(&english_template(), &options(Language::En)).unwrap();

    let err = extract_agreement(b"{\"schema_version\": 1}").unwrap_err();
    assert!(matches!(err, PdfError::NotPdf), "{err}");
    assert_eq!(
        err.to_string(),
        "the file is not a PDF (no %PDF- header at its start)"
    );

    let err = extract_agreement(&bytes[..bytes.len() / 2]).unwrap_err();
    assert!(matches!(err, PdfError::Truncated), "{err}");

    // A valid PDF that SLA Studio did not make.
    let empty = scratch.dir.path().join("empty.pdf");
    let (ok, _, err) = run("qpdf", &["--empty", empty.to_str().unwrap()]);
    assert!(ok, "{err}");
    let err = extract_agreement(&std::fs::read(&empty).unwrap()).unwrap_err();
    assert!(matches!(err, PdfError::NoAgreement), "{err}");
    assert!(
        err.to_string()
            .contains("this PDF was not made by SLA Studio"),
        "{err}"
    );

    // Encrypted with a password the reader does not have.
    let plain = scratch.write("plain.pdf", &bytes);
    let locked = scratch.dir.path().join("locked.pdf");
    sla_pdf_inspect::encrypt(&plain, &locked);
    let err = extract_agreement(&std::fs::read(&locked).unwrap()).unwrap_err();
    assert!(matches!(err, PdfError::Encrypted), "{err}");
    assert!(matches!(
        signature_fields(&std::fs::read(&locked).unwrap()),
        Err(PdfError::Encrypted)
    ));

    // An attachment that is not an agreement: the same PDF with the JSON replaced.
    let mut doc = lopdf::Document::load_mem(&bytes).unwrap();
    let file_ids: Vec<_> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"EmbeddedFile")
            })
        })
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(file_ids.len(), 1);
    let stream = doc
        .get_object_mut(file_ids[0])
        .unwrap()
        .as_stream_mut()
        .unwrap();
    stream.dict.remove(b"Filter");
    stream.set_content(b"{\"schema_version\": 1, \"id\": 5}".to_vec());
    let mut replaced = Vec::new();
    doc.save_to(&mut replaced).unwrap();
    let err = extract_agreement(&replaced).unwrap_err();
    assert!(matches!(err, PdfError::BadAttachment(_)), "{err}");
    assert!(
        err.to_string()
            .starts_with("the agreement attached to this PDF cannot be read: "),
        "{err}"
    );
}

#[test]
fn long_agreement_stays_inside_the_margins_and_never_overlaps() {
    let scratch = Scratch::new();
    let a = long_agreement();
    let path = exported(&a, &options(Language::En), &scratch, "long.pdf");
    assert_qpdf_clean(&path);
    let pages = word_boxes(&path);
    assert!(pages.len() >= 10, "{} pages", pages.len());
    let mm = 72.0 / 25.4;
    for (i, page) in pages.iter().enumerate() {
        let (left, right) = (25.0 * mm - 0.5, page.width - 18.0 * mm + 0.5);
        for w in &page.words {
            assert!(
                w.x_min >= left
                    && w.x_max <= right
                    && w.y_min >= 8.0 * mm
                    && w.y_max <= page.height - 8.0 * mm,
                "page {}: {:?} is outside the margins",
                i + 1,
                w
            );
        }
        for (j, a) in page.words.iter().enumerate() {
            for b in &page.words[j + 1..] {
                let dx = a.x_max.min(b.x_max) - a.x_min.max(b.x_min);
                let dy = a.y_max.min(b.y_max) - a.y_min.max(b.y_min);
                assert!(
                    dx <= 0.3 || dy <= 0.3,
                    "page {}: {:?} overlaps {:?}",
                    i + 1,
                    a,
                    b
                );
            }
        }
    }
    // Every field is there, unbroken words included.
    assert_all_text_present(&a, &pdftotext(&path, None), &[]);
    // Every signatory, however long their block, gets a whole, empty signature area.
    let fields = signature_fields(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(fields.len(), a.signatories.len());
    for field in &fields {
        let page = &pages[field.page_index];
        let [x1, y1, x2, y2] = field.rect;
        assert!(
            x1 >= 25.0 * mm - 0.5 && x2 <= page.width - 18.0 * mm + 0.5,
            "{field:?}"
        );
        assert!(
            y1 >= 24.0 * mm && y2 <= page.height - 22.0 * mm,
            "{field:?}"
        );
        for w in &page.words {
            let (top, bottom) = (page.height - y2, page.height - y1);
            let inside = w.x_min < x2 && w.x_max > x1 && w.y_min < bottom && w.y_max > top;
            assert!(!inside, "{w:?} is inside {field:?}");
        }
    }
    // The 60-metric table runs over several pages and every page of it starts with the header.
    let mut table_pages = 0;
    for n in 1..=pages.len() {
        let text = pdftotext(&path, Some(n));
        // "Source:" is printed only in the measurement column of the metric tables.
        if text.contains("Source: ") {
            table_pages += 1;
            assert!(
                text.contains("Metric and definition"),
                "page {n} continues the table without its header"
            );
        }
    }
    assert!(table_pages >= 3, "{table_pages}");
}

#[test]
fn every_page_says_page_x_of_y_and_carries_the_footer() {
    let scratch = Scratch::new();
    let a = long_agreement();
    let path = exported(&a, &options(Language::En), &scratch, "pages.pdf");
    let total = page_count(&path);
    let hash = sla_pdf::agreement_hash(&a);
    assert_eq!(hash.len(), 64);
    for n in 1..=total {
        let text = pdftotext(&path, Some(n));
        assert!(
            text.contains(&format!("Page {n} of {total}")),
            "page {n}: {text}"
        );
        assert!(text.contains(&hash), "page {n} lacks the hash");
        assert!(
            text.contains(&format!("Agreement {}", a.id)),
            "page {n} lacks the id"
        );
        assert!(text.contains("version 7"), "page {n} lacks the version");
    }
    let ru = exported(
        &russian_agreement(),
        &options(Language::Ru),
        &scratch,
        "pages-ru.pdf",
    );
    let total = page_count(&ru);
    for n in 1..=total {
        assert!(pdftotext(&ru, Some(n)).contains(&format!("Страница {n} из {total}")));
    }
}

#[test]
fn a_draft_is_marked_on_every_page() {
    let scratch = Scratch::new();
    for (a, lang, banner) in [
        (
            long_agreement(),
            Language::En,
            "DRAFT: does not pass the checks",
        ),
        (
            russian_agreement(),
            Language::Ru,
            "ПРОЕКТ: не проходит проверки",
        ),
    ] {
        let mut o = options(lang);
        o.draft_mark = true;
        let path = exported(&a, &o, &scratch, "draft.pdf");
        assert_qpdf_clean(&path);
        let total = page_count(&path);
        for n in 1..=total {
            let text = pdftotext(&path, Some(n));
            assert!(text.contains(banner), "page {n}: the banner is missing");
        }
        // The diagonal mark is drawn in pale red across the middle of every page.
        for (n, tinted) in watermark_pixels(&path, total).into_iter().enumerate() {
            assert!(
                tinted > 200,
                "page {}: {tinted} tinted pixels in the middle",
                n + 1
            );
        }
        // The mark is drawn under the text: the page's other words keep their boxes apart.
        let boxes = word_boxes(&path);
        for page in &boxes {
            // The diagonal mark's letters come out as huge boxes; everything else must not overlap.
            let words: Vec<_> = page
                .words
                .iter()
                .filter(|w| w.y_max - w.y_min < 40.0)
                .collect();
            for (j, x) in words.iter().enumerate() {
                for y in &words[j + 1..] {
                    let dx = x.x_max.min(y.x_max) - x.x_min.max(y.x_min);
                    let dy = x.y_max.min(y.y_max) - x.y_min.max(y.y_min);
                    assert!(dx <= 0.3 || dy <= 0.3, "{x:?} overlaps {y:?}");
                }
            }
        }
        let clean = exported(&a, &options(lang), &scratch, "clean.pdf");
        assert!(!pdftotext(&clean, None).contains(banner));
        assert!(watermark_pixels(&clean, page_count(&clean))
            .iter()
            .all(|&n| n == 0));
    }
}

/// Per page, the pale red pixels in the middle half of the page, rendered by pdftoppm at 30 dpi.
fn watermark_pixels(path: &std::path::Path, pages: usize) -> Vec<usize> {
    let images = render(path, None, 30);
    assert_eq!(images.len(), pages);
    images
        .iter()
        .map(|image| {
            let (width, height) = (image.width, image.height);
            let mut tinted = 0;
            for y in height / 4..height * 3 / 4 {
                for x in width / 4..width * 3 / 4 {
                    let [r, g, b] = image.pixel(x, y).map(i32::from);
                    if r > 200 && r - g > 15 && (g - b).abs() < 12 {
                        tinted += 1;
                    }
                }
            }
            tinted
        })
        .collect()
}

#[test]
fn metadata_names_the_agreement_its_signatories_and_the_real_date() {
    let scratch = Scratch::new();
    let a = english_template();
    let path = exported(&a, &options(Language::En), &scratch, "meta.pdf");
    let (ok, info, _) = run("pdfinfo", &["-isodates", path.to_str().unwrap()]);
    assert!(ok);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(str::trim)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(field("Title"), a.title);
    assert_eq!(field("Author"), "Anna Petrova, Igor Smirnov");
    assert_eq!(
        field("Subject"),
        "Service-level agreement between Marketing and Sales"
    );
    assert!(field("Keywords").contains("SLA") && field("Keywords").contains(&a.id));
    assert_eq!(field("CreationDate"), "2026-11-26T09:30:00Z");
    assert_eq!(field("Creator"), "SLA Studio");
    assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)");
    assert_eq!(field("Form"), "AcroForm");
    assert!(
        !info.contains("PDF subtype"),
        "no false PDF/X claim:\n{info}"
    );

    let ru = exported(
        &russian_agreement(),
        &options(Language::Ru),
        &scratch,
        "meta-ru.pdf",
    );
    let (_, info, _) = run("pdfinfo", &[ru.to_str().unwrap()]);
    assert!(
        info.contains("Author:          Анна Петрова, Игорь Смирнов, Ольга Кузнецова"),
        "{info}"
    );
    assert!(info
        .contains("Title:           Соглашение об уровне сервиса между маркетингом и продажами"));
    let catalog = root_object(&qpdf_json(&ru, &["qpdf"]));
    assert_eq!(catalog["/Lang"], "u:ru");
}

#[test]
fn the_outline_has_an_entry_per_section_and_subsection() {
    let scratch = Scratch::new();
    let a = english_template();
    let path = exported(&a, &options(Language::En), &scratch, "outline.pdf");
    let json = qpdf_json(&path, &["outlines"]);
    let outlines = json["outlines"].as_array().unwrap();
    let titles: Vec<&str> = outlines
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "1. Parties and term",
            "2. Services",
            "3. Performance levels",
            "4. Monitoring and reporting",
            "5. Deadlines",
            "6. Consequences of missed commitments",
            "7. Other terms",
            "8. Signatures",
        ]
    );
    let services: Vec<&str> = outlines[1]["kids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        services,
        [
            "2.1 Marketing-qualified leads",
            "2.2 Lead follow-up and feedback"
        ]
    );
    // Each entry points at the page its heading is on.
    let total = page_count(&path);
    for entry in outlines {
        let page = entry["destpageposfrom1"].as_u64().unwrap() as usize;
        let title = entry["title"].as_str().unwrap();
        let text = pdftotext(&path, Some(page));
        let name = title.split_once(' ').unwrap().1;
        assert!(
            squeeze(&text).contains(&squeeze(name)),
            "{title} is not on page {page}"
        );
        assert!(page <= total);
    }
    assert_eq!(
        outlines.last().unwrap()["destpageposfrom1"]
            .as_u64()
            .unwrap() as usize,
        total
    );
}

#[test]
fn signature_fields_sit_in_each_signatory_block() {
    let scratch = Scratch::new();
    let a = russian_agreement();
    let bytes = export(&a, &options(Language::Ru)).unwrap();
    let path = scratch.write("sig.pdf", &bytes);
    let fields = signature_fields(&bytes).unwrap();
    assert_eq!(fields.len(), a.signatories.len());
    let total = page_count(&path);
    let boxes = word_boxes(&path);
    for (i, (field, signatory)) in fields.iter().zip(&a.signatories).enumerate() {
        assert_eq!(field.name, format!("sig-{}", i + 1));
        assert_eq!(field.signatory, signatory.name);
        assert!(!field.signed);
        assert_eq!(field.page_index, total - 1, "on the signature page");
        let [x1, y1, x2, y2] = field.rect;
        assert!(x2 - x1 > 150.0 && y2 - y1 > 50.0, "{:?}", field.rect);
        // The signatory's name is printed just above the area, in the same column, and no text
        // lies inside it.
        let page = &boxes[field.page_index];
        let top = page.height - y2;
        let bottom = page.height - y1;
        let surname = signatory.name.split_whitespace().last().unwrap();
        let name_box = page
            .words
            .iter()
            .find(|w| {
                w.text == surname
                    && w.x_min >= x1 - 1.0
                    && w.x_max <= x2
                    && w.y_max <= top
                    && w.y_max > top - 80.0
            })
            .unwrap_or_else(|| panic!("{} above {:?}", signatory.name, field.rect));
        assert!(name_box.y_min < top);
        for w in &page.words {
            let inside = w.x_min < x2 && w.x_max > x1 && w.y_min < bottom && w.y_max > top;
            assert!(
                !inside || w.text == "ПРОЕКТ",
                "{w:?} is inside the signature area"
            );
        }
    }
    // qpdf sees an indirect AcroForm whose fields are listed in the page's annotations.
    let json = qpdf_json(&path, &["qpdf", "acroform"]);
    let catalog = root_object(&json);
    assert!(
        catalog["/AcroForm"].as_str().unwrap().ends_with(" R"),
        "indirect /AcroForm"
    );
    let form_fields = json["acroform"]["fields"].as_array().unwrap();
    assert_eq!(form_fields.len(), a.signatories.len());
    for (i, f) in form_fields.iter().enumerate() {
        assert_eq!(f["fieldtype"], "/Sig");
        assert_eq!(f["fullname"], format!("sig-{}", i + 1));
        assert_eq!(f["pageposfrom1"].as_u64().unwrap() as usize, total);
    }
    assert_qpdf_clean(&path);
}

#[test]
fn empty_fields_print_a_dash_or_a_sentence_never_nothing() {
    let scratch = Scratch::new();
    let mut a = sla_model::blank(
        Language::En,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
    );
    a.signatories.push(sla_model::Signatory {
        side: sla_model::Side::Marketing,
        name: String::new(),
        role: String::new(),
        email: String::new(),
    });
    let bytes = export(&a, &options(Language::En)).unwrap();
    let path = scratch.write("blank.pdf", &bytes);
    let text = pdftotext(&path, None);
    for sentence in [
        "No services have been agreed yet.",
        "No reports have been agreed yet.",
        "not agreed yet",
        "No deadlines have been agreed yet.",
        "No escalation steps have been agreed yet.",
        "No remedies have been agreed yet.",
        "No bonus or budget adjustments apply.",
        "No other terms.",
        "Name: —",
    ] {
        assert!(text.contains(sentence), "{sentence} missing:\n{text}");
    }
    // Head, role and e-mail rows of both parties, the data texts, the holidays.
    assert!(text.matches('—').count() >= 12, "{text}");
    assert_eq!(signature_fields(&bytes).unwrap().len(), 1);
}

#[test]
fn the_template_stays_small() {
    let en = export(&english_template(), &options(Language::En)).unwrap();
    let ru = export(&russian_agreement(), &options(Language::Ru)).unwrap();
    let long = export(&long_agreement(), &options(Language::En)).unwrap();
    eprintln!(
        "sizes: template {} B, Russian {} B, long {} B",
        en.len(),
        ru.len(),
        long.len()
    );
    assert!(en.len() < 200 * 1024, "{} bytes", en.len());
    assert!(ru.len() < 200 * 1024, "{} bytes", ru.len());
}

/// Every word the reader sees whole: the words people typed, the words of the PDF's own labels
/// (all of them, plural forms included, taken from the Fluent source) and the month names.
fn vocabulary(agreement: &Agreement, language: Language) -> std::collections::HashSet<String> {
    let labels = match language {
        Language::En => include_str!("../../../../ui/src/locales/en/pdf.ftl"),
        Language::Ru => include_str!("../../../../ui/src/locales/ru/pdf.ftl"),
    };
    let common = match language {
        Language::En => include_str!("../../../../ui/src/locales/en/common.ftl"),
        Language::Ru => include_str!("../../../../ui/src/locales/ru/common.ftl"),
    };
    // Dates as the PDF writes them: every month's name, "г." in Russian.
    let words = sla_pdf::kit::Words::of(language);
    let months = (1..=12)
        .map(|m| words.date(chrono::NaiveDate::from_ymd_opt(2027, m, 1).unwrap()))
        .collect::<Vec<_>>()
        .join(" ");
    let typed = typed_strings(agreement).join(" ");
    [labels, common, months.as_str(), typed.as_str()]
        .iter()
        .flat_map(|text| letter_runs(text))
        .collect()
}

/// The runs of letters in a text, lower-cased.
fn letter_runs(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|run| !run.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// No word is broken across lines: every word poppler finds on the pages (leaving out those with
/// digits: numbers, dates, ids and the hash) is made of whole words of the vocabulary. A word
/// broken inside a narrow column shows up as two pieces that are not words.
fn assert_no_word_is_broken(agreement: &Agreement, language: Language, path: &std::path::Path) {
    let vocabulary = vocabulary(agreement, language);
    let mut broken = Vec::new();
    for (i, page) in word_boxes(path).iter().enumerate() {
        for word in &page.words {
            if word.text.chars().any(|c| c.is_numeric()) {
                continue;
            }
            for run in letter_runs(&word.text) {
                if !vocabulary.contains(&run) {
                    broken.push(format!("page {}: {:?} in {:?}", i + 1, run, word));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken words:\n{}", broken.join("\n"));
}

#[test]
fn no_word_is_broken_across_lines_in_either_template() {
    let scratch = Scratch::new();
    for (name, a, language) in [
        ("en.pdf", english_template(), Language::En),
        ("ru.pdf", russian_template(), Language::Ru),
        ("ru-fixture.pdf", russian_agreement(), Language::Ru),
        ("en-of-ru.pdf", russian_template(), Language::En),
    ] {
        let path = exported(&a, &options(language), &scratch, name);
        assert_no_word_is_broken(&a, language, &path);
    }
}

/// Whether a line of `pdftotext -layout` output is a section heading ("6. Consequences",
/// "6.1 Escalation"); numbered rows and clauses have three levels ("6.2.1").
fn is_heading(line: &str) -> bool {
    let Some(number) = line.split_whitespace().next() else {
        return false;
    };
    let parts: Vec<&str> = number.split('.').collect();
    let numeric = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [n, ""] => numeric(n),
        [n, m] => numeric(n) && numeric(m),
        _ => false,
    }
}

#[test]
fn no_heading_is_left_at_the_foot_of_a_page() {
    let scratch = Scratch::new();
    for (name, a, language) in [
        ("en.pdf", english_template(), Language::En),
        ("ru.pdf", russian_template(), Language::Ru),
        ("ru-fixture.pdf", russian_agreement(), Language::Ru),
        ("long.pdf", long_agreement(), Language::En),
    ] {
        let path = exported(&a, &options(language), &scratch, name);
        for n in 1..=page_count(&path) {
            let text = pdftotext_layout(&path, Some(n));
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            // Leave out the two footer lines.
            let body = &lines[..lines.len().saturating_sub(2)];
            if let Some(last) = body.iter().rposition(|l| is_heading(l)) {
                assert!(
                    body.len() - last > 1,
                    "{name}, page {n} ends with the heading {:?}",
                    body[last].trim()
                );
            }
        }
    }
}
