//! Sign-off for exported agreements: signing identities (a key with an X.509 certificate, kept
//! only in passphrase-protected PKCS#12 files), PAdES signatures appended as incremental updates
//! so earlier signatures stay valid, and verification that says in plain words what a signature
//! proves.
//!
//! ```no_run
//! # fn main() -> Result<(), sla_signing::SignError> {
//! use sla_signing::{sign, verify, NewIdentity, SignOptions, SigningIdentity};
//! let me = SigningIdentity::create(&NewIdentity::new("Anna Petrova", "Head of Marketing"))?;
//! let pdf = std::fs::read("agreement.pdf").unwrap();
//! let signed = sign(&pdf, &me, &SignOptions::default())?;
//! assert!(verify(&signed, &[])?.all_valid());
//! # Ok(()) }
//! ```

mod appearance;
mod certificate;
mod cms_signature;
mod crypto;
mod error;
mod files;
mod font;
mod identity;
mod identity_store;
mod pdf_raw;
mod pdf_source;
mod pdf_syntax;
mod pdf_update;
mod plain_words;
mod sign;
mod verify;

pub use appearance::{Point, Stroke};
pub use certificate::{parse_certificates, CertificateSummary, Validity};
pub use cms_signature::SubFilter;
pub use crypto::KeyAlgorithm;
pub use error::SignError;
pub use identity::{KeyKind, NewIdentity, SigningIdentity};
pub use identity_store::{IdentityInfo, IdentityStore};
pub use pdf_source::AGREEMENT_ATTACHMENT;
pub use plain_words::Finding;
pub use sign::{sign, FieldChoice, SignOptions};
pub use sla_model::Language;
pub use verify::{
    attached_agreement_json, signed_revision, verify, AfterSigning, SignatureReport, Trust,
    VerifyReport,
};
pub use x509_cert::Certificate;
