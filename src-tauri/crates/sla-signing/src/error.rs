//! Everything that can go wrong while creating identities, signing or verifying, each variant
//! naming the problem in one line a person can act on.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

#[derive(Debug, thiserror::Error)]
pub enum SignError {
    // A PKCS#12 file's MAC cannot tell a wrong passphrase from a changed file.
    #[error("wrong passphrase for {what} (or the file was changed since it was made)")]
    WrongPassphrase { what: String },

    #[error("the passphrase is empty: a private key is only stored encrypted with a passphrase")]
    EmptyPassphrase,

    #[error(
        "the passphrase remembered in the system keychain no longer unlocks {what} (was the file \
         replaced?); it has been forgotten: type the passphrase"
    )]
    RememberedPassphraseStale { what: String },

    #[error("no passphrase is remembered for {what}: type it")]
    NoRememberedPassphrase { what: String },

    #[error("this computer has no system keychain ({detail}): type the passphrase each time")]
    NoKeychain { detail: String },

    #[error("the system keychain could not {action}: {detail}")]
    Keychain {
        action: &'static str,
        detail: String,
    },

    #[error("{what} is not a readable PKCS#12 (.p12/.pfx) file: {detail}")]
    NotPkcs12 { what: String, detail: String },

    #[error("{what} holds no private key with its certificate")]
    NoPrivateKey { what: String },

    #[error("corrupt certificate in {what}: {detail}")]
    CorruptCertificate { what: String, detail: String },

    #[error("unsupported key in {what}: {algorithm} (RSA and ECDSA P-256 keys can sign)")]
    UnsupportedKey { what: String, algorithm: String },

    #[error("the private key in {what} does not belong to its certificate")]
    KeyCertificateMismatch { what: String },

    #[error("the certificate of {subject} expired on {not_after}")]
    CertificateExpired {
        subject: String,
        not_after: DateTime<Utc>,
    },

    #[error("the certificate of {subject} is not valid before {not_before}")]
    CertificateNotYetValid {
        subject: String,
        not_before: DateTime<Utc>,
    },

    #[error("invalid identity: {field} {reason}")]
    InvalidIdentity { field: &'static str, reason: String },

    #[error("no signing identity with id {id:?} in {dir}")]
    IdentityNotFound { id: String, dir: PathBuf },

    #[error("no trusted certificate with id {id:?} in {dir}")]
    TrustedNotFound { id: String, dir: PathBuf },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{path} is {size} bytes; {what} is at most {limit} bytes")]
    TooLarge {
        path: PathBuf,
        size: u64,
        what: &'static str,
        limit: u64,
    },

    #[error("not a PDF file: {detail}")]
    NotPdf { detail: String },

    #[error("the PDF is truncated: {detail}")]
    TruncatedPdf { detail: String },

    #[error("the PDF is damaged: {detail}")]
    DamagedPdf { detail: String },

    #[error("the PDF is encrypted; SLA Studio signs and checks only unencrypted agreements")]
    EncryptedPdf,

    #[error(
        "the PDF has no signature fields: only agreements exported by SLA Studio can be signed"
    )]
    NoSignatureFields,

    #[error("every signature field is already signed ({fields})")]
    AllFieldsSigned { fields: String },

    #[error("no signature field named {name:?}; the fields are: {available}")]
    FieldNotFound { name: String, available: String },

    #[error("the signature field {name:?} is already signed")]
    FieldAlreadySigned { name: String },

    #[error("the signature field {name:?} has no visible area (/Rect) to draw the signature in")]
    FieldWithoutArea { name: String },

    #[error("invalid drawn signature: {detail}")]
    InvalidDrawing { detail: String },

    #[error("cryptographic failure while {action}: {detail}")]
    Crypto {
        action: &'static str,
        detail: String,
    },

    #[error("could not lay out the signature while {action}: {detail}")]
    Layout {
        action: &'static str,
        detail: String,
    },
}

impl SignError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        SignError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn crypto(action: &'static str, detail: impl ToString) -> Self {
        SignError::Crypto {
            action,
            detail: detail.to_string(),
        }
    }

    pub(crate) fn layout(action: &'static str, detail: impl ToString) -> Self {
        SignError::Layout {
            action,
            detail: detail.to_string(),
        }
    }

    pub(crate) fn damaged(detail: impl Into<String>) -> Self {
        SignError::DamagedPdf {
            detail: detail.into(),
        }
    }
}
