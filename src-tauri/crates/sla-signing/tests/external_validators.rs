//! The acceptance checks by tools this project did not write: poppler's pdfsig and pyHanko
//! validate the signatures, poppler's pdftotext reads the visible signature, pdftoppm renders
//! it. They must be installed: `apt-get install poppler-utils qpdf` and
//! `pip install pyhanko pyhanko-cli`.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use sla_model::Agreement;
use sla_pdf_inspect::{pdftotext, qpdf_check, render_png};
use sla_signing::{
    parse_certificates, sign, verify, KeyKind, Language, NewIdentity, SignOptions, SigningIdentity,
    SubFilter,
};

fn exported(language: Language) -> (Agreement, Vec<u8>) {
    let agreement = sla_templates::example("sales-marketing", language).unwrap();
    let pdf = sla_pdf::export(&agreement, &sla_pdf::ExportOptions::new(&agreement)).unwrap();
    (agreement, pdf)
}

/// Anna (RSA) signs, then Ivan (P-256) countersigns; Anna's drawn signature is added to her
/// typed one.
fn countersigned(pdf: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let anna_options = SignOptions {
        drawn_signature: drawn_signature(),
        ..Default::default()
    };
    let one = sign(pdf, anna(), &anna_options).unwrap();
    let two = sign(&one, ivan(), &SignOptions::default()).unwrap();
    (one, two)
}

struct Certificates {
    paths: Vec<PathBuf>,
}

fn signer_certificates(dir: &Path, identities: &[&SigningIdentity]) -> Certificates {
    let paths = identities
        .iter()
        .enumerate()
        .map(|(i, id)| {
            write(
                dir,
                &format!("signer-{i}.pem"),
                id.certificate_pem().as_bytes(),
            )
        })
        .collect();
    Certificates { paths }
}

/// pdfsig's verdict: every signature "Signature is Valid." (and how many there are).
fn pdfsig(file: &Path) -> (bool, String) {
    let signatures = sla_pdf_inspect::pdfsig(file);
    (signatures.all_valid(), signatures.report)
}

