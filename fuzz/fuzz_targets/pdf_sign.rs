//! A PDF signed with `sla-studio sign`: the signing step parses the file and appends to it.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sla_signing::{KeyKind, NewIdentity, SignOptions, SigningIdentity};

fn identity() -> &'static SigningIdentity {
    static IDENTITY: OnceLock<SigningIdentity> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        let mut new = NewIdentity::new("Fuzz Signer", "Head of Sales");
        // P-256: made in microseconds, where an RSA key would dominate the first runs.
        new.key = KeyKind::P256;
        SigningIdentity::create(&new).expect("a fresh identity")
    })
}

fuzz_target!(|data: &[u8]| {
    if let Err(e) = sla_signing::sign(data, identity(), &SignOptions::default()) {
        let _ = e.to_string();
    }
});
