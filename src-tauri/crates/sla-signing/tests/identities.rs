//! Signing identities: made here or imported from a company's PKCS#12 file, kept only
//! encrypted, and listed without the passphrase.

mod common;

use chrono::{Duration, Utc};
use common::*;
use sla_signing::{
    parse_certificates, IdentityStore, KeyAlgorithm, KeyKind, NewIdentity, SignError,
    SigningIdentity,
};

#[test]
fn a_new_identity_names_the_person_and_lasts_three_years() {
    for (identity, key) in [
        (anna(), KeyAlgorithm::Rsa { bits: 2048 }),
        (ivan(), KeyAlgorithm::EcdsaP256),
    ] {
        let summary = identity.summary();
        assert_eq!(summary.key, key);
        assert!(summary.self_signed);
        assert_eq!(summary.issuer, summary.name);
        assert_eq!(
            summary.not_after - summary.not_before,
            Duration::days(3 * 365)
        );
        assert!((Utc::now() - summary.not_before) < Duration::minutes(10));
        assert!(identity.chain().is_empty());
    }
    let anna = anna().summary();
    assert_eq!(anna.name, "Анна Петрова");
    assert_eq!(anna.role, "Директор по маркетингу");
    assert_eq!(anna.department, "Маркетинг");
    assert_eq!(anna.email, "anna.petrova@example.com");
    assert_eq!(anna.fingerprint_sha256.len(), 32 * 3 - 1);
}

#[test]
fn openssl_reads_the_certificate_fields() {
    require_tool("openssl", "apt-get install openssl");
    let dir = tempfile::tempdir().unwrap();
    let pem = write(dir.path(), "anna.pem", anna().certificate_pem().as_bytes());
    let (ok, text) = run(
        "openssl",
        &[
            "x509",
            "-in",
            pem.to_str().unwrap(),
            "-noout",
            "-text",
            "-nameopt",
            "utf8,sep_comma_plus",
        ],
    );
    assert!(ok, "{text}");
    for expected in [
        "CN=Анна Петрова",
        "title=Директор по маркетингу",
        "OU=Маркетинг",
        "emailAddress=anna.petrova@example.com",
        "email:anna.petrova@example.com",
        "Digital Signature, Non Repudiation",
        "CA:FALSE",
        "Public-Key: (2048 bit)",
        "sha256WithRSAEncryption",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
    }
}

#[test]
fn pkcs12_files_use_pbes2_aes256_and_read_back() {
    require_tool("openssl", "apt-get install openssl");
    let dir = tempfile::tempdir().unwrap();
    for (name, identity) in [("anna.p12", anna()), ("ivan.p12", ivan())] {
        let path = dir.path().join(name);
        identity.write_p12(&path, "correct horse").unwrap();
        let (ok, info) = run(
            "openssl",
            &[
                "pkcs12",
                "-in",
                path.to_str().unwrap(),
                "-info",
                "-noout",
                "-passin",
                "pass:correct horse",
            ],
        );
        assert!(ok, "OpenSSL 3 reads it without -legacy: {info}");
        assert!(
            info.contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC"),
            "{info}"
        );
        let back = SigningIdentity::from_p12_file(&path, "correct horse").unwrap();
        assert_eq!(back.summary(), identity.summary());
        let bytes = std::fs::read(&path).unwrap();
        assert!(find(&bytes, b"PRIVATE KEY").is_none());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "only its owner reads a key file");
        }
    }
}

#[test]
fn wrong_empty_or_corrupt_pkcs12_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ivan.p12");
    ivan().write_p12(&path, "right").unwrap();
    let err = SigningIdentity::from_p12_file(&path, "wrong").unwrap_err();
    assert!(matches!(err, SignError::WrongPassphrase { .. }), "{err}");
    assert!(err.to_string().contains("wrong passphrase") && err.to_string().contains("ivan.p12"));

    let err = ivan()
        .write_p12(&dir.path().join("empty.p12"), "")
        .unwrap_err();
    assert!(matches!(err, SignError::EmptyPassphrase), "{err}");
    assert!(!dir.path().join("empty.p12").exists(), "nothing written");

    let corrupt = write(
        dir.path(),
        "corrupt.p12",
        b"this is not a PKCS#12 file at all",
    );
    let err = SigningIdentity::from_p12_file(&corrupt, "x").unwrap_err();
    assert!(matches!(err, SignError::NotPkcs12 { .. }), "{err}");

    let mut truncated = std::fs::read(&path).unwrap();
    truncated.truncate(truncated.len() / 2);
    let truncated = write(dir.path(), "truncated.p12", &truncated);
    let err = SigningIdentity::from_p12_file(&truncated, "right").unwrap_err();
    assert!(matches!(err, SignError::NotPkcs12 { .. }), "{err}");

    let err = SigningIdentity::from_p12_file(&dir.path().join("missing.p12"), "x").unwrap_err();
    assert!(
        matches!(err, SignError::Io { .. }) && err.to_string().contains("missing.p12"),
        "{err}"
    );
}

