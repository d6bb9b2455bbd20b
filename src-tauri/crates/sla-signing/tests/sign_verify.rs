//! Signing and countersigning agreements, and what verification makes of the result.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::*;
use sha2::{Digest, Sha256};
use sla_signing::{
    attached_agreement_json, sign, signed_revision, verify, AfterSigning, FieldChoice, KeyKind,
    Language, NewIdentity, SignOptions, SigningIdentity, SubFilter, Trust,
};

fn signed_twice() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let pdf = agreement_pdf(&[ANNA, IVAN], "ru");
    let one = sign(&pdf, anna(), &SignOptions::default()).unwrap();
    let two = sign(&one, ivan(), &SignOptions::default()).unwrap();
    (pdf, one, two)
}

#[test]
fn a_countersigned_agreement_keeps_both_signatures_valid() {
    let (pdf, one, two) = signed_twice();
    assert!(
        one.starts_with(&pdf) && two.starts_with(&one),
        "updates only append"
    );

    let report = verify(&two, &[]).unwrap();
    assert!(report.all_valid(), "{}", report.describe(Language::En));
    assert!(
        !report.all_trusted(),
        "self-signed certificates prove no identity"
    );
    assert!(report.unsigned_fields.is_empty());
    let [first, second] = &report.signatures[..] else {
        panic!("two signatures")
    };

    assert_eq!(first.field, "sig-1");
    assert_eq!(first.page, Some(1));
    let signer = first.signer.as_ref().unwrap();
    assert_eq!(
        (signer.name.as_str(), signer.role.as_str()),
        ("Анна Петрова", "Директор по маркетингу")
    );
    assert_eq!(signer.email, "anna.petrova@example.com");
    assert_eq!(
        signer.fingerprint_sha256,
        anna().summary().fingerprint_sha256
    );
    assert_eq!(first.sub_filter, "ETSI.CAdES.detached");
    assert_eq!(
        first.after_signing,
        AfterSigning::LaterSignaturesOnly { count: 1 }
    );
    assert_eq!(first.trust, Trust::SelfSigned);
    assert_eq!(first.signed_revision_end, one.len());

    assert_eq!(second.field, "sig-2");
    assert_eq!(second.signer.as_ref().unwrap().name, "Ivan Sokolov");
    assert_eq!(second.after_signing, AfterSigning::Unchanged);
    assert_eq!(second.signed_revision_end, two.len());
    for signature in &report.signatures {
        assert!(
            signature.digest_intact && signature.signature_intact && signature.certificate_bound
        );
        let age = Utc::now() - signature.signing_time.unwrap().with_timezone(&Utc);
        assert!(age < Duration::minutes(10) && age > Duration::seconds(-2));
    }

    // Trusting each signer's own certificate confirms who signed.
    let trusted = [anna().certificate().clone(), ivan().certificate().clone()];
    let report = verify(&two, &trusted).unwrap();
    assert!(report.all_valid() && report.all_trusted());
    assert!(report
        .signatures
        .iter()
        .all(|s| s.trust == Trust::TrustedDirectly));
}

#[test]
fn plain_words_say_what_a_self_signed_certificate_proves() {
    let (_, _, two) = signed_twice();
    let report = verify(&two, &[]).unwrap();
    let english = report.describe(Language::En);
    assert!(
        english.contains("proves the file was not changed after signing, not who signed it"),
        "{english}"
    );
    assert!(
        english.contains("All signatures are valid (2)."),
        "{english}"
    );
    let russian = report.describe(Language::Ru);
    assert!(
        russian.contains("не доказывает, кто его подписал"),
        "{russian}"
    );
    assert!(
        russian.contains("Все подписи действительны (2)."),
        "{russian}"
    );
    let ids: Vec<&str> = report.signatures[0]
        .findings()
        .iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(
        ids,
        ["sig-intact", "sig-later-signatures-only", "sig-self-signed"]
    );
}

#[test]
fn the_field_is_chosen_by_signatory_name_or_by_field_name() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    // Ivan signs first: his field is the second one.
    let by_ivan = sign(&pdf, ivan(), &SignOptions::default()).unwrap();
    let report = verify(&by_ivan, &[]).unwrap();
    assert_eq!(report.signatures[0].field, "sig-2");
    assert_eq!(
        report
            .unsigned_fields
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        ["sig-1"]
    );
    assert_eq!(report.unsigned_fields[0].signatory, ANNA.name);

    // Someone not listed takes the first unsigned field.
    let mut guest = NewIdentity::new("Olga Guest", "CEO");
    guest.key = KeyKind::P256;
    let guest = SigningIdentity::create(&guest).unwrap();
    let by_guest = sign(&by_ivan, &guest, &SignOptions::default()).unwrap();
    let report = verify(&by_guest, &[]).unwrap();
    assert!(report.all_valid(), "{}", report.describe(Language::En));
    assert_eq!(report.signatures[1].field, "sig-1");

    // A named field is taken as named.
    let named = SignOptions {
        field: FieldChoice::Named("sig-2".into()),
        ..Default::default()
    };
    let by_anna = sign(&pdf, anna(), &named).unwrap();
    assert_eq!(verify(&by_anna, &[]).unwrap().signatures[0].field, "sig-2");
}

