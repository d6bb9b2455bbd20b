//! Reading what a person needs to know from an X.509 certificate: who it names, when it is valid,
//! its fingerprint, and whether it vouches only for itself.

use chrono::{DateTime, Utc};
use der::asn1::{Ia5StringRef, PrintableStringRef, TeletexStringRef, Utf8StringRef};
use der::oid::ObjectIdentifier;
use der::{Encode, Tag, Tagged};
use serde::Serialize;
use sha2::{Digest, Sha256};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::name::Name;
use x509_cert::Certificate;

use crate::crypto::{self, KeyAlgorithm};

pub(crate) const OID_COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
pub(crate) const OID_TITLE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.12");
pub(crate) const OID_ORGANIZATIONAL_UNIT: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.5.4.11");
pub(crate) const OID_ORGANIZATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");
pub(crate) const OID_EMAIL_ADDRESS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1");
const OID_SUBJECT_ALT_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.17");

/// What the identities screen and the verification report show about a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateSummary {
    /// The person's name (the subject's common name).
    pub name: String,
    /// The person's role (the subject's title), empty when the certificate has none.
    pub role: String,
    /// The department (organizational unit), empty when none.
    pub department: String,
    pub organization: String,
    /// From the subject's emailAddress or the subject alternative name, empty when none.
    pub email: String,
    /// The issuer's common name, or its full distinguished name when it has none.
    pub issuer: String,
    pub key: KeyAlgorithm,
    /// SHA-256 of the DER certificate, upper-case hex in colon-separated pairs.
    pub fingerprint_sha256: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// Issued by itself: it proves the signed file is unchanged, not who signed it.
    pub self_signed: bool,
}

impl CertificateSummary {
    pub fn of(certificate: &Certificate) -> CertificateSummary {
        let tbs = &certificate.tbs_certificate;
        let subject = &tbs.subject;
        let email = name_attribute(subject, OID_EMAIL_ADDRESS)
            .or_else(|| alt_name_email(certificate))
            .unwrap_or_default();
        CertificateSummary {
            name: display_name(subject),
            role: name_attribute(subject, OID_TITLE).unwrap_or_default(),
            department: name_attribute(subject, OID_ORGANIZATIONAL_UNIT).unwrap_or_default(),
            organization: name_attribute(subject, OID_ORGANIZATION).unwrap_or_default(),
            email,
            issuer: display_name(&tbs.issuer),
            key: KeyAlgorithm::of(&tbs.subject_public_key_info),
            fingerprint_sha256: fingerprint(certificate),
            not_before: to_utc(&tbs.validity.not_before),
            not_after: to_utc(&tbs.validity.not_after),
            self_signed: is_self_signed(certificate),
        }
    }

    /// Whether the certificate is valid at `time`, and if not, which bound it misses.
    pub fn validity_at(&self, time: DateTime<Utc>) -> Validity {
        if time < self.not_before {
            Validity::NotYetValid
        } else if time > self.not_after {
            Validity::Expired
        } else {
            Validity::Valid
        }
    }
}

/// A certificate's validity at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    Valid,
    Expired,
    NotYetValid,
}

pub(crate) fn der_bytes(certificate: &Certificate) -> Vec<u8> {
    // A certificate that was decoded or built always re-encodes.
    certificate.to_der().unwrap_or_default()
}

pub(crate) fn fingerprint(certificate: &Certificate) -> String {
    Sha256::digest(der_bytes(certificate))
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

pub(crate) fn to_utc(time: &x509_cert::time::Time) -> DateTime<Utc> {
    let since_epoch = time.to_unix_duration();
    DateTime::<Utc>::from_timestamp(since_epoch.as_secs() as i64, 0).unwrap_or_default()
}

/// Issued by itself: same subject and issuer, and its signature checks with its own key.
pub(crate) fn is_self_signed(certificate: &Certificate) -> bool {
    let tbs = &certificate.tbs_certificate;
    tbs.subject == tbs.issuer && issued_by(certificate, certificate)
}

/// Whether `issuer`'s key made the signature on `certificate`.
pub(crate) fn issued_by(certificate: &Certificate, issuer: &Certificate) -> bool {
    if certificate.tbs_certificate.issuer != issuer.tbs_certificate.subject {
        return false;
    }
    let Ok(tbs_der) = certificate.tbs_certificate.to_der() else {
        return false;
    };
    let Some(signature) = certificate.signature.as_bytes() else {
        return false;
    };
    crypto::verify_signature(
        &issuer.tbs_certificate.subject_public_key_info,
        &certificate.signature_algorithm,
        None,
        &tbs_der,
        signature,
    )
    .is_ok()
}

/// The common name, or the whole distinguished name when there is none.
pub(crate) fn display_name(name: &Name) -> String {
    name_attribute(name, OID_COMMON_NAME).unwrap_or_else(|| name.to_string())
}

/// The first value of one attribute of a distinguished name, decoded to text.
pub(crate) fn name_attribute(name: &Name, oid: ObjectIdentifier) -> Option<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == oid)
        .and_then(|atv| directory_string(&atv.value))
}

