//! The CMS SignedData that goes into a PDF signature's /Contents: detached (no encapsulated
//! content), over the SHA-256 of the signed byte ranges. For PAdES (ETSI.CAdES.detached) it
//! carries the signing-certificate-v2 attribute and no signing-time (the time is in /M); for
//! adbe.pkcs7.detached a signing-time attribute instead. Also the reverse: checking one.

use chrono::{DateTime, Utc};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{OctetString, SetOfVec};
use der::oid::ObjectIdentifier;
use der::{Any, Decode, Encode, Reader, Sequence};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;
use x509_cert::Certificate;

use crate::certificate;
use crate::crypto::{self, DigestAlgorithm, OID_SHA256};
use crate::{SignError, SigningIdentity};

const OID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const OID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const OID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const OID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const OID_SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const OID_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

/// How the signature is encoded, as the signature dictionary's /SubFilter names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubFilter {
    /// PAdES baseline B-B (`/ETSI.CAdES.detached`).
    #[default]
    Pades,
    /// The older `/adbe.pkcs7.detached`, for readers that predate PAdES.
    Pkcs7,
}

impl SubFilter {
    pub(crate) fn pdf_name(self) -> &'static str {
        match self {
            SubFilter::Pades => "ETSI.CAdES.detached",
            SubFilter::Pkcs7 => "adbe.pkcs7.detached",
        }
    }
}

/// ESS signing-certificate-v2 (RFC 5035): binds the signature to the signer's certificate.
#[derive(Clone, Debug, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

#[derive(Clone, Debug, Sequence)]
struct EssCertIdV2 {
    /// DEFAULT id-sha256, so left out when SHA-256 (DER omits default values).
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<IssuerSerial>,
}

#[derive(Clone, Debug, Sequence)]
struct IssuerSerial {
    issuer: Vec<GeneralName>,
    serial_number: SerialNumber,
}

fn attribute(oid: ObjectIdentifier, value: Any) -> Result<Attribute, SignError> {
    let mut values = SetOfVec::new();
    values
        .insert(value)
        .map_err(|e| SignError::crypto("encoding attributes", e))?;
    Ok(Attribute { oid, values })
}

fn encoding(e: der::Error) -> SignError {
    SignError::crypto("encoding the signature", e)
}

/// The DER CMS SignedData signing `digest` (SHA-256 of the signed byte ranges).
pub(crate) fn build(
    identity: &SigningIdentity,
    digest: &[u8],
    sub_filter: SubFilter,
    signing_time: DateTime<Utc>,
) -> Result<Vec<u8>, SignError> {
    let signer = &identity.certificate;
    let mut attributes = vec![
        attribute(
            OID_CONTENT_TYPE,
            Any::encode_from(&OID_DATA).map_err(encoding)?,
        )?,
        attribute(
            OID_MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(digest).map_err(encoding)?).map_err(encoding)?,
        )?,
    ];
    match sub_filter {
        SubFilter::Pades => {
            let cert_hash = Sha256::digest(certificate::der_bytes(signer));
            let ess = SigningCertificateV2 {
                certs: vec![EssCertIdV2 {
                    hash_algorithm: None,
                    cert_hash: OctetString::new(cert_hash.as_slice()).map_err(encoding)?,
                    issuer_serial: Some(IssuerSerial {
                        issuer: vec![GeneralName::DirectoryName(
                            signer.tbs_certificate.issuer.clone(),
                        )],
                        serial_number: signer.tbs_certificate.serial_number.clone(),
                    }),
                }],
            };
            attributes.push(attribute(
                OID_SIGNING_CERTIFICATE_V2,
                Any::encode_from(&ess).map_err(encoding)?,
            )?);
        }
        SubFilter::Pkcs7 => {
            let since_epoch =
                std::time::Duration::from_secs(signing_time.timestamp().max(0) as u64);
            let time = x509_cert::time::Time::UtcTime(
                der::asn1::UtcTime::from_unix_duration(since_epoch).map_err(encoding)?,
            );
            attributes.push(attribute(
                OID_SIGNING_TIME,
                Any::encode_from(&time).map_err(encoding)?,
            )?);
        }
    }
    let signed_attributes = SetOfVec::try_from(attributes).map_err(encoding)?;
    let to_sign = signed_attributes.to_der().map_err(encoding)?;
    let signature = identity.key.sign_sha256(&to_sign)?;

    let digest_algorithm = AlgorithmIdentifierOwned {
        oid: OID_SHA256,
        parameters: None,
    };
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: signer.tbs_certificate.issuer.clone(),
            serial_number: signer.tbs_certificate.serial_number.clone(),
        }),
        digest_alg: digest_algorithm.clone(),
        signed_attrs: Some(signed_attributes),
        signature_algorithm: identity.key.signature_algorithm(),
        signature: OctetString::new(signature).map_err(encoding)?,
        unsigned_attrs: None,
    };
    let certificates: Vec<CertificateChoices> = std::iter::once(signer)
        .chain(&identity.chain)
        .map(|c| CertificateChoices::Certificate(c.clone()))
        .collect();
    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![digest_algorithm]).map_err(encoding)?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: OID_DATA,
            econtent: None,
        },
        certificates: Some(certificates.try_into().map_err(encoding)?),
        crls: None,
        signer_infos: SignerInfos::try_from(vec![signer_info]).map_err(encoding)?,
    };
    let content_info = ContentInfo {
        content_type: OID_SIGNED_DATA,
        content: Any::encode_from(&signed_data).map_err(encoding)?,
    };
    content_info.to_der().map_err(encoding)
}

/// Whether the signing-certificate attribute names the certificate that signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CertificateBinding {
    Absent,
    Matches,
    Mismatch,
}

