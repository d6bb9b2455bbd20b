//! An amendment to a signed agreement: marked so under its title, naming the signed agreement,
//! with an annex listing every change; and what the attachment carries of a negotiation (where
//! it came from, never the comments).

mod common;

use chrono::NaiveDate;
use common::*;
use sla_model::{Language, Message, Side, Thread};
use sla_pdf::{export, extract_agreement, Amendment};
use sla_pdf_inspect::{assert_qpdf_clean, page_count, pdftotext};

fn amendment(changes: &[&str]) -> Amendment {
    Amendment {
        signed_on: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        fingerprint: "0123456789abcdef".repeat(4),
        changes: changes.iter().map(|c| c.to_string()).collect(),
    }
}

#[test]
fn an_amendment_names_the_signed_agreement_and_lists_every_change() {
    let scratch = Scratch::new();
    let a = english_template();
    let mut options = options(Language::En);
    options.amendment = Some(amendment(&[
        "3.1.1 MQLs per sales rep: target 100 → 120 a month",
        "5.1 holiday added: 7 January 2027",
    ]));
    let path = scratch.write("amendment.pdf", &export(&a, &options).unwrap());
    assert_qpdf_clean(&path);
    let first = pdftotext(&path, Some(1));
    assert!(
        first.contains("AMENDMENT TO THE SERVICE-LEVEL AGREEMENT"),
        "{first}"
    );
    assert!(
        squeeze(&first).contains(&squeeze(
            "Amends the agreement signed on 30 November 2026 (SHA-256 0123 4567 89ab cdef…)"
        )),
        "{first}"
    );
    let pages = page_count(&path);
    let last = pdftotext(&path, Some(pages));
    assert!(
        last.contains("Annex. Changes to the signed agreement"),
        "{last}"
    );
    let squeezed = squeeze(&last);
    for line in [
        "This amendment changes the agreement signed on 30 November 2026 (SHA-256 of its data:",
        "in the 2 points below. Everything else stays as signed.",
        "1. 3.1.1 MQLs per sales rep: target 100 → 120 a month",
        "2. 5.1 holiday added: 7 January 2027",
    ] {
        assert!(squeezed.contains(&squeeze(line)), "{line}: {last}");
    }
    // The signature page comes before the annex, and an ordinary export has neither mark.
    let plain = scratch.write("plain.pdf", &export(&a, &options_plain()).unwrap());
    let text = pdftotext(&plain, None);
    assert!(
        !text.contains("AMENDMENT") && !text.contains("Annex"),
        "{text}"
    );
    assert_eq!(page_count(&plain) + 1, pages);
}

fn options_plain() -> sla_pdf::ExportOptions {
    options(Language::En)
}

#[test]
fn a_russian_amendment_reads_in_russian() {
    let scratch = Scratch::new();
    let a = russian_template();
    let mut options = options(Language::Ru);
    options.amendment = Some(amendment(&["5.1 праздник добавлен: 7 января 2027 г."]));
    let path = scratch.write("ru.pdf", &export(&a, &options).unwrap());
    let text = squeeze(&pdftotext(&path, None));
    for line in [
        "ИЗМЕНЕНИЕ СОГЛАШЕНИЯ ОБ УРОВНЕ СЕРВИСА",
        "Изменяет соглашение, подписанное 30 ноября 2026 г.",
        "Приложение. Изменения подписанного соглашения",
        "1 изменение, указанное ниже",
        "1. 5.1 праздник добавлен: 7 января 2027 г.",
    ] {
        assert!(text.contains(&squeeze(line)), "{line}");
    }
}

#[test]
fn the_attachment_names_its_base_but_never_carries_the_comments() {
    let mut a = english_template();
    let plain_fingerprint = sla_pdf::agreement_hash(&a);
    a.negotiation.base = Some(sla_model::BaseVersion {
        fingerprint: "ab".repeat(32),
        version: Some(2),
    });
    a.negotiation.from = Some(Side::Marketing);
    a.negotiation.comments = vec![Thread {
        id: "t1".into(),
        on: "title".into(),
        messages: vec![Message {
            id: "m1".into(),
            side: Side::Sales,
            author: "Igor Smirnov".into(),
            at: "2026-11-03T09:00:00Z".into(),
            text: "A private remark about the title".into(),
        }],
        resolved_at: None,
        resolved_by: None,
    }];
    let pdf = export(&a, &options(Language::En)).unwrap();
    let back = extract_agreement(&pdf).unwrap();
    assert_eq!(back.negotiation.base, a.negotiation.base);
    assert_eq!(back.negotiation.from, Some(Side::Marketing));
    assert!(back.negotiation.comments.is_empty());
    assert!(!pdf
        .windows(b"private remark".len())
        .any(|w| w == b"private remark"));
    // The footer's fingerprint is the content's alone.
    assert_eq!(sla_pdf::agreement_hash(&a), plain_fingerprint);
    let scratch = Scratch::new();
    let path = scratch.write("base.pdf", &pdf);
    assert!(pdftotext(&path, None).contains(&plain_fingerprint));
}