fn directory_string(value: &der::Any) -> Option<String> {
    let bytes = value.value();
    let text = match value.tag() {
        Tag::Utf8String => Utf8StringRef::new(bytes).ok()?.as_str().to_owned(),
        Tag::PrintableString => PrintableStringRef::new(bytes).ok()?.as_str().to_owned(),
        Tag::Ia5String => Ia5StringRef::new(bytes).ok()?.as_str().to_owned(),
        // Teletex strings are Latin-1 in practice.
        Tag::TeletexString => {
            let _ = TeletexStringRef::new(bytes).ok()?;
            bytes.iter().map(|&b| b as char).collect()
        }
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16(&units).ok()?
        }
        _ => String::from_utf8(bytes.to_vec()).ok()?,
    };
    Some(text)
}

fn alt_name_email(certificate: &Certificate) -> Option<String> {
    use der::Decode;
    let extensions = certificate.tbs_certificate.extensions.as_ref()?;
    let extension = extensions
        .iter()
        .find(|e| e.extn_id == OID_SUBJECT_ALT_NAME)?;
    let names = SubjectAltName::from_der(extension.extn_value.as_bytes()).ok()?;
    names.0.iter().find_map(|name| match name {
        GeneralName::Rfc822Name(email) => Some(email.as_str().to_owned()),
        _ => None,
    })
}

/// The certificates in PEM, one block each, the signer's first.
pub(crate) fn to_pem(certificates: &[Certificate]) -> String {
    use der::EncodePem;
    certificates
        .iter()
        .filter_map(|c| c.to_pem(der::pem::LineEnding::LF).ok())
        .collect()
}

/// Every certificate in a PEM or DER file; `what` names the source in the error.
pub fn parse_certificates(bytes: &[u8], what: &str) -> Result<Vec<Certificate>, crate::SignError> {
    use der::{Decode, DecodePem};
    let corrupt = |detail: String| crate::SignError::CorruptCertificate {
        what: what.to_owned(),
        detail,
    };
    let text = std::str::from_utf8(bytes)
        .ok()
        .filter(|t| t.contains("-----BEGIN"));
    let Some(text) = text else {
        return Certificate::from_der(bytes)
            .map(|c| vec![c])
            .map_err(|e| corrupt(format!("not a PEM or DER certificate ({e})")));
    };
    let mut certificates = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let block = &rest[start..];
        let end_marker = "-----END CERTIFICATE-----";
        let Some(end) = block.find(end_marker) else {
            return Err(corrupt("a PEM block has no END line".into()));
        };
        let pem = &block[..end + end_marker.len()];
        let certificate = Certificate::from_pem(pem.as_bytes())
            .map_err(|e| corrupt(format!("certificate {}: {e}", certificates.len() + 1)))?;
        certificates.push(certificate);
        rest = &block[end + end_marker.len()..];
    }
    if certificates.is_empty() {
        return Err(corrupt("no CERTIFICATE block in the PEM text".into()));
    }
    Ok(certificates)
}

/// Every certificate in a PEM or DER file, e.g. a root the user chose to trust.
pub fn read_certificates_file(
    path: &std::path::Path,
) -> Result<Vec<Certificate>, crate::SignError> {
    let bytes =
        crate::files::read_limited(path, "a certificate file", crate::files::MAX_KEY_FILE_BYTES)?;
    parse_certificates(&bytes, &path.display().to_string())
}
