//! Passphrases remembered in the system keychain, for those who ask: the Secret Service on Linux
//! (GNOME Keyring, KWallet), the Keychain on macOS, the Credential Manager on Windows. Each is
//! kept under the identity's id; the key itself stays in its encrypted PKCS#12 file.
//!
//! A computer without a keychain (no D-Bus session, no keyring daemon) is not an error for the
//! program: [`available`] says so, and the passphrase is typed each time, as it always may be.

use crate::SignError;

/// The service every remembered passphrase is filed under, as keychain managers show it.
const SERVICE: &str = "SLA Studio signing identity";

/// An account name no identity has (ids are hex digits), looked up to see whether a keychain
/// answers at all; nothing is ever stored under it.
const PROBE: &str = "availability check";

/// Whether a keychain answers on this computer.
pub fn available() -> bool {
    status().is_ok()
}

/// `Ok` when a keychain answers, else why none does, in words.
pub fn status() -> Result<(), SignError> {
    match entry(PROBE)?.get_password() {
        Ok(_) | Err(keyring::Error::NoEntry) | Err(keyring::Error::Ambiguous(_)) => Ok(()),
        Err(e) => Err(unavailable(e)),
    }
}

/// Keeps `passphrase` for the identity `id`, replacing any remembered before.
pub fn remember(id: &str, passphrase: &str) -> Result<(), SignError> {
    if passphrase.is_empty() {
        return Err(SignError::EmptyPassphrase);
    }
    // A duplicate left by another program would make the entry ambiguous: start clean.
    forget(id)?;
    entry(id)?
        .set_password(passphrase)
        .map_err(|e| failure("keep the passphrase", e))
}

/// The passphrase remembered for the identity `id`, if there is one.
pub fn recall(id: &str) -> Result<Option<String>, SignError> {
    match entry(id)?.get_password() {
        Ok(passphrase) => Ok(Some(passphrase)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(keyring::Error::Ambiguous(credentials)) => {
            // Copies that disagree cannot be told apart: use none of them.
            let mut found = None;
            for credential in credentials {
                let passphrase = credential
                    .get_password()
                    .map_err(|e| failure("read the passphrase", e))?;
                if found.get_or_insert_with(|| passphrase.clone()) != &passphrase {
                    return Ok(None);
                }
            }
            Ok(found)
        }
        Err(e) => Err(failure("read the passphrase", e)),
    }
}

/// Removes the passphrase remembered for the identity `id`; none remembered is no error.
pub fn forget(id: &str) -> Result<(), SignError> {
    match entry(id)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(keyring::Error::Ambiguous(credentials)) => {
            for credential in credentials {
                match credential.delete_credential() {
                    Ok(()) | Err(keyring::Error::NoEntry) => {}
                    Err(e) => return Err(failure("forget the passphrase", e)),
                }
            }
            Ok(())
        }
        Err(e) => Err(failure("forget the passphrase", e)),
    }
}

fn entry(id: &str) -> Result<keyring::Entry, SignError> {
    keyring::Entry::new(SERVICE, id).map_err(|e| SignError::Keychain {
        action: "name the entry",
        detail: detail(&e),
    })
}

fn failure(action: &'static str, error: keyring::Error) -> SignError {
    match error {
        keyring::Error::PlatformFailure(_) | keyring::Error::NoStorageAccess(_) => match status() {
            Err(none) => none,
            Ok(()) => SignError::Keychain {
                action,
                detail: detail(&error),
            },
        },
        other => SignError::Keychain {
            action,
            detail: detail(&other),
        },
    }
}

fn unavailable(error: keyring::Error) -> SignError {
    SignError::NoKeychain {
        detail: detail(&error),
    }
}

/// The platform's own words, without keyring's generic prefix.
fn detail(error: &keyring::Error) -> String {
    match error {
        keyring::Error::PlatformFailure(e) | keyring::Error::NoStorageAccess(e) => e.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_passphrase_is_never_remembered() {
        assert!(matches!(
            remember("0123456789abcdef", ""),
            Err(SignError::EmptyPassphrase)
        ));
    }
}
