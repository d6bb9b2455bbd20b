//! Checking every signature of a PDF: are the signed bytes intact, does the signature match the
//! certificate, was anything but later signatures added after it, and what the certificate
//! proves (self-signed, or issued under a root the user trusts).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};
use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sla_model::Language;
use x509_cert::Certificate;

use crate::certificate::{self, CertificateSummary, Validity};
use crate::cms_signature::{self, CertificateBinding};
use crate::pdf_source::{self, attached_agreement, find, rfind, signature_fields, SignatureField};
use crate::pdf_syntax::{object_text, parse_pdf_date, same_dictionary, same_object};
use crate::plain_words::{self, Finding};
use crate::SignError;

/// What the certificate proves about who signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Trust {
    /// Issued by itself: proves the file is unchanged since signing, not who signed it.
    SelfSigned,
    /// The user trusts this very certificate.
    TrustedDirectly,
    /// Issued (possibly through intermediates) under a root the user trusts.
    TrustedRoot { root: String },
    /// Issued under a root the user has not chosen to trust.
    UntrustedRoot { root: String },
    /// An issuer's certificate is neither in the signature nor among the trusted ones.
    IncompleteChain { missing_issuer: String },
    /// No certificate to judge: the signature does not carry the signer's.
    Unknown,
}

impl Trust {
    pub fn is_trusted(&self) -> bool {
        matches!(self, Trust::TrustedDirectly | Trust::TrustedRoot { .. })
    }
}

/// What was added to the file after a signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AfterSigning {
    /// The signature covers the whole file.
    Unchanged,
    /// Only later signatures (each filling a signature field) follow it.
    LaterSignaturesOnly { count: usize },
    /// Something else was added or changed; each item says what.
    Changed { changes: Vec<String> },
}

/// One signature, as verification found it.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureReport {
    pub field: String,
    pub page: Option<u32>,
    /// The signer's certificate, when the signature carries it.
    pub signer: Option<CertificateSummary>,
    /// When it was signed, as the signer's computer claimed (/M or the signing-time attribute).
    pub signing_time: Option<DateTime<FixedOffset>>,
    pub reason: Option<String>,
    pub location: Option<String>,
    /// `ETSI.CAdES.detached` or `adbe.pkcs7.detached`.
    pub sub_filter: String,
    /// The signed bytes hash to the digest the signature signed.
    pub digest_intact: bool,
    /// The signature value matches the certificate's key.
    pub signature_intact: bool,
    /// The signing-certificate attribute, where present, names the signer's certificate.
    pub certificate_bound: bool,
    /// The certificate's validity at the signing time.
    pub certificate_validity: Validity,
    pub trust: Trust,
    /// The signature covers bytes `0..signed_revision_end` of the file (less its own value):
    /// that prefix is the signed revision.
    pub signed_revision_end: usize,
    pub after_signing: AfterSigning,
    /// SHA-256 (hex) of the agreement JSON attached to the signed revision, if any.
    pub agreement_sha256: Option<String>,
    /// Technical details of anything that failed, in English.
    pub problems: Vec<String>,
}

impl SignatureReport {
    /// The signed bytes and the signature value are both intact.
    pub fn is_intact(&self) -> bool {
        self.digest_intact && self.signature_intact && self.certificate_bound
    }

    /// Intact, nothing but later signatures follows it, and the certificate was valid when it
    /// signed. Trust is separate: see [`Trust`].
    pub fn is_valid(&self) -> bool {
        self.is_intact()
            && !matches!(self.after_signing, AfterSigning::Changed { .. })
            && self.certificate_validity == Validity::Valid
    }