/// pyHanko's executive summary: every signature VALID.
fn pyhanko(file: &Path, trust: &[PathBuf]) -> (bool, String) {
    let mut args: Vec<String> = [
        "sign",
        "validate",
        "--executive-summary",
        "--no-revocation-check",
    ]
    .map(String::from)
    .to_vec();
    for path in trust {
        args.push("--trust".into());
        args.push(path.to_string_lossy().into_owned());
    }
    args.push(file.to_string_lossy().into_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (ok, output) = run("pyhanko", &args);
    let verdicts: Vec<&str> = output
        .lines()
        .filter(|l| l.starts_with("sig-"))
        .map(|l| l.rsplit(':').next().unwrap_or(""))
        .collect();
    (
        ok && !verdicts.is_empty() && verdicts.iter().all(|v| *v == "VALID"),
        output,
    )
}

#[test]
fn pdfsig_and_pyhanko_accept_countersigned_exported_agreements() {
    require_pdfsig();
    require_pyhanko();
    require_tool("qpdf", "apt-get install qpdf");
    let dir = tempfile::tempdir().unwrap();
    let certificates = signer_certificates(dir.path(), &[anna(), ivan()]);
    for language in [Language::Ru, Language::En] {
        let (agreement, pdf) = exported(language);
        let (_, two) = countersigned(&pdf);
        let file = write(dir.path(), &format!("signed-{language:?}.pdf"), &two);

        let (valid, output) = pdfsig(&file);
        assert!(valid, "pdfsig:\n{output}");
        assert_eq!(output.matches("Signature #").count(), 2, "{output}");
        assert!(
            output.contains("Signature Field Name: sig-1")
                && output.contains("Signature Field Name: sig-2")
        );
        assert!(
            output.contains("Signature Type: ETSI.CAdES.detached"),
            "{output}"
        );
        assert_eq!(
            output.matches("Total document signed").count(),
            1,
            "the countersignature covers all: {output}"
        );

        let (valid, output) = pyhanko(&file, &certificates.paths);
        assert!(valid, "pyHanko:\n{output}");
        for identity in [anna(), ivan()] {
            let fingerprint = identity
                .summary()
                .fingerprint_sha256
                .replace(':', "")
                .to_lowercase();
            assert!(output.contains(&format!("{fingerprint}:VALID")), "{output}");
        }

        let (ok, output) = qpdf_check(&file);
        assert!(ok, "{output}");

        let report = verify(&two, &[]).unwrap();
        assert!(report.all_valid(), "{}", report.describe(language));
        let hash = sla_pdf::agreement_hash(&agreement);
        assert!(report
            .signatures
            .iter()
            .all(|s| s.agreement_sha256.as_deref() == Some(hash.as_str())));
        assert_eq!(
            sla_pdf::extract_agreement(&two).unwrap(),
            agreement,
            "the signed PDF still imports"
        );
    }
}

#[test]
fn one_changed_byte_fails_pdfsig_pyhanko_and_verify() {
    require_pdfsig();
    require_pyhanko();
    let dir = tempfile::tempdir().unwrap();
    let certificates = signer_certificates(dir.path(), &[anna(), ivan()]);
    let (_, pdf) = exported(Language::Ru);
    let (one, two) = countersigned(&pdf);
    let untouched = write(dir.path(), "untouched.pdf", &two);
    assert!(pdfsig(&untouched).0 && pyhanko(&untouched, &certificates.paths).0);

    // In the exported agreement, in the countersignature's update, and in its trailer.
    let positions = [pdf.len() / 2, one.len() + 400, two.len() - 40];
    for position in positions {
        let mut tampered = two.clone();
        tampered[position] ^= 0x01;
        let file = write(dir.path(), &format!("tampered-{position}.pdf"), &tampered);
        let (valid, output) = pdfsig(&file);
        assert!(
            !valid,
            "pdfsig accepts a change at byte {position}:\n{output}"
        );
        let (valid, output) = pyhanko(&file, &certificates.paths);
        assert!(
            !valid,
            "pyHanko accepts a change at byte {position}:\n{output}"
        );
        if let Ok(report) = verify(&tampered, &[]) {
            assert!(
                !report.all_valid(),
                "verify accepts a change at byte {position}"
            );
        }
    }
}

#[test]
fn pkcs7_signatures_and_company_certificates_pass_both_validators() {
    require_pdfsig();
    require_pyhanko();
    let dir = tempfile::tempdir().unwrap();
    let company = company_identity(dir.path(), false);
    let igor = SigningIdentity::from_p12_file(&company.p12, COMPANY_PASSPHRASE).unwrap();
    let (_, pdf) = exported(Language::En);
    let one = sign(
        &pdf,
        anna(),
        &SignOptions {
            sub_filter: SubFilter::Pkcs7,
            ..Default::default()
        },
    )
    .unwrap();
    let two = sign(&one, &igor, &SignOptions::default()).unwrap();
    let file = write(dir.path(), "company.pdf", &two);

    let (valid, output) = pdfsig(&file);
    assert!(valid, "{output}");
    assert!(
        output.contains("Signature Type: adbe.pkcs7.detached"),
        "{output}"
    );
    let anna_pem = write(dir.path(), "anna.pem", anna().certificate_pem().as_bytes());
    let (valid, output) = pyhanko(&file, &[anna_pem, company.ca_pem.clone()]);
    assert!(valid, "pyHanko with the company root trusted:\n{output}");

    let ca = parse_certificates(&std::fs::read(&company.ca_pem).unwrap(), "ca.pem").unwrap();
    let report = verify(&two, &ca).unwrap();
    assert!(report.all_valid(), "{}", report.describe(Language::En));
    assert!(report.signatures[1].trust.is_trusted());
}

/// The agreement's own signatories as P-256 identities, named, titled and placed as the
/// agreement has them.
fn signatory_identities(agreement: &Agreement) -> Vec<SigningIdentity> {
    agreement
        .signatories
        .iter()
        .map(|signatory| {
            let mut new = NewIdentity::new(&signatory.name, &signatory.role);
            new.department = agreement.parties.get(signatory.side).department.clone();
            new.email = signatory.email.clone();
            new.key = KeyKind::P256;
            SigningIdentity::create(&new).unwrap()
        })
        .collect()
}

#[test]
fn the_visible_signature_reads_and_renders_in_russian_and_english() {
    require_tool("pdftotext", "apt-get install poppler-utils");
    require_tool("pdftoppm", "apt-get install poppler-utils");
    let dir = tempfile::tempdir().unwrap();
    for (language, signed_label) in [
        (Language::Ru, "Подписано ЭП"),
        (Language::En, "Digitally signed"),
    ] {
        let (agreement, pdf) = exported(language);
        let [marketing, sales] = &signatory_identities(&agreement)[..] else {
            panic!("two signatories")
        };
        // Sales signs first with a typed signature; marketing countersigns, drawn and typed.
        let one = sign(&pdf, sales, &SignOptions::default()).unwrap();
        let drawn_and_typed = SignOptions {
            drawn_signature: drawn_signature(),
            typed_signature: Some(marketing.summary().name),
            ..Default::default()
        };
        let two = sign(&one, marketing, &drawn_and_typed).unwrap();
        let file = write(dir.path(), &format!("{language:?}.pdf"), &two);
        let report = verify(&two, &[]).unwrap();
        assert!(report.all_valid(), "{}", report.describe(language));
        let fields: Vec<&str> = report.signatures.iter().map(|s| s.field.as_str()).collect();
        assert_eq!(fields, ["sig-2", "sig-1"], "each signed their own field");
        let page = report.signatures[0].page.expect("the signature's page") as usize;

        let text = pdftotext(&file, Some(page));
        let mut expected = vec![signed_label.to_owned()];
        for identity in [marketing, sales] {
            let summary = identity.summary();
            expected.push(summary.name.clone());
            expected.push(format!("{}, {}", summary.role, summary.department));
        }
        for phrase in expected {
            assert!(
                text.contains(&phrase),
                "{phrase:?} is not in the text of page {page}:\n{text}"
            );
        }

        let png = dir.path().join(format!(
            "signed-{}.png",
            format!("{language:?}").to_lowercase()
        ));
        render_png(&file, page, 100, &png);
        let size = std::fs::metadata(&png).unwrap().len();
        assert!(
            size > 20_000,
            "a rendered page with text and signatures, not blank: {size} bytes"
        );
        if let Some(pages) = pages_dir() {
            // Kept for people to look at; the assertions above are the test.
            let _ = std::fs::copy(&png, pages.join(png.file_name().unwrap()));
        }
    }
}

#[test]
fn fields_inside_object_streams_sign_and_validate() {
    require_pdfsig();
    require_pyhanko();
    require_tool("qpdf", "apt-get install qpdf");
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "plain.pdf", &agreement_pdf(&[ANNA, IVAN], "en"));
    let packed = dir.path().join("packed.pdf");
    let (ok, output) = run(
        "qpdf",
        &[
            "--object-streams=generate",
            plain.to_str().unwrap(),
            packed.to_str().unwrap(),
        ],
    );
    assert!(ok, "{output}");
    let pdf = std::fs::read(&packed).unwrap();
    assert!(
        find(&pdf, b"/ObjStm").is_some(),
        "qpdf packed the fields into object streams"
    );

    let (_, two) = countersigned(&pdf);
    let file = write(dir.path(), "signed.pdf", &two);
    let certificates = signer_certificates(dir.path(), &[anna(), ivan()]);
    let (valid, output) = pdfsig(&file);
    assert!(valid, "{output}");
    let (valid, output) = pyhanko(&file, &certificates.paths);
    assert!(valid, "{output}");
    assert!(verify(&two, &[]).unwrap().all_valid());
}

