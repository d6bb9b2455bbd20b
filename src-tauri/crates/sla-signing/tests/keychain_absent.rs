//! A computer with no keychain: no D-Bus session to reach a Secret Service. The keychain
//! functions say so in words and nothing panics; signing works as without a keychain, with the
//! passphrase typed each time. Its own test binary, so the environment it sets is its alone.
#![cfg(target_os = "linux")]

use sla_signing::{keychain, IdentityStore, NewIdentity, SignError};

#[test]
fn without_a_session_bus_the_keychain_is_unavailable_and_signing_still_works() {
    // Set before any thread of this process reads the environment.
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/sla-studio-bus",
    );
    // No X display either, so libdbus cannot autolaunch a bus.
    std::env::remove_var("DISPLAY");

    assert!(!keychain::available());
    let status = keychain::status().unwrap_err();
    assert!(matches!(status, SignError::NoKeychain { .. }), "{status}");
    assert!(
        status.to_string().contains("no system keychain"),
        "{status}"
    );
    for result in [
        keychain::remember("0123456789abcdef", "passphrase"),
        keychain::forget("0123456789abcdef"),
        keychain::recall("0123456789abcdef").map(|_| ()),
    ] {
        assert!(
            matches!(result, Err(SignError::NoKeychain { .. })),
            "{result:?}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let store = IdentityStore::open(dir.path()).unwrap();
    let new = NewIdentity {
        key: "p256".parse().unwrap(),
        ..NewIdentity::new("Anna Petrova", "Head of Marketing")
    };
    let id = store.create(&new, "typed each time").unwrap().id;
    assert!(!store.is_remembered(&id));
    store.unlock(&id, "typed each time", false).unwrap();
    assert!(matches!(
        store.unlock(&id, "", false),
        Err(SignError::NoRememberedPassphrase { .. })
    ));
    // Asking to remember where nothing can is refused in words, not ignored.
    let error = store.unlock(&id, "typed each time", true).unwrap_err();
    assert!(matches!(error, SignError::NoKeychain { .. }), "{error}");
    // Deleting needs no keychain.
    store.delete(&id).unwrap();
    assert!(store.list().unwrap().is_empty());
}