    /// What the signature proves, finding by finding.
    pub fn findings(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.signature_intact && self.digest_intact && self.certificate_bound {
            findings.push(Finding::new("sig-intact"));
        }
        if !self.digest_intact {
            findings.push(Finding::new("sig-digest-mismatch"));
        }
        if !self.signature_intact {
            findings.push(Finding::new("sig-signature-invalid"));
        }
        if !self.certificate_bound {
            findings.push(Finding::new("sig-certificate-not-bound"));
        }
        findings.push(match &self.after_signing {
            AfterSigning::Unchanged => Finding::new("sig-unchanged-after"),
            AfterSigning::LaterSignaturesOnly { count } => {
                Finding::new("sig-later-signatures-only").with("count", count.to_string())
            }
            AfterSigning::Changed { changes } => {
                Finding::new("sig-changed-after").with("changes", changes.join("; "))
            }
        });
        if let Some(signer) = &self.signer {
            match self.certificate_validity {
                Validity::Valid => {}
                Validity::Expired => findings.push(
                    Finding::new("sig-certificate-expired")
                        .with("date", signer.not_after.format("%Y-%m-%d").to_string()),
                ),
                Validity::NotYetValid => findings.push(
                    Finding::new("sig-certificate-not-yet-valid")
                        .with("date", signer.not_before.format("%Y-%m-%d").to_string()),
                ),
            }
        }
        findings.push(match &self.trust {
            Trust::SelfSigned => Finding::new("sig-self-signed"),
            Trust::TrustedDirectly => Finding::new("sig-trusted-directly"),
            Trust::TrustedRoot { root } => Finding::new("sig-trusted-root").with("root", root),
            Trust::UntrustedRoot { root } => Finding::new("sig-untrusted-root").with("root", root),
            Trust::IncompleteChain { missing_issuer } => {
                Finding::new("sig-incomplete-chain").with("issuer", missing_issuer)
            }
            Trust::Unknown => Finding::new("sig-malformed")
                .with("detail", "the signer's certificate is not in the signature"),
        });
        findings
    }
}

/// Every signature of a document, in the order they were made.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub signatures: Vec<SignatureReport>,
    /// Signature fields nobody has signed yet.
    pub unsigned_fields: Vec<UnsignedField>,
}

/// A signature field still waiting for its signatory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnsignedField {
    /// The field's name, e.g. `sig-2`: what `FieldChoice::Named` takes.
    pub name: String,
    /// Who is to sign it, as the agreement names them (empty when the field does not say).
    pub signatory: String,
    pub page: Option<u32>,
}

impl VerifyReport {
    /// True only when there is at least one signature and every signature is valid: intact,
    /// with a certificate valid when it signed, and followed by nothing but later signatures.
    pub fn all_valid(&self) -> bool {
        !self.signatures.is_empty() && self.signatures.iter().all(SignatureReport::is_valid)
    }

    /// Every signer's certificate chains to a certificate the user trusts.
    pub fn all_trusted(&self) -> bool {
        !self.signatures.is_empty() && self.signatures.iter().all(|s| s.trust.is_trusted())
    }

    /// The one-line conclusion, e.g. "All signatures are valid (2)."
    pub fn verdict(&self, language: Language) -> String {
        plain_words::verdict(language, self.signatures.len(), self.all_valid())
    }

