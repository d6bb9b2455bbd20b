//! A PKCS#12 identity (.p12/.pfx) as `sla-studio sign --identity` and the identity import read it.
//! The seed files are encrypted under the passphrase used here, so mutations reach past the MAC.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = sla_signing::SigningIdentity::from_p12_bytes(data, "fuzz", "fuzz.p12") {
        let _ = e.to_string();
    }
});
