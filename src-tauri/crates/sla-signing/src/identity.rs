//! A signing identity: a private key with its X.509 certificate (and the issuers' certificates
//! when a company issued it). Created here as a self-signed certificate, or read from a PKCS#12
//! file; written back only as PKCS#12 encrypted with PBES2/AES-256 under a passphrase.

use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use der::asn1::{Ia5String, SetOfVec};
use der::{Any, Decode, Tag};
use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::Certificate;

use crate::certificate::{
    self, CertificateSummary, OID_COMMON_NAME, OID_EMAIL_ADDRESS, OID_ORGANIZATION,
    OID_ORGANIZATIONAL_UNIT, OID_TITLE,
};
use crate::crypto::PrivateKey;
use crate::SignError;

/// The key a new identity is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// RSA with a 2048-bit modulus: what every PDF reader checks.
    #[default]
    Rsa,
    /// ECDSA on the NIST P-256 curve: smaller and faster, checked by current readers.
    P256,
}

impl FromStr for KeyKind {
    type Err = String;

    fn from_str(text: &str) -> Result<KeyKind, String> {
        match text.to_ascii_lowercase().as_str() {
            "rsa" | "rsa2048" | "rsa-2048" => Ok(KeyKind::Rsa),
            "p256" | "p-256" | "ecdsa" | "ec" => Ok(KeyKind::P256),
            other => Err(format!("unknown key type {other:?}: use rsa or p256")),
        }
    }
}

/// What a person enters to create their own signing identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewIdentity {
    pub name: String,
    /// The person's position, e.g. "Head of Sales"; stored as the certificate's title.
    pub role: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub key: KeyKind,
    /// Start of validity; now when `None`.
    #[serde(default)]
    pub valid_from: Option<DateTime<Utc>>,
    /// Length of validity in days.
    #[serde(default = "default_valid_days")]
    pub valid_days: u32,
}

fn default_valid_days() -> u32 {
    3 * 365
}

impl NewIdentity {
    /// An RSA identity valid from now for three years.
    pub fn new(name: impl Into<String>, role: impl Into<String>) -> NewIdentity {
        NewIdentity {
            name: name.into(),
            role: role.into(),
            department: String::new(),
            organization: String::new(),
            email: String::new(),
            key: KeyKind::Rsa,
            valid_from: None,
            valid_days: default_valid_days(),
        }
    }

    fn check(&self) -> Result<(), SignError> {
        let invalid = |field, reason: &str| {
            Err(SignError::InvalidIdentity {
                field,
                reason: reason.to_owned(),
            })
        };
        if self.name.trim().is_empty() {
            return invalid("name", "is empty");
        }
        // Upper bounds from X.520 (ub-common-name, ub-title, ub-organizational-unit-name).
        for (field, value) in [
            ("name", &self.name),
            ("role", &self.role),
            ("department", &self.department),
            ("organization", &self.organization),
        ] {
            if value.trim().chars().count() > 64 {
                return invalid(field, "is longer than 64 characters");
            }
        }
        let email = self.email.trim();
        if !email.is_empty() {
            let well_formed = email.is_ascii()
                && email.len() <= 128
                && !email.contains(char::is_whitespace)
                && email.split('@').count() == 2
                && email.split('@').all(|part| !part.is_empty());
            if !well_formed {
                return invalid("email", &format!("{email:?} is not an e-mail address"));
            }
        }
        if self.valid_days == 0 || self.valid_days > 36_500 {
            return invalid("valid_days", "must be between 1 and 36500");
        }
        Ok(())
    }
}

/// A private key with its certificate, ready to sign. Never written anywhere unencrypted.
#[derive(Clone)]
pub struct SigningIdentity {
    pub(crate) key: PrivateKey,
    pub(crate) certificate: Certificate,
    /// The issuers' certificates, nearest first; empty for a self-signed identity.
    pub(crate) chain: Vec<Certificate>,
}

impl std::fmt::Debug for SigningIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningIdentity")
            .field("certificate", &self.summary())
            .finish_non_exhaustive()
    }
}

