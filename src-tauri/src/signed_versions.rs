//! Which version of a draft each exported PDF shows, which version was signed, and what a later
//! export of a signed draft amends: the same for the window and the CLI. Kept in the store's
//! settings: `exported:FINGERPRINT` and `signed-version:ID`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sla_model::Language;
use sla_store::{DraftId, Store};

use crate::error::{Error, Result};

/// The draft version an exported PDF shows; kept per agreement fingerprint at export.
#[derive(Clone, Serialize, Deserialize)]
pub struct ExportRecord {
    pub draft: DraftId,
    pub version: u32,
}

/// The version of a draft that carries signatures, and who signed it.
#[derive(Serialize, Deserialize)]
pub struct SignedVersion {
    pub version: u32,
    pub signers: Vec<String>,
    /// RFC 3339: when its first signature was made.
    pub signed_at: String,
    pub agreement_sha256: String,
}

/// The setting that records which version of draft `id` was signed.
pub fn signed_version_key(id: DraftId) -> String {
    format!("signed-version:{id}")
}

/// Remembers which draft version `agreement_sha256` (the fingerprint in the footer) was
/// exported from, so signing that PDF later, even after a restart, marks the version signed.
pub fn record_export(
    store: &mut Store,
    agreement_sha256: &str,
    record: &ExportRecord,
) -> Result<()> {
    let json = serde_json::to_string(record).map_err(|e| Error::Io(e.to_string()))?;
    Ok(store.set_setting(&format!("exported:{agreement_sha256}"), &json)?)
}

/// The draft version a PDF with this fingerprint was exported from on this computer.
pub fn exported_from(store: &Store, agreement_sha256: &str) -> Result<Option<ExportRecord>> {
    Ok(store
        .get_setting(&format!("exported:{agreement_sha256}"))?
        .and_then(|json| serde_json::from_str(&json).ok()))
}

/// Records `signer` on the signed version of the draft, signed at `now` unless it already was;
/// a newer version (an amendment) replaces the record of an older one.
pub fn mark_signed(
    store: &mut Store,
    export: &ExportRecord,
    signer: &str,
    agreement_sha256: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let key = signed_version_key(export.draft);
    // Export kept it already; a signed version must never change, so say so again.
    store.keep_version(export.draft, export.version)?;
    let mut record = signed_version(store, export.draft)?
        .filter(|r| r.version == export.version)
        .unwrap_or_else(|| SignedVersion {
            version: export.version,
            signers: vec![],
            signed_at: now.to_rfc3339(),
            agreement_sha256: agreement_sha256.to_owned(),
        });
    if !record.signers.iter().any(|s| s == signer) {
        record.signers.push(signer.to_owned());
    }
    let json = serde_json::to_string(&record).map_err(|e| Error::Io(e.to_string()))?;
    Ok(store.set_setting(&key, &json)?)
}

/// The signed version of a draft, if any.
pub fn signed_version(store: &Store, id: DraftId) -> Result<Option<SignedVersion>> {
    Ok(store
        .get_setting(&signed_version_key(id))?
        .and_then(|json| serde_json::from_str(&json).ok()))
}

/// What an export of `agreement` (version `version` of draft `id`) amends: the signed version,
/// when there is one before it and the text differs from it, with every change since it as
/// sentences in `language`. `None` for an unsigned draft, or the signed version itself.
pub fn amendment(
    store: &Store,
    id: DraftId,
    version: u32,
    agreement: &sla_model::Agreement,
    language: Language,
) -> Result<Option<sla_pdf::Amendment>> {
    let Some(signed) = signed_version(store, id)? else {
        return Ok(None);
    };
    if signed.version >= version || signed.agreement_sha256 == sla_model::fingerprint(agreement) {
        return Ok(None);
    }
    let before = store.get_version(id, signed.version)?.agreement;
    let changes: Vec<String> = sla_compare::compare(&before, agreement)
        .changes
        .iter()
        .map(|c| c.text.get(language).to_owned())
        .collect();
    if changes.is_empty() {
        return Ok(None);
    }
    // The date the first head signed, as UTC wrote it: the same on every computer.
    let signed_on = DateTime::parse_from_rfc3339(&signed.signed_at)
        .map(|t| t.with_timezone(&Utc).date_naive())
        .map_err(|e| Error::Io(format!("the signed version's date: {e}")))?;
    Ok(Some(sla_pdf::Amendment {
        signed_on,
        fingerprint: signed.agreement_sha256,
        changes,
    }))
}
