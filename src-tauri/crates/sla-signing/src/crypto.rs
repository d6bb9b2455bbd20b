//! The two key types SLA Studio signs with (RSA and ECDSA P-256): signing, and checking a
//! signature against a public key whatever produced it.

use der::oid::ObjectIdentifier;
use der::{Decode, Encode};
use rsa::pkcs8::{DecodePublicKey, EncodePrivateKey};
use serde::Serialize;
use sha2::{Digest, Sha256, Sha384, Sha512};
use signature::{hazmat::PrehashVerifier, SignatureEncoding, Signer, Verifier};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::SignError;

pub(crate) const OID_RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const OID_SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const OID_SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
pub(crate) const OID_EC_PUBLIC_KEY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const OID_ECDSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const OID_ECDSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
pub(crate) const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
pub(crate) const OID_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const OID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const OID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// The kind and size of a certificate's public key, for people to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KeyAlgorithm {
    Rsa { bits: usize },
    EcdsaP256,
    Other,
}

impl KeyAlgorithm {
    pub(crate) fn of(spki: &SubjectPublicKeyInfoOwned) -> KeyAlgorithm {
        if spki.algorithm.oid == OID_RSA_ENCRYPTION {
            let bits = spki
                .to_der()
                .ok()
                .and_then(|der| rsa::RsaPublicKey::from_public_key_der(&der).ok())
                .map(|key| rsa::traits::PublicKeyParts::size(&key) * 8)
                .unwrap_or(0);
            KeyAlgorithm::Rsa { bits }
        } else if spki.algorithm.oid == OID_EC_PUBLIC_KEY && curve_of(spki) == Some(OID_P256) {
            KeyAlgorithm::EcdsaP256
        } else {
            KeyAlgorithm::Other
        }
    }
}

impl std::fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyAlgorithm::Rsa { bits } => write!(f, "RSA-{bits}"),
            KeyAlgorithm::EcdsaP256 => f.write_str("ECDSA P-256"),
            KeyAlgorithm::Other => f.write_str("other"),
        }
    }
}

fn curve_of(spki: &SubjectPublicKeyInfoOwned) -> Option<ObjectIdentifier> {
    spki.algorithm
        .parameters
        .as_ref()?
        .decode_as::<ObjectIdentifier>()
        .ok()
}

/// A private key SLA Studio can sign with.
#[derive(Clone)]
pub(crate) enum PrivateKey {
    Rsa(Box<rsa::RsaPrivateKey>),
    P256(p256::SecretKey),
}

impl PrivateKey {
    /// Reads a PKCS#8 private key; `what` names its source in errors.
    pub(crate) fn from_pkcs8(der_bytes: &[u8], what: &str) -> Result<PrivateKey, SignError> {
        use rsa::pkcs8::DecodePrivateKey;
        let info =
            rsa::pkcs8::PrivateKeyInfo::from_der(der_bytes).map_err(|e| SignError::NotPkcs12 {
                what: what.to_owned(),
                detail: format!("private key: {e}"),
            })?;
        let algorithm = info.algorithm.oid;
        if algorithm == OID_RSA_ENCRYPTION {
            let key = rsa::RsaPrivateKey::from_pkcs8_der(der_bytes)
                .map_err(|e| SignError::crypto("reading the RSA key", e))?;
            return Ok(PrivateKey::Rsa(Box::new(key)));
        }
        if algorithm == OID_EC_PUBLIC_KEY {
            let curve = info.algorithm.parameters_oid().ok();
            if curve == Some(OID_P256) {
                let key = p256::SecretKey::from_pkcs8_der(der_bytes)
                    .map_err(|e| SignError::crypto("reading the P-256 key", e))?;
                return Ok(PrivateKey::P256(key));
            }
            return Err(SignError::UnsupportedKey {
                what: what.to_owned(),
                algorithm: format!(
                    "elliptic curve {}",
                    curve
                        .map(|c| c.to_string())
                        .unwrap_or_else(|| "unknown".into())
                ),
            });
        }
        Err(SignError::UnsupportedKey {
            what: what.to_owned(),
            algorithm: algorithm.to_string(),
        })
    }

    pub(crate) fn to_pkcs8(&self) -> Result<Vec<u8>, SignError> {
        let document = match self {
            PrivateKey::Rsa(key) => key.to_pkcs8_der(),
            PrivateKey::P256(key) => key.to_pkcs8_der(),
        };
        document
            .map(|d| d.as_bytes().to_vec())
            .map_err(|e| SignError::crypto("encoding the private key", e))
    }

    pub(crate) fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, SignError> {
        let spki = match self {
            PrivateKey::Rsa(key) => SubjectPublicKeyInfoOwned::from_key(key.to_public_key()),
            PrivateKey::P256(key) => SubjectPublicKeyInfoOwned::from_key(key.public_key()),
        };
        spki.map_err(|e| SignError::crypto("encoding the public key", e))
    }

    /// Whether this key is the private half of `spki`.
    pub(crate) fn matches(&self, spki: &SubjectPublicKeyInfoOwned) -> bool {
        let Ok(der) = spki.to_der() else { return false };
        match self {
            PrivateKey::Rsa(key) => rsa::RsaPublicKey::from_public_key_der(&der)
                .is_ok_and(|public| public == key.to_public_key()),
            PrivateKey::P256(key) => {
                p256::PublicKey::from_public_key_der(&der).is_ok_and(|p| p == key.public_key())
            }
        }
    }

