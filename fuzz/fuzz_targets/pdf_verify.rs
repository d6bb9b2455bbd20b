//! A PDF checked with `sla-studio verify` or the signatures screen: every signature in it, the
//! report in both languages, and the attached agreement's bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sla_signing::Language;

fuzz_target!(|data: &[u8]| {
    match sla_signing::verify(data, &[]) {
        Ok(report) => {
            let _ = report.describe(Language::En);
            let _ = report.describe(Language::Ru);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    let _ = sla_signing::attached_agreement_json(data);
});