#[test]
fn countersigning_interoperates_with_pyhanko() {
    require_pyhanko();
    let dir = tempfile::tempdir().unwrap();
    let company = company_identity(dir.path(), false);
    let key = dir.path().join("leaf.key");
    let pyhanko_sign = |input: &Path, field: &str, output: &Path| {
        let (ok, text) = run(
            "pyhanko",
            &[
                "sign",
                "addsig",
                "--field",
                field,
                "pemder",
                "--key",
                key.to_str().unwrap(),
                "--cert",
                company.leaf_pem.to_str().unwrap(),
                "--chain",
                company.ca_pem.to_str().unwrap(),
                "--no-pass",
                input.to_str().unwrap(),
                output.to_str().unwrap(),
            ],
        );
        assert!(ok, "pyHanko signs {field}: {text}");
        std::fs::read(output).unwrap()
    };
    let trust = vec![
        write(dir.path(), "anna.pem", anna().certificate_pem().as_bytes()),
        write(dir.path(), "ivan.pem", ivan().certificate_pem().as_bytes()),
        company.ca_pem.clone(),
    ];
    let (_, pdf) = exported(Language::Ru);

    // SLA Studio signs, pyHanko countersigns: both tools accept both signatures.
    let ours = write(
        dir.path(),
        "ours.pdf",
        &sign(&pdf, anna(), &SignOptions::default()).unwrap(),
    );
    let both = pyhanko_sign(&ours, "sig-2", &dir.path().join("ours-then-pyhanko.pdf"));
    let report = verify(&both, &[]).unwrap();
    assert!(report.all_valid(), "{}", report.describe(Language::En));
    let (valid, output) = pyhanko(&dir.path().join("ours-then-pyhanko.pdf"), &trust);
    assert!(valid, "{output}");

    // pyHanko signs, SLA Studio countersigns.
    let theirs = pyhanko_sign(
        &write(dir.path(), "plain.pdf", &pdf),
        "sig-1",
        &dir.path().join("theirs.pdf"),
    );
    let both = sign(&theirs, ivan(), &SignOptions::default()).unwrap();
    let file = write(dir.path(), "pyhanko-then-ours.pdf", &both);
    let report = verify(&both, &[]).unwrap();
    assert!(report.all_valid(), "{}", report.describe(Language::En));
    let (valid, output) = pyhanko(&file, &trust);
    assert!(valid, "{output}");
}