#[test]
fn signature_details_and_the_pkcs7_sub_filter_verify() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    // A fixed signing time needs a certificate of fixed validity around it: one made now would
    // refuse it as soon as today is later, so both dates are given and neither reads the clock.
    let time = DateTime::parse_from_rfc3339("2026-12-01T10:30:00+03:00").unwrap();
    let mut dated = NewIdentity::new(ANNA.name, ANNA.role);
    dated.key = KeyKind::P256;
    dated.valid_from = Some("2026-11-01T00:00:00Z".parse().unwrap());
    dated.valid_days = 365;
    let anna = SigningIdentity::create(&dated).unwrap();
    let options = SignOptions {
        reason: Some("Согласовано".into()),
        location: Some("Москва".into()),
        signing_time: Some(time),
        sub_filter: SubFilter::Pkcs7,
        typed_signature: Some("A. Petrova".into()),
        drawn_signature: drawn_signature(),
        ..Default::default()
    };
    let signed = sign(&pdf, &anna, &options).unwrap();
    let report = verify(&signed, &[]).unwrap();
    assert!(report.all_valid(), "{}", report.describe(Language::En));
    let signature = &report.signatures[0];
    assert_eq!(signature.sub_filter, "adbe.pkcs7.detached");
    assert_eq!(signature.signing_time, Some(time));
    assert_eq!(signature.reason.as_deref(), Some("Согласовано"));
    assert_eq!(signature.location.as_deref(), Some("Москва"));
}

#[test]
fn the_signed_revision_and_the_attached_agreement_are_exposed() {
    let (_, one, two) = signed_twice();
    let report = verify(&two, &[]).unwrap();
    let expected = format!("{:x}", Sha256::digest(agreement_json("ru")));
    for signature in &report.signatures {
        assert_eq!(
            signature.agreement_sha256.as_deref(),
            Some(expected.as_str())
        );
    }
    assert_eq!(
        signed_revision(&two, &report.signatures[0]),
        Some(one.as_slice())
    );
    assert_eq!(
        signed_revision(&two, &report.signatures[1]),
        Some(two.as_slice())
    );
    assert_eq!(
        attached_agreement_json(&two).unwrap(),
        Some(agreement_json("ru"))
    );
}

#[test]
fn the_visible_signature_embeds_only_a_font_subset() {
    let pdf = agreement_pdf(&[ANNA, IVAN], "ru");
    let signed = sign(
        &pdf,
        anna(),
        &SignOptions {
            drawn_signature: drawn_signature(),
            ..Default::default()
        },
    )
    .unwrap();
    let added = signed.len() - pdf.len();
    assert!(
        added < 40_000,
        "the update adds {added} bytes; DejaVu Sans whole is 750 KB"
    );
    assert!(find(&signed, b"+DejaVuSans").is_some());
    assert!(find(&signed, b"/CIDFontType2").is_some() && find(&signed, b"/Identity-H").is_some());
    assert!(find(&signed, b"/ToUnicode").is_some());
    assert!(find(&signed, b"/SigFlags 3").is_some());
}

#[test]
fn every_changed_byte_in_the_signed_ranges_fails_verification() {
    let (_, _, two) = signed_twice();
    let report = verify(&two, &[]).unwrap();
    // The ranges both signatures sign: everything but each /Contents value.
    let gaps: Vec<(usize, usize)> = report
        .signatures
        .iter()
        .map(|s| {
            let end = s.signed_revision_end;
            let start = rfind(&two[..end], b"/Contents <").unwrap() + 10;
            let stop = start + find(&two[start..], b">").unwrap() + 1;
            (start, stop)
        })
        .collect();
    let in_gap = |i: usize| gaps.iter().any(|(a, b)| (*a..*b).contains(&i));
    let positions: Vec<usize> = (0..two.len())
        .step_by(two.len() / 150)
        .filter(|i| !in_gap(*i))
        .collect();
    assert!(positions.len() > 100);
    for position in positions {
        let mut tampered = two.clone();
        tampered[position] ^= 0x01;
        if let Ok(report) = verify(&tampered, &[]) {
            assert!(
                !report.all_valid(),
                "byte {position} changed, yet:\n{}",
                report.describe(Language::En)
            );
        }
    }
}

