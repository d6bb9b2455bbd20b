//! Prints how long the signing steps take on an exported five-page agreement:
//! `cargo run --release -p sla-signing --example sign_timing`.

use std::time::Instant;

use sla_signing::{sign, verify, KeyKind, Language, NewIdentity, SignOptions, SigningIdentity};

fn timed<T>(label: &str, runs: u32, mut step: impl FnMut() -> T) -> T {
    let start = Instant::now();
    let mut result = step();
    for _ in 1..runs {
        result = step();
    }
    let each = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("{label:<44} {each:>9.1} ms");
    result
}

fn main() {
    let agreement = sla_templates::example("sales-marketing", Language::Ru).expect("the template");
    let pdf =
        sla_pdf::export(&agreement, &sla_pdf::ExportOptions::new(&agreement)).expect("the export");
    println!("exported agreement: {} bytes", pdf.len());
    let identity = |key| {
        let new = NewIdentity {
            key,
            ..NewIdentity::new("Анна Петрова", "Руководитель отдела")
        };
        SigningIdentity::create(&new).expect("an identity")
    };
    let rsa = timed("create RSA-2048 identity", 5, || identity(KeyKind::Rsa));
    let p256 = timed("create P-256 identity", 20, || identity(KeyKind::P256));
    let p12 = timed("write PKCS#12 (PBES2/AES-256)", 10, || {
        rsa.to_p12("passphrase").unwrap()
    });
    timed("read PKCS#12", 10, || {
        SigningIdentity::from_p12_bytes(&p12, "passphrase", "p12").unwrap()
    });
    let one = timed("sign (RSA-2048, visible, PAdES)", 20, || {
        sign(&pdf, &rsa, &SignOptions::default()).unwrap()
    });
    let two = timed("countersign (P-256)", 20, || {
        sign(&one, &p256, &SignOptions::default()).unwrap()
    });
    println!(
        "signed twice: {} bytes (+{} for two signatures)",
        two.len(),
        two.len() - pdf.len()
    );
    let report = timed("verify both signatures", 20, || verify(&two, &[]).unwrap());
    assert!(report.all_valid());
}