impl SigningIdentity {
    /// Makes a new key and a self-signed certificate naming the person.
    pub fn create(new: &NewIdentity) -> Result<SigningIdentity, SignError> {
        new.check()?;
        let key = match new.key {
            KeyKind::Rsa => PrivateKey::Rsa(Box::new(
                rsa::RsaPrivateKey::new(&mut OsRng, 2048)
                    .map_err(|e| SignError::crypto("generating the RSA key", e))?,
            )),
            KeyKind::P256 => PrivateKey::P256(p256::SecretKey::random(&mut OsRng)),
        };
        let subject = subject_name(new)?;
        let start = new
            .valid_from
            .map(|t| SystemTime::UNIX_EPOCH + Duration::from_secs(t.timestamp().max(0) as u64))
            .unwrap_or_else(SystemTime::now);
        // Whole seconds: the certificate cannot say more, and a signature made in the same
        // second as the certificate must still fall inside its validity.
        let start_secs = start
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs();
        let start = SystemTime::UNIX_EPOCH + Duration::from_secs(start_secs);
        let end = start + Duration::from_secs(u64::from(new.valid_days) * 86_400);
        let validity = Validity {
            not_before: Time::try_from(start)
                .map_err(|e| SignError::crypto("dating the certificate", e))?,
            not_after: Time::try_from(end)
                .map_err(|e| SignError::crypto("dating the certificate", e))?,
        };
        let mut serial = [0u8; 16];
        OsRng.fill_bytes(&mut serial);
        serial[0] &= 0x7f;
        serial[0] |= 0x40;
        let serial = SerialNumber::new(&serial)
            .map_err(|e| SignError::crypto("numbering the certificate", e))?;
        let spki = key.public_key_info()?;
        let profile = Profile::Leaf {
            issuer: subject.clone(),
            enable_key_agreement: false,
            enable_key_encipherment: false,
        };
        let email = new.email.trim();
        let alt_names = if email.is_empty() {
            None
        } else {
            let email = Ia5String::new(email).map_err(|e| SignError::InvalidIdentity {
                field: "email",
                reason: e.to_string(),
            })?;
            Some(SubjectAltName(vec![GeneralName::Rfc822Name(email)]))
        };
        let building =
            |e: x509_cert::builder::Error| SignError::crypto("building the certificate", e);
        let certificate = match &key {
            PrivateKey::Rsa(rsa_key) => {
                let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new((**rsa_key).clone());
                let mut builder =
                    CertificateBuilder::new(profile, serial, validity, subject, spki, &signer)
                        .map_err(building)?;
                if let Some(alt_names) = &alt_names {
                    builder.add_extension(alt_names).map_err(building)?;
                }
                builder
                    .build::<rsa::pkcs1v15::Signature>()
                    .map_err(building)?
            }
            PrivateKey::P256(ec_key) => {
                let signer = p256::ecdsa::SigningKey::from(ec_key);
                let mut builder =
                    CertificateBuilder::new(profile, serial, validity, subject, spki, &signer)
                        .map_err(building)?;
                if let Some(alt_names) = &alt_names {
                    builder.add_extension(alt_names).map_err(building)?;
                }
                builder
                    .build::<p256::ecdsa::DerSignature>()
                    .map_err(building)?
            }
        };
        Ok(SigningIdentity {
            key,
            certificate,
            chain: Vec::new(),
        })
    }

    /// Reads a PKCS#12 (.p12/.pfx) file, such as one a company issued.
    pub fn from_p12_file(path: &Path, passphrase: &str) -> Result<SigningIdentity, SignError> {
        let bytes = crate::files::read_limited(
            path,
            "a PKCS#12 identity",
            crate::files::MAX_KEY_FILE_BYTES,
        )?;
        Self::from_p12_bytes(&bytes, passphrase, &path.display().to_string())
    }

