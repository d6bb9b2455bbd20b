//! Passphrases remembered in a real system keychain (the Secret Service on Linux). `make test`
//! runs these in a private D-Bus session with a throwaway GNOME Keyring (tests/keychain/run.sh)
//! and sets `SLA_STUDIO_REQUIRE_KEYCHAIN=1`, so there they fail rather than skip when no keychain
//! answers. Elsewhere, without a keychain, they say so and pass.

use sla_signing::{keychain, IdentityStore, NewIdentity, SignError};

/// Whether to go on: a keychain answers, or (unless it is required) skip with a note.
fn keychain_answers() -> bool {
    match keychain::status() {
        Ok(()) => true,
        Err(e) if std::env::var_os("SLA_STUDIO_REQUIRE_KEYCHAIN").is_some() => {
            panic!("SLA_STUDIO_REQUIRE_KEYCHAIN is set but no keychain answers: {e}")
        }
        Err(e) => {
            eprintln!("skipped: {e} (tests/keychain/run.sh provides one)");
            false
        }
    }
}

/// A store holding one new identity (its own key, so its own keychain entry) under `passphrase`.
fn store_with_identity(name: &str, passphrase: &str) -> (tempfile::TempDir, IdentityStore, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = IdentityStore::open(dir.path().join("identities")).unwrap();
    let new = NewIdentity {
        key: "p256".parse().unwrap(),
        ..NewIdentity::new(name, "Head of Marketing")
    };
    let id = store.create(&new, passphrase).unwrap().id;
    (dir, store, id)
}

#[test]
fn remembers_recalls_replaces_and_forgets_a_passphrase() {
    if !keychain_answers() {
        return;
    }
    assert!(keychain::available());
    let id = "keychain-test-roundtrip";
    keychain::forget(id).unwrap();
    assert_eq!(keychain::recall(id).unwrap(), None);
    keychain::remember(id, "correct horse, батарея").unwrap();
    assert_eq!(
        keychain::recall(id).unwrap().as_deref(),
        Some("correct horse, батарея")
    );
    keychain::remember(id, "another").unwrap();
    assert_eq!(keychain::recall(id).unwrap().as_deref(), Some("another"));
    keychain::forget(id).unwrap();
    assert_eq!(keychain::recall(id).unwrap(), None);
    // Forgetting what is not remembered is no error.
    keychain::forget(id).unwrap();
}

#[test]
fn a_remembered_passphrase_unlocks_without_typing() {
    if !keychain_answers() {
        return;
    }
    let (_dir, store, id) = store_with_identity("Anna Remembered", "s3cret passphrase");
    assert!(!store.is_remembered(&id));
    // Nothing typed and nothing remembered: asked to type it.
    assert!(matches!(
        store.unlock(&id, "", false),
        Err(SignError::NoRememberedPassphrase { .. })
    ));
    // Typed without asking to remember: not remembered.
    store.unlock(&id, "s3cret passphrase", false).unwrap();
    assert!(!store.is_remembered(&id));
    // Typed and asked to remember: unlocked, then remembered.
    let typed = store.unlock(&id, "s3cret passphrase", true).unwrap();
    assert!(store.is_remembered(&id));
    let recalled = store.unlock(&id, "", false).unwrap();
    assert_eq!(recalled.summary(), typed.summary());
    // Typing it again still works and leaves it remembered.
    store.unlock(&id, "s3cret passphrase", false).unwrap();
    assert!(store.is_remembered(&id));
    keychain::forget(&id).unwrap();
}

#[test]
fn a_wrong_passphrase_is_never_remembered() {
    if !keychain_answers() {
        return;
    }
    let (_dir, store, id) = store_with_identity("Ivan Wrong", "right one");
    assert!(matches!(
        store.unlock(&id, "wrong one", true),
        Err(SignError::WrongPassphrase { .. })
    ));
    assert_eq!(keychain::recall(&id).unwrap(), None);
    // A wrong one typed over a remembered one replaces nothing.
    store.unlock(&id, "right one", true).unwrap();
    assert!(store.unlock(&id, "wrong one", true).is_err());
    assert_eq!(keychain::recall(&id).unwrap().as_deref(), Some("right one"));
    keychain::forget(&id).unwrap();
}

#[test]
fn a_remembered_passphrase_that_no_longer_unlocks_is_forgotten() {
    if !keychain_answers() {
        return;
    }
    let (_dir, store, id) = store_with_identity("Anna Changed", "old passphrase");
    store.unlock(&id, "old passphrase", true).unwrap();
    // The key file is replaced by the same key under another passphrase (restored from a
    // backup made after the passphrase changed, say).
    let identity = store.load(&id, "old passphrase").unwrap();
    identity
        .write_p12(&store.p12_path(&id), "new passphrase")
        .unwrap();
    let error = store.unlock(&id, "", false).unwrap_err();
    assert!(
        matches!(error, SignError::RememberedPassphraseStale { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("no longer unlocks"), "{error}");
    assert!(!store.is_remembered(&id));
    // The new one, typed, works and can be remembered in its place.
    store.unlock(&id, "new passphrase", true).unwrap();
    assert_eq!(
        keychain::recall(&id).unwrap().as_deref(),
        Some("new passphrase")
    );
    keychain::forget(&id).unwrap();
}

#[test]
fn deleting_an_identity_forgets_its_passphrase() {
    if !keychain_answers() {
        return;
    }
    let (_dir, store, id) = store_with_identity("Ivan Deleted", "to be forgotten");
    store.unlock(&id, "to be forgotten", true).unwrap();
    assert!(store.is_remembered(&id));
    store.delete(&id).unwrap();
    assert_eq!(keychain::recall(&id).unwrap(), None);
    assert!(store.list().unwrap().is_empty());
}
