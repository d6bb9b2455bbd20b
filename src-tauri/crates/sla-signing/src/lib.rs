//! Sign-off for exported agreements: signing identities (a key with an X.509 certificate, kept
//! only in passphrase-protected PKCS#12 files), PAdES signatures appended as incremental updates
//! so earlier signatures stay valid, and verification that says in plain words what a signature
//! proves.
//!
//! The three command-line one-liners:
//!
//! ```no_run
//! # fn main() -> Result<(), sla_signing::SignError> {
//! use std::path::Path;
//! use sla_signing::*;
//! // sla-studio identity new --name N --role R --key p256 -o me.p12 --passphrase-file F
//! let passphrase = read_passphrase_file(Path::new("F"))?;
//! let new = NewIdentity { key: "p256".parse().unwrap(), ..NewIdentity::new("Anna Petrova", "Head of Marketing") };
//! SigningIdentity::create(&new)?.write_p12(Path::new("me.p12"), &passphrase)?;
//! // sla-studio sign IN.pdf --identity me.p12 --passphrase-file F -o OUT.pdf
//! let me = SigningIdentity::from_p12_file(Path::new("me.p12"), &passphrase)?;
//! sign_file(Path::new("IN.pdf"), &me, &SignOptions::default(), Path::new("OUT.pdf"))?;
//! // sla-studio verify FILE.pdf --trust CERT.pem
//! let trusted = read_certificates_file(Path::new("CERT.pem"))?;
//! let report = verify(&std::fs::read("FILE.pdf").unwrap(), &trusted)?;
//! print!("{}", report.describe(Language::En));
//! std::process::exit(if report.all_valid() { 0 } else { 1 });
//! # }
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
pub mod keychain;
mod pdf_raw;
mod pdf_source;
mod pdf_syntax;
mod pdf_update;
mod plain_words;
mod sign;
mod verify;

pub use appearance::{Point, Stroke};
pub use certificate::{parse_certificates, read_certificates_file, CertificateSummary, Validity};
pub use cms_signature::SubFilter;
pub use crypto::KeyAlgorithm;
pub use error::SignError;
pub use identity::{read_passphrase_file, KeyKind, NewIdentity, SigningIdentity};
pub use identity_store::{IdentityInfo, IdentityStore};
pub use pdf_source::AGREEMENT_ATTACHMENT;
pub use plain_words::Finding;
pub use sign::{sign, sign_file, FieldChoice, SignOptions};
pub use sla_model::Language;
pub use verify::{
    attached_agreement_json, signed_revision, verify, AfterSigning, SignatureReport, Trust,
    UnsignedField, VerifyReport,
};
pub use x509_cert::Certificate;