    /// The report as plain text, for the command line.
    pub fn describe(&self, language: Language) -> String {
        let ru = language == Language::Ru;
        let mut out = String::new();
        for (i, signature) in self.signatures.iter().enumerate() {
            let verdict = match (signature.is_valid(), ru) {
                (true, false) => "VALID",
                (false, false) => "INVALID",
                (true, true) => "ДЕЙСТВИТЕЛЬНА",
                (false, true) => "НЕДЕЙСТВИТЕЛЬНА",
            };
            let label = if ru { "Подпись" } else { "Signature" };
            out.push_str(&format!(
                "{label} {} ({}): {verdict}\n",
                i + 1,
                signature.field
            ));
            if let Some(signer) = &signature.signer {
                let mut who = signer.name.clone();
                for extra in [&signer.role, &signer.department, &signer.email] {
                    if !extra.is_empty() {
                        who.push_str(", ");
                        who.push_str(extra);
                    }
                }
                out.push_str(&format!(
                    "  {}: {who}\n",
                    if ru { "Подписант" } else { "Signer" }
                ));
                out.push_str(&format!(
                    "  {}: SHA-256 {}, {} {} — {}\n",
                    if ru {
                        "Сертификат"
                    } else {
                        "Certificate"
                    },
                    signer.fingerprint_sha256,
                    if ru { "действует" } else { "valid" },
                    signer.not_before.format("%Y-%m-%d"),
                    signer.not_after.format("%Y-%m-%d"),
                ));
            }
            if let Some(time) = &signature.signing_time {
                out.push_str(&format!(
                    "  {}: {}\n",
                    if ru {
                        "Время подписания"
                    } else {
                        "Signed at"
                    },
                    time.format("%Y-%m-%d %H:%M:%S %:z")
                ));
            }
            for finding in signature.findings() {
                out.push_str(&format!("  - {}\n", finding.text(language)));
            }
        }
        if !self.unsigned_fields.is_empty() {
            out.push_str(&format!(
                "{}: {}\n",
                if ru {
                    "Не подписаны"
                } else {
                    "Not yet signed"
                },
                self.unsigned_fields
                    .iter()
                    .map(|f| match f.signatory.is_empty() {
                        true => f.name.clone(),
                        false => format!("{} ({})", f.name, f.signatory),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        out.push_str(&self.verdict(language));
        out.push('\n');
        out
    }
}

/// Checks every signature in `pdf`. `trusted` are the certificates the user chose to trust
/// (company roots, or a colleague's own certificate received separately).
pub fn verify(pdf: &[u8], trusted: &[Certificate]) -> Result<VerifyReport, SignError> {
    let doc = load_for_check(pdf)?;
    let fields = signature_fields(&doc);
    let mut revisions = RevisionCache::new(pdf);
    let mut signatures = Vec::new();
    let mut unsigned_fields = Vec::new();
    for field in &fields {
        match &field.value {
            None => unsigned_fields.push(UnsignedField {
                name: field.name.clone(),
                signatory: field.tooltip.clone(),
                page: field.page,
            }),
            Some(value) => {
                let dict = pdf_source::resolve(&doc, value).as_dict().ok();
                signatures.push(check_signature(pdf, field, dict, trusted, &mut revisions));
            }
        }
    }
    signatures.sort_by_key(|s| s.signed_revision_end);
    let ends: Vec<usize> = signatures
        .iter()
        .filter(|s| s.signed_revision_end > 0)
        .map(|s| s.signed_revision_end)
        .collect();
    for signature in &mut signatures {
        if signature.signed_revision_end == 0 {
            continue;
        }
        signature.after_signing =
            after_signing(pdf, signature.signed_revision_end, &ends, &mut revisions);
    }
    Ok(VerifyReport {
        signatures,
        unsigned_fields,
    })
}

/// The bytes of the revision a signature signed: the file as it was right after signing.
pub fn signed_revision<'p>(pdf: &'p [u8], signature: &SignatureReport) -> Option<&'p [u8]> {
    pdf.get(..signature.signed_revision_end)
        .filter(|r| !r.is_empty())
}

/// The agreement JSON attached to the document (`agreement.sla.json`), if any.
pub fn attached_agreement_json(pdf: &[u8]) -> Result<Option<Vec<u8>>, SignError> {
    Ok(attached_agreement(&load_for_check(pdf)?))
}

fn load_for_check(pdf: &[u8]) -> Result<Document, SignError> {
    if find(&pdf[..pdf.len().min(1024)], b"%PDF-").is_none() {
        return Err(SignError::NotPdf {
            detail: if pdf.is_empty() {
                "the file is empty"
            } else {
                "it does not start with %PDF-"
            }
            .into(),
        });
    }
    if rfind(pdf, b"%%EOF").is_none() {
        return Err(SignError::TruncatedPdf {
            detail: "it has no %%EOF".into(),
        });
    }
    let doc = match pdf_source::load_document(pdf) {
        Ok(doc) => doc,
        Err(_) if find(pdf, b"/Encrypt").is_some() => return Err(SignError::EncryptedPdf),
        Err(e) => return Err(SignError::damaged(e.to_string())),
    };
    if doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some() {
        return Err(SignError::EncryptedPdf);
    }
    // Without a catalog nothing can be found in the file, and "no signatures" would mislead.
    if doc.catalog().is_err() {
        return Err(SignError::damaged("it has no document catalog"));
    }
    Ok(doc)
}

fn check_signature(
    pdf: &[u8],
    field: &SignatureField,
    dict: Option<&Dictionary>,
    trusted: &[Certificate],
    revisions: &mut RevisionCache,
) -> SignatureReport {
    let mut report = SignatureReport {
        field: field.name.clone(),
        page: field.page,
        signer: None,
        signing_time: None,
        reason: None,
        location: None,
        sub_filter: String::new(),
        digest_intact: false,
        signature_intact: false,
        certificate_bound: false,
        certificate_validity: Validity::Valid,
        trust: Trust::Unknown,
        signed_revision_end: 0,
        after_signing: AfterSigning::Changed {
            changes: vec!["the signature is unreadable".into()],
        },
        agreement_sha256: None,
        problems: Vec::new(),
    };
    let Some(dict) = dict else {
        report
            .problems
            .push("the field's value is not a signature dictionary".into());
        return report;
    };
    let text = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(object_text)
            .filter(|t| !t.is_empty())
    };
    report.reason = text(b"Reason");
    report.location = text(b"Location");
    report.sub_filter = dict
        .get(b"SubFilter")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    let claimed_time = text(b"M").and_then(|m| parse_pdf_date(&m));

    let (contents, ranges) = match signed_ranges(pdf, dict) {
        Ok(found) => found,
        Err(problem) => {
            report.problems.push(problem);
            return report;
        }
    };
    report.signed_revision_end = ranges[1].1;
    let parts: Vec<&[u8]> = ranges
        .iter()
        .map(|(start, end)| &pdf[*start..*end])
        .collect();
    let check = match cms_signature::check(&contents, &parts) {
        Ok(check) => check,
        Err(problem) => {
            report.problems.push(problem);
            return report;
        }
    };
    report.digest_intact = check.digest_matches;
    report.signature_intact = check.signature_matches;
    report.certificate_bound = check.binding != CertificateBinding::Mismatch;
    report.problems.extend(check.problems.iter().cloned());
    report.signing_time = claimed_time.or_else(|| check.signing_time.map(|t| t.fixed_offset()));
    if let Some(signer) = &check.signer {
        let summary = CertificateSummary::of(signer);
        let at = report
            .signing_time
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(Utc::now);
        report.certificate_validity = summary.validity_at(at);
        report.trust = trust_of(signer, &check.certificates, trusted);
        report.signer = Some(summary);
    }
    report.agreement_sha256 = revisions
        .get(report.signed_revision_end)
        .and_then(attached_agreement)
        .map(|json| match sla_model::from_bytes(&json) {
            // The footer's fingerprint leaves out what the attachment says about where it came
            // from (`negotiation`), so it is computed the same way here.
            Ok(agreement) => sla_model::fingerprint(&agreement),
            Err(_) => Sha256::digest(json)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        });
    report
}

/// The /Contents bytes and the two signed ranges, after checking that the ranges start at 0,
/// lie inside the file, and leave out exactly the hex string of /Contents.
/// The signature value and the two byte ranges it signs.
type SignedRanges = (Vec<u8>, [(usize, usize); 2]);

fn signed_ranges(pdf: &[u8], dict: &Dictionary) -> Result<SignedRanges, String> {
    let numbers: Vec<i64> = dict
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map_err(|_| "the signature has no /ByteRange".to_owned())?
        .iter()
        .map(|o| o.as_i64().unwrap_or(-1))
        .collect();
    let [start, first_len, second_start, second_len] = numbers[..] else {
        return Err("the /ByteRange does not have four numbers".into());
    };
    if start != 0 || numbers.iter().any(|n| *n < 0) {
        return Err("the /ByteRange does not start at the beginning of the file".into());
    }
    let (gap_start, gap_end) = (first_len as usize, second_start as usize);
    let end = gap_end.saturating_add(second_len as usize);
    if gap_start >= gap_end || end > pdf.len() {
        return Err("the /ByteRange points outside the file".into());
    }
    let gap = &pdf[gap_start..gap_end];
    if gap.len() < 2 || gap[0] != b'<' || gap[gap.len() - 1] != b'>' {
        return Err("the /ByteRange does not leave out exactly the signature value".into());
    }
    let hex: Vec<u8> = gap[1..gap.len() - 1]
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if hex.len() & 1 == 1 || !hex.iter().all(u8::is_ascii_hexdigit) {
        return Err("the signature value is not a hex string".into());
    }
    let contents = hex
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap_or("00"), 16).unwrap_or(0))
        .collect();
    Ok((contents, [(0, gap_start), (gap_end, end)]))
}

