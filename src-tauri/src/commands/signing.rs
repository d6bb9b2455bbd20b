//! Sign-off in the window: signing identities, signing and countersigning a PDF, verifying one,
//! and which version of a draft is signed (that version is frozen: later edits are amendments).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sla_signing::{IdentityInfo, IdentityStore, NewIdentity, SignOptions, VerifyReport};
use sla_store::DraftId;
use tauri::State;

use crate::app::AppState;
use crate::error::Result;

fn identities() -> Result<IdentityStore> {
    Ok(IdentityStore::open(
        sla_store::Store::default_dir()?.join("identities"),
    )?)
}

#[tauri::command]
pub fn identities_list() -> Result<Vec<IdentityInfo>> {
    Ok(identities()?.list()?)
}

#[tauri::command]
pub fn identity_create(identity: NewIdentity, passphrase: String) -> Result<IdentityInfo> {
    Ok(identities()?.create(&identity, &passphrase)?)
}

/// Imports a company-issued PKCS#12 file chosen in the open dialog.
#[tauri::command]
pub fn identity_import(path: PathBuf, passphrase: String) -> Result<IdentityInfo> {
    Ok(identities()?.import_p12(&path, &passphrase)?)
}

#[tauri::command]
pub fn identity_delete(id: String) -> Result<()> {
    Ok(identities()?.delete(&id)?)
}

/// The identity's certificate as PEM, for the other signatory to trust.
#[tauri::command]
pub fn identity_certificate(id: String) -> Result<String> {
    Ok(identities()?.export_certificate(&id)?)
}

/// Which version of a draft carries a signature.
#[derive(Serialize, Deserialize)]
pub struct SignedVersion {
    version: u32,
    signer: String,
    signed_at: String,
    agreement_sha256: String,
}

/// Signs `input` (an exported agreement, or one the other head signed) with a stored identity and
/// writes the signed file to `output`. When `input` is this window's last export, the draft
/// version it was made from is recorded as signed.
#[tauri::command]
pub fn sign_pdf(
    state: State<'_, AppState>,
    input: PathBuf,
    output: PathBuf,
    identity: String,
    passphrase: String,
    options: SignOptions,
) -> Result<VerifyReport> {
    let signer = identities()?.load(&identity, &passphrase)?;
    sla_signing::sign_file(&input, &signer, &options, &output)?;
    let signed = std::fs::read(&output)
        .map_err(|e| crate::error::Error::Io(format!("cannot read {}: {e}", output.display())))?;
    let report = sla_signing::verify(&signed, &[])?;
    let exported = state
        .last_export
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    if let Some(export) = exported.filter(|e| e.path == input) {
        let record = SignedVersion {
            version: export.version,
            signer: signer.summary().name,
            signed_at: chrono::Utc::now().to_rfc3339(),
            agreement_sha256: export.agreement_sha256,
        };
        let json =
            serde_json::to_string(&record).map_err(|e| crate::error::Error::Io(e.to_string()))?;
        let mut store = state.store.lock().unwrap_or_else(|p| p.into_inner());
        store.set_setting(&signed_key(export.draft), &json)?;
    }
    Ok(report)
}

/// Verifies every signature of a PDF; `trusted` are identity ids whose certificates the user trusts.
#[tauri::command]
pub fn verify_pdf(path: PathBuf, trusted: Vec<String>) -> Result<VerifyReport> {
    let store = identities()?;
    let mut certificates = vec![];
    for id in &trusted {
        let pem = store.export_certificate(id)?;
        certificates.extend(sla_signing::parse_certificates(pem.as_bytes(), id)?);
    }
    let pdf = sla_model::interchange::read_limited(&path)?;
    Ok(sla_signing::verify(&pdf, &certificates)?)
}

/// The signed version of a draft, if any: the UI shows it and treats later edits as an amendment.
#[tauri::command]
pub fn signed_version(state: State<'_, AppState>, id: DraftId) -> Result<Option<SignedVersion>> {
    let store = state.store.lock().unwrap_or_else(|p| p.into_inner());
    Ok(store
        .get_setting(&signed_key(id))?
        .and_then(|json| serde_json::from_str(&json).ok()))
}

fn signed_key(draft: DraftId) -> String {
    format!("signed-version:{draft}")
}
