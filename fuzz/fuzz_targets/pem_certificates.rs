//! A certificate file (PEM or DER) as `sla-studio verify --trust` and "trust a certificate" read it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match sla_signing::parse_certificates(data, "fuzz.pem") {
        Ok(certificates) => {
            for certificate in &certificates {
                let _ = sla_signing::CertificateSummary::of(certificate);
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