fn trust_of(signer: &Certificate, carried: &[Certificate], trusted: &[Certificate]) -> Trust {
    let is_trusted = |c: &Certificate| trusted.iter().any(|t| t == c);
    if is_trusted(signer) {
        return Trust::TrustedDirectly;
    }
    if certificate::is_self_signed(signer) {
        return Trust::SelfSigned;
    }
    let mut current = signer.clone();
    for _ in 0..16 {
        let issuer = trusted
            .iter()
            .chain(carried)
            .find(|c| *c != &current && certificate::issued_by(&current, c))
            .cloned();
        let Some(issuer) = issuer else {
            return Trust::IncompleteChain {
                missing_issuer: certificate::display_name(&current.tbs_certificate.issuer),
            };
        };
        let name = certificate::display_name(&issuer.tbs_certificate.subject);
        if is_trusted(&issuer) {
            return Trust::TrustedRoot { root: name };
        }
        if certificate::is_self_signed(&issuer) {
            return Trust::UntrustedRoot { root: name };
        }
        current = issuer;
    }
    Trust::IncompleteChain {
        missing_issuer: certificate::display_name(&current.tbs_certificate.issuer),
    }
}

/// Documents as they were at given file lengths, each loaded once.
struct RevisionCache<'p> {
    pdf: &'p [u8],
    loaded: HashMap<usize, Option<Document>>,
}

