//! An agreement file (`.sla.json`) as `sla-studio import` and the window's Open read it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = sla_model::from_bytes(data) {
        // The message a person sees is built too: formatting must not panic either.
        let _ = e.to_string();
    }
});
