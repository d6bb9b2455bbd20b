//! Input the signer must refuse: each with an error naming the problem, never a panic, and
//! never a half-signed file.

mod common;

use chrono::{Duration, Utc};
use common::*;
use lopdf::{dictionary, Document, Object, Stream};
use sla_signing::{
    sign, verify, FieldChoice, KeyKind, NewIdentity, Point, SignError, SignOptions, SigningIdentity,
};

fn sign_default(pdf: &[u8]) -> Result<Vec<u8>, SignError> {
    sign(pdf, ivan(), &SignOptions::default())
}

/// A PDF some other program made: one page, no form.
fn foreign_pdf(with_text_field: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(
        lopdf::Dictionary::new(),
        b"0 0 m 100 100 l S".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if with_text_field {
        let field = doc.add_object(dictionary! {
            "FT" => "Tx", "T" => Object::string_literal("name"), "Type" => "Annot",
            "Subtype" => "Widget", "Rect" => vec![10.into(), 10.into(), 200.into(), 40.into()],
        });
        catalog.set("AcroForm", dictionary! { "Fields" => vec![field.into()] });
    }
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn files_that_are_not_pdfs_are_named_as_such() {
    for bytes in [
        &b""[..],
        b"Hello, this is a text file\n",
        b"\x89PNG\r\n\x1a\n0000",
    ] {
        let err = sign_default(bytes).unwrap_err();
        assert!(matches!(err, SignError::NotPdf { .. }), "{err}");
        let err = verify(bytes, &[]).unwrap_err();
        assert!(matches!(err, SignError::NotPdf { .. }), "{err}");
    }
}

#[test]
fn a_pdf_the_app_did_not_make_has_no_signature_fields() {
    for with_text_field in [false, true] {
        let err = sign_default(&foreign_pdf(with_text_field)).unwrap_err();
        assert!(matches!(err, SignError::NoSignatureFields), "{err}");
        assert!(err.to_string().contains("no signature fields"));
    }
    let report = verify(&foreign_pdf(false), &[]).unwrap();
    assert!(
        report.signatures.is_empty() && !report.all_valid(),
        "no signature is not a valid signature"
    );
}

#[test]
fn truncated_pdfs_are_refused_and_never_panic() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    let err = sign_default(&pdf[..pdf.len() / 2]).unwrap_err();
    assert!(matches!(err, SignError::TruncatedPdf { .. }), "{err}");
    assert!(err.to_string().contains("truncated"));
    let err = verify(&pdf[..pdf.len() / 2], &[]).unwrap_err();
    assert!(matches!(err, SignError::TruncatedPdf { .. }), "{err}");

    let one = sign(&pdf, anna(), &SignOptions::default()).unwrap();
    let two = sign(&one, ivan(), &SignOptions::default()).unwrap();
    // The first signature's revision ends at `one.len()`; a cut there, or inside the line end
    // after its %%EOF, is that whole revision: a complete PDF that may be countersigned. The
    // signature's length varies from key to key, so the grid below may or may not hit it: it is
    // checked on its own, and excluded from the grid.
    let eof_line = one.len()
        - one
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    let revision_ends = eof_line..=one.len();
    for cut in revision_ends.clone() {
        let whole_revision = &two[..cut];
        assert!(
            sign_default(whole_revision).is_ok(),
            "cut at {cut}, the first revision's end"
        );
        // The signature covers the line end too: without it, the signed range runs past the end.
        let valid = verify(whole_revision, &[]).unwrap().all_valid();
        assert_eq!(valid, cut == one.len(), "cut at {cut}");
    }
    let grid = (1..two.len()).step_by(two.len() / 80);
    let beside_the_revision_end = [eof_line - 1, one.len() + 1];
    for cut in grid.chain(beside_the_revision_end) {
        if revision_ends.contains(&cut) {
            continue;
        }
        let short = &two[..cut];
        assert!(sign_default(short).is_err(), "cut at {cut}");
        if let Ok(report) = verify(short, &[]) {
            assert!(!report.all_valid(), "cut at {cut}");
        }
    }
}

#[test]
fn encrypted_pdfs_are_refused() {
    require_tool("qpdf", "apt-get install qpdf");
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "plain.pdf", &agreement_pdf(&[ANNA, IVAN], "en"));
    for user_password in ["", "secret"] {
        let out = dir.path().join("encrypted.pdf");
        let (ok, text) = run(
            "qpdf",
            &[
                "--encrypt",
                user_password,
                "owner",
                "256",
                "--",
                plain.to_str().unwrap(),
                out.to_str().unwrap(),
            ],
        );
        assert!(ok, "{text}");
        let encrypted = std::fs::read(&out).unwrap();
        let err = sign_default(&encrypted).unwrap_err();
        assert!(
            matches!(err, SignError::EncryptedPdf),
            "user password {user_password:?}: {err}"
        );
        let err = verify(&encrypted, &[]).unwrap_err();
        assert!(matches!(err, SignError::EncryptedPdf), "{err}");
    }
}