#[test]
fn company_pkcs12_from_openssl_imports_with_its_chain() {
    let dir = tempfile::tempdir().unwrap();
    for legacy in [false, true] {
        let sub = dir.path().join(if legacy { "legacy" } else { "modern" });
        std::fs::create_dir(&sub).unwrap();
        let company = company_identity(&sub, legacy);
        let identity = SigningIdentity::from_p12_file(&company.p12, COMPANY_PASSPHRASE).unwrap();
        let summary = identity.summary();
        assert_eq!(summary.name, "Igor Smirnov");
        assert_eq!(summary.role, "Head of Sales");
        assert_eq!(summary.department, "Sales");
        assert_eq!(summary.organization, "Example Corp");
        assert_eq!(summary.email, "i.smirnov@example.com");
        assert_eq!(summary.key, KeyAlgorithm::EcdsaP256);
        assert!(!summary.self_signed);
        assert_eq!(summary.issuer, "Example Corp Signing CA");
        assert_eq!(identity.chain().len(), 1, "the CA certificate comes along");
        let ca = parse_certificates(&std::fs::read(&company.ca_pem).unwrap(), "ca.pem").unwrap();
        assert_eq!(identity.chain()[0], ca[0]);

        let err = SigningIdentity::from_p12_file(&company.p12, "not it").unwrap_err();
        assert!(
            matches!(err, SignError::WrongPassphrase { .. }),
            "legacy={legacy}: {err}"
        );
    }
}

#[test]
fn the_identity_folder_lists_exports_loads_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let store = IdentityStore::open(dir.path().join("identities")).unwrap();
    assert!(store.list().unwrap().is_empty());

    let mut new = NewIdentity::new("Игорь Смирнов", "Руководитель отдела продаж");
    new.key = KeyKind::P256;
    new.email = "i.smirnov@example.com".into();
    let info = store.create(&new, "пароль-123").unwrap();
    assert_eq!(info.id.len(), 16);
    assert_eq!(info.certificate.name, "Игорь Смирнов");
    assert_eq!(store.list().unwrap(), vec![info.clone()]);

    // Only the certificate is readable without the passphrase; the key is only in the .p12.
    for entry in std::fs::read_dir(store.dir()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(find(&bytes, b"PRIVATE KEY").is_none());
    }
    let pem = store.export_certificate(&info.id).unwrap();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(
        parse_certificates(pem.as_bytes(), "export").unwrap().len(),
        1
    );

    let loaded = store.load(&info.id, "пароль-123").unwrap();
    assert_eq!(loaded.summary(), info.certificate);
    let err = store.load(&info.id, "wrong").unwrap_err();
    assert!(matches!(err, SignError::WrongPassphrase { .. }), "{err}");

    // Adding the same identity again keeps one copy.
    assert_eq!(store.add(&loaded, "another passphrase").unwrap(), info);
    assert_eq!(store.list().unwrap().len(), 1);

    let anna_info = store.add(anna(), "anna-pass").unwrap();
    let names: Vec<String> = store
        .list()
        .unwrap()
        .into_iter()
        .map(|i| i.certificate.name)
        .collect();
    assert_eq!(names, ["Анна Петрова", "Игорь Смирнов"]);

    store.delete(&info.id).unwrap();
    assert_eq!(store.list().unwrap(), vec![anna_info]);
    let err = store.load(&info.id, "пароль-123").unwrap_err();
    assert!(matches!(err, SignError::IdentityNotFound { .. }), "{err}");
    for bad_id in ["../../etc/passwd", "", "ZZZZZZZZZZZZZZZZ"] {
        assert!(matches!(
            store.delete(bad_id),
            Err(SignError::IdentityNotFound { .. })
        ));
    }
}

#[test]
fn importing_a_company_file_keeps_an_aes_encrypted_copy() {
    require_tool("openssl", "apt-get install openssl");
    let dir = tempfile::tempdir().unwrap();
    let company = company_identity(dir.path(), true);
    let store = IdentityStore::open(dir.path().join("identities")).unwrap();

    let err = store.import_p12(&company.p12, "wrong").unwrap_err();
    assert!(matches!(err, SignError::WrongPassphrase { .. }), "{err}");
    assert!(
        store.list().unwrap().is_empty(),
        "nothing kept after a failed import"
    );

    let info = store.import_p12(&company.p12, COMPANY_PASSPHRASE).unwrap();
    assert!(!info.certificate.self_signed);
    let kept = store.p12_path(&info.id);
    let (ok, text) = run(
        "openssl",
        &[
            "pkcs12",
            "-in",
            kept.to_str().unwrap(),
            "-info",
            "-noout",
            "-passin",
            &format!("pass:{COMPANY_PASSPHRASE}"),
        ],
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC"),
        "{text}"
    );
    assert!(!text.contains("3DES"), "{text}");
    let pem = store.export_certificate(&info.id).unwrap();
    assert_eq!(
        parse_certificates(pem.as_bytes(), "export").unwrap().len(),
        2,
        "with its CA"
    );
}