    /// The algorithm identifier placed beside a signature this key makes with SHA-256.
    pub(crate) fn signature_algorithm(&self) -> AlgorithmIdentifierOwned {
        match self {
            PrivateKey::Rsa(_) => AlgorithmIdentifierOwned {
                oid: OID_SHA256_WITH_RSA,
                parameters: Some(der::asn1::Null.into()),
            },
            PrivateKey::P256(_) => AlgorithmIdentifierOwned {
                oid: OID_ECDSA_SHA256,
                parameters: None,
            },
        }
    }

    /// Signs `message` with SHA-256: PKCS#1 v1.5 for RSA, DER-encoded ECDSA for P-256.
    pub(crate) fn sign_sha256(&self, message: &[u8]) -> Result<Vec<u8>, SignError> {
        match self {
            PrivateKey::Rsa(key) => {
                let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new((**key).clone());
                let signature = signer
                    .try_sign(message)
                    .map_err(|e| SignError::crypto("signing with the RSA key", e))?;
                Ok(signature.to_vec())
            }
            PrivateKey::P256(key) => {
                let signer = p256::ecdsa::SigningKey::from(key);
                let signature: p256::ecdsa::Signature = signer
                    .try_sign(message)
                    .map_err(|e| SignError::crypto("signing with the P-256 key", e))?;
                Ok(signature.to_der().to_vec())
            }
        }
    }
}

/// A digest algorithm a CMS signature may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DigestAlgorithm {
    Sha256,
    Sha384,
    Sha512,
}

impl DigestAlgorithm {
    pub(crate) fn from_oid(oid: ObjectIdentifier) -> Option<DigestAlgorithm> {
        match oid {
            o if o == OID_SHA256 => Some(DigestAlgorithm::Sha256),
            o if o == OID_SHA384 => Some(DigestAlgorithm::Sha384),
            o if o == OID_SHA512 => Some(DigestAlgorithm::Sha512),
            _ => None,
        }
    }

    pub(crate) fn digest_parts(self, parts: &[&[u8]]) -> Vec<u8> {
        fn run<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut hasher = D::new();
            parts.iter().for_each(|p| hasher.update(p));
            hasher.finalize().to_vec()
        }
        match self {
            DigestAlgorithm::Sha256 => run::<Sha256>(parts),
            DigestAlgorithm::Sha384 => run::<Sha384>(parts),
            DigestAlgorithm::Sha512 => run::<Sha512>(parts),
        }
    }
}

/// Checks `signature` over `message` with the key in `spki`. `algorithm` is the signature
/// algorithm; for a bare key algorithm (rsaEncryption, id-ecPublicKey) `digest` names the hash.
pub(crate) fn verify_signature(
    spki: &SubjectPublicKeyInfoOwned,
    algorithm: &AlgorithmIdentifierOwned,
    digest: Option<DigestAlgorithm>,
    message: &[u8],
    signature: &[u8],
) -> Result<(), String> {
    let oid = algorithm.oid;
    let key_der = spki.to_der().map_err(|e| e.to_string())?;
    let rsa_digest = match oid {
        o if o == OID_SHA256_WITH_RSA => Some(DigestAlgorithm::Sha256),
        o if o == OID_SHA384_WITH_RSA => Some(DigestAlgorithm::Sha384),
        o if o == OID_SHA512_WITH_RSA => Some(DigestAlgorithm::Sha512),
        o if o == OID_RSA_ENCRYPTION => digest,
        _ => None,
    };
    if let Some(rsa_digest) = rsa_digest {
        let key = rsa::RsaPublicKey::from_public_key_der(&key_der)
            .map_err(|e| format!("the certificate's RSA key: {e}"))?;
        let signature = rsa::pkcs1v15::Signature::try_from(signature).map_err(|e| e.to_string())?;
        let checked = match rsa_digest {
            DigestAlgorithm::Sha256 => {
                rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key).verify(message, &signature)
            }
            DigestAlgorithm::Sha384 => {
                rsa::pkcs1v15::VerifyingKey::<Sha384>::new(key).verify(message, &signature)
            }
            DigestAlgorithm::Sha512 => {
                rsa::pkcs1v15::VerifyingKey::<Sha512>::new(key).verify(message, &signature)
            }
        };
        return checked.map_err(|_| "the RSA signature does not match".to_owned());
    }
    let ecdsa_digest = match oid {
        o if o == OID_ECDSA_SHA256 => Some(DigestAlgorithm::Sha256),
        o if o == OID_ECDSA_SHA384 => Some(DigestAlgorithm::Sha384),
        o if o == OID_ECDSA_SHA512 => Some(DigestAlgorithm::Sha512),
        o if o == OID_EC_PUBLIC_KEY => digest,
        _ => None,
    };
    if let Some(ecdsa_digest) = ecdsa_digest {
        if curve_of(spki) != Some(OID_P256) {
            return Err("only ECDSA keys on the P-256 curve can be checked".into());
        }
        let key = p256::ecdsa::VerifyingKey::from_public_key_der(&key_der)
            .map_err(|e| format!("the certificate's P-256 key: {e}"))?;
        let signature = p256::ecdsa::Signature::from_der(signature)
            .map_err(|e| format!("the ECDSA signature value: {e}"))?;
        let prehash = ecdsa_digest.digest_parts(&[message]);
        return key
            .verify_prehash(&prehash, &signature)
            .map_err(|_| "the ECDSA signature does not match".to_owned());
    }
    Err(format!("unsupported signature algorithm {oid}"))
}