#[test]
fn a_damaged_cross_reference_table_is_refused() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    let at = rfind(&pdf, b"startxref").unwrap();
    let mut damaged = pdf[..at].to_vec();
    damaged.extend_from_slice(b"startxref\n17\n%%EOF\n");
    let err = sign_default(&damaged).unwrap_err();
    assert!(matches!(err, SignError::DamagedPdf { .. }), "{err}");
}

#[test]
fn signed_fields_are_not_signed_again() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    let one = sign(&pdf, anna(), &SignOptions::default()).unwrap();
    let two = sign(&one, ivan(), &SignOptions::default()).unwrap();
    let err = sign_default(&two).unwrap_err();
    assert!(matches!(err, SignError::AllFieldsSigned { .. }), "{err}");
    assert!(err.to_string().contains("sig-1, sig-2"), "{err}");

    let named = |name: &str| SignOptions {
        field: FieldChoice::Named(name.into()),
        ..Default::default()
    };
    let err = sign(&one, ivan(), &named("sig-1")).unwrap_err();
    assert!(matches!(err, SignError::FieldAlreadySigned { .. }), "{err}");
    let err = sign(&one, ivan(), &named("sig-9")).unwrap_err();
    assert!(matches!(err, SignError::FieldNotFound { .. }), "{err}");
    assert!(
        err.to_string().contains("sig-1, sig-2"),
        "the message lists the fields: {err}"
    );
}

#[test]
fn expired_and_not_yet_valid_certificates_do_not_sign() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    let with_validity = |from_days: i64, days: u32| {
        let mut new = NewIdentity::new("Ivan Sokolov", "Head of Sales");
        new.key = KeyKind::P256;
        new.valid_from = Some(Utc::now() + Duration::days(from_days));
        new.valid_days = days;
        SigningIdentity::create(&new).unwrap()
    };
    let err = sign(&pdf, &with_validity(-400, 30), &SignOptions::default()).unwrap_err();
    assert!(matches!(err, SignError::CertificateExpired { .. }), "{err}");
    assert!(err.to_string().contains("expired"));
    let err = sign(&pdf, &with_validity(10, 365), &SignOptions::default()).unwrap_err();
    assert!(
        matches!(err, SignError::CertificateNotYetValid { .. }),
        "{err}"
    );

    // A signing time outside the validity is refused the same way.
    let options = SignOptions {
        signing_time: Some((Utc::now() + Duration::days(4000)).fixed_offset()),
        ..Default::default()
    };
    let err = sign(&pdf, ivan(), &options).unwrap_err();
    assert!(matches!(err, SignError::CertificateExpired { .. }), "{err}");
}

#[test]
fn a_drawing_that_cannot_be_drawn_is_refused() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    let cases = [
        vec![vec![Point {
            x: f32::NAN,
            y: 1.0,
        }]],
        vec![vec![]],
        vec![vec![Point { x: 1.0, y: 1.0 }; 20_001]],
    ];
    for drawing in cases {
        let options = SignOptions {
            drawn_signature: drawing,
            ..Default::default()
        };
        let err = sign(&pdf, ivan(), &options).unwrap_err();
        assert!(matches!(err, SignError::InvalidDrawing { .. }), "{err}");
    }
}

#[test]
fn a_garbled_signature_value_is_reported_not_panicked_on() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    let signed = sign(&pdf, ivan(), &SignOptions::default()).unwrap();
    let start = rfind(&signed, b"/Contents <").unwrap() + 11;
    for (offset, replacement) in [(0usize, b"FF".as_slice()), (40, b"00"), (200, b"AB")] {
        let mut garbled = signed.clone();
        garbled[start + offset..start + offset + 2].copy_from_slice(replacement);
        let report = verify(&garbled, &[]).unwrap();
        assert!(!report.all_valid(), "changed signature value at +{offset}");
        assert!(!report.signatures[0].problems.is_empty());
    }
}