impl<'p> RevisionCache<'p> {
    fn new(pdf: &'p [u8]) -> RevisionCache<'p> {
        RevisionCache {
            pdf,
            loaded: HashMap::new(),
        }
    }

    fn get(&mut self, end: usize) -> Option<&Document> {
        let pdf = self.pdf;
        self.loaded
            .entry(end)
            .or_insert_with(|| {
                pdf.get(..end)
                    .and_then(|bytes| pdf_source::load_document(bytes).ok())
            })
            .as_ref()
    }
}

/// What follows the revision ending at `end`: each later revision must be another signature's,
/// changing nothing but filling its own signature field.
fn after_signing(
    pdf: &[u8],
    end: usize,
    signature_ends: &[usize],
    revisions: &mut RevisionCache,
) -> AfterSigning {
    if end == pdf.len() {
        return AfterSigning::Unchanged;
    }
    let mut boundaries: Vec<usize> = signature_ends
        .iter()
        .copied()
        .filter(|e| *e > end)
        .collect();
    boundaries.sort_unstable();
    boundaries.dedup();
    let mut changes = Vec::new();
    let mut later_signatures = boundaries.len();
    if boundaries.last() != Some(&pdf.len()) {
        changes.push("bytes were added that no signature covers".to_owned());
        boundaries.push(pdf.len());
        later_signatures = boundaries.len() - 1;
    }
    let mut previous = end;
    for next in boundaries {
        let old = revisions.get(previous).cloned();
        let new = revisions.get(next).cloned();
        match (old, new) {
            (Some(old), Some(new)) => changes.extend(unexpected_changes(&old, &new)),
            _ => changes.push(format!("the revision ending at byte {next} cannot be read")),
        }
        previous = next;
    }
    changes.dedup();
    if changes.is_empty() {
        AfterSigning::LaterSignaturesOnly {
            count: later_signatures,
        }
    } else {
        AfterSigning::Changed { changes }
    }
}

/// The changes from `old` to `new` beyond what signing a signature field does: setting the
/// field's value and appearance, the form's signature flags, and making a direct form indirect.
fn unexpected_changes(old: &Document, new: &Document) -> Vec<String> {
    let mut changes = Vec::new();
    let root = |doc: &Document| doc.trailer.get(b"Root").and_then(Object::as_reference).ok();
    let old_root = root(old);
    if old_root != root(new) {
        changes.push("the document catalog was replaced".to_owned());
    }
    let old_info = old.trailer.get(b"Info").and_then(Object::as_reference).ok();
    let old_form = pdf_source::acroform(old);
    let old_form_id = old_form.and_then(|(id, _)| id);
    for (id, new_object) in &new.objects {
        let Some(old_object) = old.objects.get(id) else {
            continue;
        };
        if same_object(old_object, new_object) {
            continue;
        }
        let allowed = match (old_object, new_object) {
            (Object::Dictionary(before), Object::Dictionary(after)) => {
                if is_signature_field(old, before) {
                    !before.has(b"V") && same_dictionary(before, after, &[b"V", b"AP", b"AS", b"F"])
                } else if Some(*id) == old_form_id {
                    same_dictionary(before, after, &[b"SigFlags", b"NeedAppearances"])
                } else if Some(*id) == old_root {
                    // Signing tools declare the PDF version and extensions they used, add
                    // validation data (/DSS) and update the XMP metadata; none of it shows on a
                    // page. A form held directly may move to an indirect object with the same
                    // fields.
                    let harmless: &[&[u8]] = &[b"Version", b"Extensions", b"DSS", b"Metadata"];
                    let form_kept = match (old_form, pdf_source::acroform(new)) {
                        (Some((None, form)), Some((_, new_form))) => {
                            same_dictionary(form, new_form, &[b"SigFlags", b"NeedAppearances"])
                        }
                        _ => before.get(b"AcroForm").ok() == after.get(b"AcroForm").ok(),
                    };
                    let mut ignored = harmless.to_vec();
                    ignored.push(b"AcroForm");
                    form_kept && same_dictionary(before, after, &ignored)
                } else if Some(*id) == old_info {
                    // Signing tools stamp the modification date and themselves as producer.
                    same_dictionary(before, after, &[b"ModDate", b"Producer"])
                } else {
                    false
                }
            }
            _ => false,
        };
        if !allowed {
            changes.push(describe_object(old, *id, old_object));
        }
    }
    for id in old.objects.keys() {
        if !new.objects.contains_key(id) {
            changes.push(format!("object {} {} was removed", id.0, id.1));
        }
    }
    changes
}

/// A signature field, or a widget of one.
fn is_signature_field(doc: &Document, dict: &Dictionary) -> bool {
    let field_type = |d: &Dictionary| {
        d.get(b"FT")
            .and_then(Object::as_name)
            .ok()
            .map(<[u8]>::to_vec)
    };
    match field_type(dict) {
        Some(t) => t == b"Sig",
        None => dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|p| doc.get_dictionary(p))
            .is_ok_and(|parent| field_type(parent).as_deref() == Some(b"Sig".as_slice())),
    }
}

fn describe_object(doc: &Document, id: ObjectId, object: &Object) -> String {
    let dict = match object {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    };
    let kind = dict.and_then(|d| d.get(b"Type").and_then(Object::as_name).ok());
    if kind == Some(b"Page".as_slice()) {
        if let Some((number, _)) = doc.get_pages().into_iter().find(|(_, page)| *page == id) {
            return format!("page {number} was changed");
        }
    }
    if let Some(name) = dict.and_then(|d| d.get(b"T").ok()).and_then(object_text) {
        return format!("form field {name} was changed");
    }
    if let Some(kind) = kind {
        return format!(
            "object {} {} ({}) was changed",
            id.0,
            id.1,
            String::from_utf8_lossy(kind)
        );
    }
    format!("object {} {} was changed", id.0, id.1)
}