#[test]
fn an_unsigned_change_after_signing_is_reported() {
    let (_, one, _) = signed_twice();
    let changed = append_page_change(&one);
    let report = verify(&changed, &[]).unwrap();
    assert!(!report.all_valid());
    let signature = &report.signatures[0];
    assert!(
        signature.is_intact(),
        "the signed bytes themselves are untouched"
    );
    match &signature.after_signing {
        AfterSigning::Changed { changes } => {
            assert!(
                changes.iter().any(|c| c.contains("page 1 was changed")),
                "{changes:?}"
            )
        }
        other => panic!("expected a change, got {other:?}"),
    }
    let text = report.describe(Language::Ru);
    assert!(
        text.contains("Документ изменён после этой подписи"),
        "{text}"
    );

    // Bytes appended without any update are a change too.
    let mut appended = one.clone();
    appended.extend_from_slice(b"% trailing garbage\n");
    let report = verify(&appended, &[]).unwrap();
    assert!(!report.all_valid());

    // A countersignature made after an unsigned change does not make the change legitimate.
    let countersigned = sign(&changed, ivan(), &SignOptions::default()).unwrap();
    let report = verify(&countersigned, &[]).unwrap();
    assert!(report.signatures[1].is_valid());
    assert!(!report.signatures[0].is_valid());
    assert!(!report.all_valid());
}

#[test]
fn a_company_certificate_chains_to_the_root_the_user_trusts() {
    let dir = tempfile::tempdir().unwrap();
    let company = company_identity(dir.path(), false);
    let igor = SigningIdentity::from_p12_file(&company.p12, COMPANY_PASSPHRASE).unwrap();
    let ca = sla_signing::parse_certificates(&std::fs::read(&company.ca_pem).unwrap(), "ca.pem")
        .unwrap();
    let pdf = agreement_pdf(&[ANNA, IVAN], "en");
    let signed = sign(&pdf, &igor, &SignOptions::default()).unwrap();

    let report = verify(&signed, &ca).unwrap();
    assert!(
        report.all_valid() && report.all_trusted(),
        "{}",
        report.describe(Language::En)
    );
    assert_eq!(
        report.signatures[0].trust,
        Trust::TrustedRoot {
            root: "Example Corp Signing CA".into()
        }
    );
    let text = report.describe(Language::En);
    assert!(
        text.contains("chains to “Example Corp Signing CA”, a root you chose to trust"),
        "{text}"
    );

    let report = verify(&signed, &[]).unwrap();
    assert!(report.all_valid() && !report.all_trusted());
    assert_eq!(
        report.signatures[0].trust,
        Trust::UntrustedRoot {
            root: "Example Corp Signing CA".into()
        }
    );
    let text = report.describe(Language::Ru);
    assert!(text.contains("не отмечен как доверенный"), "{text}");
}

#[test]
fn the_command_line_flow_works_on_files() {
    use sla_signing::{read_certificates_file, read_passphrase_file, sign_file, SignError};
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    std::fs::write(path("pass.txt"), "correct horse battery\n").unwrap();
    let passphrase = read_passphrase_file(&path("pass.txt")).unwrap();
    assert_eq!(passphrase, "correct horse battery");

    // identity new --name … --role … --key p256 -o me.p12 --passphrase-file pass.txt
    let new = NewIdentity {
        key: "p256".parse().unwrap(),
        ..NewIdentity::new("Ivan Sokolov", "Head of Sales")
    };
    let me = SigningIdentity::create(&new).unwrap();
    me.write_p12(&path("me.p12"), &passphrase).unwrap();
    std::fs::write(path("me.pem"), me.certificate_pem()).unwrap();

    // sign IN.pdf --identity me.p12 --passphrase-file pass.txt -o OUT.pdf
    std::fs::write(path("in.pdf"), agreement_pdf(&[ANNA, IVAN], "en")).unwrap();
    let me = SigningIdentity::from_p12_file(&path("me.p12"), &passphrase).unwrap();
    sign_file(
        &path("in.pdf"),
        &me,
        &SignOptions::default(),
        &path("out.pdf"),
    )
    .unwrap();

    // verify OUT.pdf --trust me.pem
    let trusted = read_certificates_file(&path("me.pem")).unwrap();
    let report = verify(&std::fs::read(path("out.pdf")).unwrap(), &trusted).unwrap();
    assert!(report.all_valid() && report.all_trusted());
    assert_eq!(report.signatures[0].field, "sig-2");

    // A failed signing writes nothing.
    let err = sign_file(
        &path("me.pem"),
        &me,
        &SignOptions::default(),
        &path("never.pdf"),
    )
    .unwrap_err();
    assert!(matches!(err, SignError::NotPdf { .. }), "{err}");
    assert!(!path("never.pdf").exists());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "no temporary files left: {names:?}");

    std::fs::write(path("empty.txt"), "\n").unwrap();
    assert!(matches!(
        read_passphrase_file(&path("empty.txt")),
        Err(SignError::EmptyPassphrase)
    ));
    assert!(matches!(
        read_passphrase_file(&path("absent.txt")),
        Err(SignError::Io { .. })
    ));
    assert!(matches!(
        read_certificates_file(&path("absent.pem")),
        Err(SignError::Io { .. })
    ));
}