    /// Reads PKCS#12 bytes; `what` names their source in error messages.
    pub fn from_p12_bytes(
        bytes: &[u8],
        passphrase: &str,
        what: &str,
    ) -> Result<SigningIdentity, SignError> {
        use p12_keystore::{KeyStore, KeyStoreEntry, Pkcs12ImportPolicy};
        let read_error = |e: p12_keystore::error::Error| match e {
            p12_keystore::error::Error::MacError(_) => SignError::WrongPassphrase {
                what: what.to_owned(),
            },
            // A wrong passphrase on a file without a MAC shows up as bad padding.
            p12_keystore::error::Error::UnpadError => SignError::WrongPassphrase {
                what: what.to_owned(),
            },
            other => SignError::NotPkcs12 {
                what: what.to_owned(),
                detail: other.to_string(),
            },
        };
        let store = KeyStore::from_pkcs12(bytes, passphrase, Pkcs12ImportPolicy::Strict)
            .map_err(read_error)?;
        let (key_der, cert_ders): (Vec<u8>, Vec<Vec<u8>>) = match store.private_key_chain() {
            Some((_, chain)) if !chain.certs().is_empty() => (
                chain.key().as_der().to_vec(),
                chain.certs().iter().map(|c| c.as_der().to_vec()).collect(),
            ),
            _ => {
                // Files without matching local key ids: take the key and every certificate,
                // and pick the certificate that carries the key's public half below.
                let raw = KeyStore::from_pkcs12(bytes, passphrase, Pkcs12ImportPolicy::Raw)
                    .map_err(read_error)?;
                let mut key = None;
                let mut certs = Vec::new();
                for (_, entry) in raw.entries() {
                    match entry {
                        KeyStoreEntry::PrivateKeyChain(chain) if key.is_none() => {
                            key = Some(chain.key().as_der().to_vec());
                            certs.extend(chain.certs().iter().map(|c| c.as_der().to_vec()));
                        }
                        KeyStoreEntry::Certificate(cert) => certs.push(cert.as_der().to_vec()),
                        _ => {}
                    }
                }
                let key = key.ok_or_else(|| SignError::NoPrivateKey {
                    what: what.to_owned(),
                })?;
                (key, certs)
            }
        };
        let key = PrivateKey::from_pkcs8(&key_der, what)?;
        let mut certificates = Vec::with_capacity(cert_ders.len());
        for der_bytes in &cert_ders {
            let certificate =
                Certificate::from_der(der_bytes).map_err(|e| SignError::CorruptCertificate {
                    what: what.to_owned(),
                    detail: e.to_string(),
                })?;
            certificates.push(certificate);
        }
        let leaf_index = certificates
            .iter()
            .position(|c| key.matches(&c.tbs_certificate.subject_public_key_info))
            .ok_or_else(|| {
                if certificates.is_empty() {
                    SignError::NoPrivateKey {
                        what: what.to_owned(),
                    }
                } else {
                    SignError::KeyCertificateMismatch {
                        what: what.to_owned(),
                    }
                }
            })?;
        let certificate = certificates.remove(leaf_index);
        let chain = issuer_chain(&certificate, certificates);
        Ok(SigningIdentity {
            key,
            certificate,
            chain,
        })
    }

    /// The identity as PKCS#12 bytes, the key encrypted with PBES2/AES-256 under `passphrase`.
    pub fn to_p12(&self, passphrase: &str) -> Result<Vec<u8>, SignError> {
        use p12_keystore::{KeyStore, KeyStoreEntry, PrivateKeyChain};
        if passphrase.is_empty() {
            return Err(SignError::EmptyPassphrase);
        }
        let packing = |e: p12_keystore::error::Error| SignError::crypto("writing PKCS#12", e);
        let key = p12_keystore::PrivateKey::from_der(&self.key.to_pkcs8()?).map_err(packing)?;
        let mut certs = Vec::with_capacity(1 + self.chain.len());
        for certificate in std::iter::once(&self.certificate).chain(&self.chain) {
            certs.push(
                p12_keystore::Certificate::from_der(&certificate::der_bytes(certificate))
                    .map_err(packing)?,
            );
        }
        let fingerprint = sha2::Sha256::digest(certificate::der_bytes(&self.certificate));
        let chain = PrivateKeyChain::new(&fingerprint[..20], key, certs);
        let mut store = KeyStore::new();
        store.add_entry(&self.summary().name, KeyStoreEntry::PrivateKeyChain(chain));
        store
            .writer(passphrase)
            .encryption_algorithm(p12_keystore::EncryptionAlgorithm::PbeWithHmacSha256AndAes256)
            .write()
            .map_err(packing)
    }

    /// Writes the identity to a PKCS#12 file, readable only by its owner on Unix.
    pub fn write_p12(&self, path: &Path, passphrase: &str) -> Result<(), SignError> {
        let bytes = self.to_p12(passphrase)?;
        crate::files::write_private(path, &bytes)
    }

