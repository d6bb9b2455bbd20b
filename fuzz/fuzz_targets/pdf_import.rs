//! A PDF opened or imported: the agreement attached to it and its signature fields.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = sla_pdf::extract_agreement(data) {
        let _ = e.to_string();
    }
    if let Err(e) = sla_pdf::signature_fields(data) {
        let _ = e.to_string();
    }
});