/// What checking one CMS signature found.
pub(crate) struct CmsCheck {
    pub signer: Option<Certificate>,
    /// Every certificate the signature carries (the signer's and issuers').
    pub certificates: Vec<Certificate>,
    pub digest_matches: bool,
    pub signature_matches: bool,
    pub binding: CertificateBinding,
    pub signing_time: Option<DateTime<Utc>>,
    /// Why a check failed, in English, for the report's details.
    pub problems: Vec<String>,
}

/// Checks the CMS in `contents` (trailing zero padding allowed) against the signed bytes.
pub(crate) fn check(contents: &[u8], signed_parts: &[&[u8]]) -> Result<CmsCheck, String> {
    // The placeholder is padded with zeros after the DER; read one value and ignore the rest.
    let mut reader = der::SliceReader::new(contents).map_err(|e| e.to_string())?;
    let content_info: ContentInfo = reader
        .decode()
        .map_err(|e| format!("the signature is not CMS: {e}"))?;
    if content_info.content_type != OID_SIGNED_DATA {
        return Err(format!(
            "the CMS content is {}, not signed data",
            content_info.content_type
        ));
    }
    let signed_data: SignedData = content_info
        .content
        .decode_as()
        .map_err(|e| format!("the signed data does not decode: {e}"))?;
    let certificates: Vec<Certificate> = signed_data
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let signer_info = signed_data
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or_else(|| "the signature has no signer".to_owned())?;
    let signer = certificates
        .iter()
        .find(|c| identifies(&signer_info.sid, c))
        .cloned();
    let mut problems = Vec::new();

    let digest_algorithm = DigestAlgorithm::from_oid(signer_info.digest_alg.oid);
    let Some(digest_algorithm) = digest_algorithm else {
        return Err(format!(
            "unsupported digest algorithm {}",
            signer_info.digest_alg.oid
        ));
    };
    let digest = digest_algorithm.digest_parts(signed_parts);

    let (digest_matches, message, binding, signing_time) = match &signer_info.signed_attrs {
        Some(attributes) => {
            let value_of = |oid: ObjectIdentifier| {
                attributes
                    .iter()
                    .find(|a| a.oid == oid)
                    .and_then(|a| a.values.iter().next())
            };
            let claimed = value_of(OID_MESSAGE_DIGEST)
                .and_then(|v| v.decode_as::<OctetString>().ok())
                .map(|o| o.as_bytes().to_vec());
            let digest_matches = claimed.as_deref() == Some(digest.as_slice());
            if claimed.is_none() {
                problems.push("the signature has no message-digest attribute".to_owned());
            } else if !digest_matches {
                problems.push("the signed bytes do not match the signed digest".to_owned());
            }
            let binding = match value_of(OID_SIGNING_CERTIFICATE_V2) {
                None => CertificateBinding::Absent,
                Some(value) => match (value.decode_as::<SigningCertificateV2>(), &signer) {
                    (Ok(ess), Some(signer)) => binding_of(&ess, signer),
                    _ => CertificateBinding::Mismatch,
                },
            };
            if binding == CertificateBinding::Mismatch {
                problems.push("the signing-certificate attribute names another certificate".into());
            }
            let signing_time = value_of(OID_SIGNING_TIME)
                .and_then(|v| v.to_der().ok())
                .and_then(|der| x509_cert::time::Time::from_der(&der).ok())
                .map(|t| certificate::to_utc(&t));
            let message = attributes.to_der().map_err(|e| e.to_string())?;
            (digest_matches, message, binding, signing_time)
        }
        // Without signed attributes the signature is over the content itself.
        None => (
            true,
            signed_parts.concat(),
            CertificateBinding::Absent,
            None,
        ),
    };

    let signature_matches = match &signer {
        Some(signer) => match crypto::verify_signature(
            &signer.tbs_certificate.subject_public_key_info,
            &signer_info.signature_algorithm,
            Some(digest_algorithm),
            &message,
            signer_info.signature.as_bytes(),
        ) {
            Ok(()) => true,
            Err(reason) => {
                problems.push(reason);
                false
            }
        },
        None => {
            problems.push("the signer's certificate is not in the signature".to_owned());
            false
        }
    };
    Ok(CmsCheck {
        signer,
        certificates,
        digest_matches,
        signature_matches,
        binding,
        signing_time,
        problems,
    })
}

fn identifies(sid: &SignerIdentifier, certificate: &Certificate) -> bool {
    let tbs = &certificate.tbs_certificate;
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(id) => {
            id.issuer == tbs.issuer && id.serial_number == tbs.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => tbs.extensions.iter().flatten().any(|e| {
            e.extn_id == ObjectIdentifier::new_unwrap("2.5.29.14")
                && x509_cert::ext::pkix::SubjectKeyIdentifier::from_der(e.extn_value.as_bytes())
                    .is_ok_and(|found| found == *ski)
        }),
    }
}

fn binding_of(ess: &SigningCertificateV2, signer: &Certificate) -> CertificateBinding {
    let Some(first) = ess.certs.first() else {
        return CertificateBinding::Mismatch;
    };
    let algorithm = first
        .hash_algorithm
        .as_ref()
        .map(|a| DigestAlgorithm::from_oid(a.oid))
        .unwrap_or(Some(DigestAlgorithm::Sha256));
    let Some(algorithm) = algorithm else {
        return CertificateBinding::Mismatch;
    };
    let hash = algorithm.digest_parts(&[&certificate::der_bytes(signer)]);
    if hash.as_slice() == first.cert_hash.as_bytes() {
        CertificateBinding::Matches
    } else {
        CertificateBinding::Mismatch
    }
}