    pub fn summary(&self) -> CertificateSummary {
        CertificateSummary::of(&self.certificate)
    }

    pub fn certificate(&self) -> &Certificate {
        &self.certificate
    }

    /// The issuers' certificates, nearest first; empty for a self-signed identity.
    pub fn chain(&self) -> &[Certificate] {
        &self.chain
    }

    /// The certificate in PEM, to give to those who check the signatures.
    pub fn certificate_pem(&self) -> String {
        certificate::to_pem(std::slice::from_ref(&self.certificate))
    }

    /// Refuses a certificate that is not valid at `time`.
    pub(crate) fn check_valid_at(&self, time: DateTime<Utc>) -> Result<(), SignError> {
        let summary = self.summary();
        match summary.validity_at(time) {
            certificate::Validity::Valid => Ok(()),
            certificate::Validity::Expired => Err(SignError::CertificateExpired {
                subject: summary.name,
                not_after: summary.not_after,
            }),
            certificate::Validity::NotYetValid => Err(SignError::CertificateNotYetValid {
                subject: summary.name,
                not_before: summary.not_before,
            }),
        }
    }
}

/// Reads a passphrase kept in a file (as the command line takes it): the file's text without
/// its final line break.
pub fn read_passphrase_file(path: &Path) -> Result<String, SignError> {
    let bytes = crate::files::read_limited(
        path,
        "a passphrase file",
        crate::files::MAX_PASSPHRASE_FILE_BYTES,
    )?;
    let text = String::from_utf8(bytes).map_err(|_| {
        SignError::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "the passphrase is not UTF-8 text",
            ),
        )
    })?;
    let passphrase = text.strip_suffix('\n').unwrap_or(&text);
    let passphrase = passphrase.strip_suffix('\r').unwrap_or(passphrase);
    if passphrase.is_empty() {
        return Err(SignError::EmptyPassphrase);
    }
    Ok(passphrase.to_owned())
}

/// Orders the issuers of `leaf` from nearest up; certificates outside the chain are dropped.
fn issuer_chain(leaf: &Certificate, mut pool: Vec<Certificate>) -> Vec<Certificate> {
    let mut chain: Vec<Certificate> = Vec::new();
    let mut current = leaf.clone();
    while !certificate::is_self_signed(&current) {
        let Some(index) = pool
            .iter()
            .position(|c| certificate::issued_by(&current, c))
        else {
            break;
        };
        let issuer = pool.remove(index);
        chain.push(issuer.clone());
        current = issuer;
    }
    chain
}

fn subject_name(new: &NewIdentity) -> Result<Name, SignError> {
    let text = |oid, value: &str| -> Result<RelativeDistinguishedName, SignError> {
        let value = Any::new(Tag::Utf8String, value.trim().as_bytes())
            .map_err(|e| SignError::crypto("naming the certificate subject", e))?;
        single_rdn(AttributeTypeAndValue { oid, value })
    };
    let mut rdns = Vec::new();
    if !new.organization.trim().is_empty() {
        rdns.push(text(OID_ORGANIZATION, &new.organization)?);
    }
    if !new.department.trim().is_empty() {
        rdns.push(text(OID_ORGANIZATIONAL_UNIT, &new.department)?);
    }
    if !new.role.trim().is_empty() {
        rdns.push(text(OID_TITLE, &new.role)?);
    }
    rdns.push(text(OID_COMMON_NAME, &new.name)?);
    if !new.email.trim().is_empty() {
        let value = Any::new(Tag::Ia5String, new.email.trim().as_bytes())
            .map_err(|e| SignError::crypto("naming the certificate subject", e))?;
        rdns.push(single_rdn(AttributeTypeAndValue {
            oid: OID_EMAIL_ADDRESS,
            value,
        })?);
    }
    Ok(RdnSequence(rdns))
}

fn single_rdn(atv: AttributeTypeAndValue) -> Result<RelativeDistinguishedName, SignError> {
    let mut set = SetOfVec::new();
    set.insert(atv)
        .map_err(|e| SignError::crypto("naming the certificate subject", e))?;
    Ok(RelativeDistinguishedName(set))
}