#[test]
fn invalid_identities_are_refused_before_any_key_is_made() {
    let cases: Vec<(NewIdentity, &str)> = vec![
        (NewIdentity::new("  ", "Head of Sales"), "name"),
        (NewIdentity::new("A".repeat(65), "Head of Sales"), "name"),
        (NewIdentity::new("Anna", "R".repeat(65)), "role"),
        (
            NewIdentity {
                email: "not an email".into(),
                ..NewIdentity::new("Anna", "Head")
            },
            "email",
        ),
        (
            NewIdentity {
                email: "анна@пример.рф".into(),
                ..NewIdentity::new("Anna", "Head")
            },
            "email",
        ),
        (
            NewIdentity {
                valid_days: 0,
                ..NewIdentity::new("Anna", "Head")
            },
            "valid_days",
        ),
    ];
    for (new, field) in cases {
        let err = SigningIdentity::create(&new).unwrap_err();
        match &err {
            SignError::InvalidIdentity { field: named, .. } => assert_eq!(*named, field, "{err}"),
            other => panic!("expected an invalid {field}, got {other}"),
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let store = IdentityStore::open(dir.path()).unwrap();
    let err = store
        .create(&NewIdentity::new("Anna", "Head"), "")
        .unwrap_err();
    assert!(matches!(err, SignError::EmptyPassphrase), "{err}");
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn corrupt_certificates_are_reported_with_their_source() {
    let err = parse_certificates(b"garbage", "colleague.pem").unwrap_err();
    assert!(matches!(err, SignError::CorruptCertificate { .. }), "{err}");
    assert!(err.to_string().contains("colleague.pem"));
    let mut pem = anna().certificate_pem();
    pem.replace_range(100..110, "!!!!!!!!!!");
    let err = parse_certificates(pem.as_bytes(), "edited.pem").unwrap_err();
    assert!(matches!(err, SignError::CorruptCertificate { .. }), "{err}");

    // A damaged certificate file in the folder names the file.
    let dir = tempfile::tempdir().unwrap();
    let store = IdentityStore::open(dir.path()).unwrap();
    let info = store.add(ivan(), "pass").unwrap();
    std::fs::write(
        dir.path().join(format!("{}.pem", info.id)),
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let err = store.list().unwrap_err();
    assert!(matches!(err, SignError::CorruptCertificate { .. }), "{err}");
    assert!(err.to_string().contains(&info.id));
    store.delete(&info.id).unwrap();
}

#[test]
fn a_certificate_the_person_trusts_makes_its_signatures_trusted() {
    use sla_signing::{sign, verify, SignOptions, Trust};
    let dir = tempfile::tempdir().unwrap();
    let store = IdentityStore::open(dir.path().join("identities")).unwrap();
    assert!(store.trusted().unwrap().is_empty());
    let signed = sign(
        &agreement_pdf(&[ANNA, IVAN], "ru"),
        anna(),
        &SignOptions::default(),
    )
    .unwrap();
    let trust_of = |anchors: &[sla_signing::Certificate]| {
        verify(&signed, anchors).unwrap().signatures[0]
            .trust
            .clone()
    };
    assert_eq!(trust_of(&store.trust_anchors().unwrap()), Trust::SelfSigned);

    // Anna's certificate, received from her separately, is trusted once and listed.
    let pem_file = dir.path().join("anna.pem");
    std::fs::write(&pem_file, anna().certificate_pem()).unwrap();
    let added = store.trust_file(&pem_file).unwrap();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].certificate.name, "Анна Петрова");
    store.trust_file(&pem_file).unwrap();
    assert_eq!(store.trusted().unwrap(), added);
    assert_eq!(
        trust_of(&store.trust_anchors().unwrap()),
        Trust::TrustedDirectly
    );
    assert!(
        store.list().unwrap().is_empty(),
        "a trusted certificate is not a signing identity"
    );

    // A file that is no certificate is refused and changes nothing.
    let junk = dir.path().join("junk.pem");
    std::fs::write(&junk, "-----BEGIN CERTIFICATE-----\nnot base64\n").unwrap();
    let err = store.trust_file(&junk).unwrap_err();
    assert!(matches!(err, SignError::CorruptCertificate { .. }), "{err}");
    assert_eq!(store.trusted().unwrap(), added);

    store.untrust(&added[0].id).unwrap();
    assert!(store.trusted().unwrap().is_empty());
    assert_eq!(trust_of(&store.trust_anchors().unwrap()), Trust::SelfSigned);
    for bad_id in [added[0].id.as_str(), "../identities", ""] {
        assert!(matches!(
            store.untrust(bad_id),
            Err(SignError::TrustedNotFound { .. })
        ));
    }

    // The person's own identities are trusted without asking.
    store.add(anna(), "anna-pass").unwrap();
    assert_eq!(
        trust_of(&store.trust_anchors().unwrap()),
        Trust::TrustedDirectly
    );
}
