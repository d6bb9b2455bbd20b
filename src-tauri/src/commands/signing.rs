//! Sign-off in the window: signing identities and trusted certificates, signing and
//! countersigning a PDF, verifying one, and which version of a draft is signed (that version is
//! frozen: later edits are an amendment that needs signing again).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use sla_model::Language;
use sla_signing::{
    keychain, CertificateSummary, IdentityInfo, IdentityStore, NewIdentity, SignOptions,
    UnsignedField,
};
use sla_store::DraftId;
use tauri::State;

use crate::app::AppState;
use crate::error::{Error, Result};

fn identities() -> Result<IdentityStore> {
    Ok(IdentityStore::open(
        sla_store::Store::default_dir()?.join("identities"),
    )?)
}

/// One of the person's identities, and whether the system keychain remembers its passphrase.
#[derive(Serialize)]
pub struct OwnIdentity {
    #[serde(flatten)]
    info: IdentityInfo,
    remembered: bool,
}

#[tauri::command]
pub fn identities_list() -> Result<Vec<OwnIdentity>> {
    let store = identities()?;
    // One question to a missing keychain, not one per identity.
    let keychain = keychain::available();
    Ok(store
        .list()?
        .into_iter()
        .map(|info| OwnIdentity {
            remembered: keychain && store.is_remembered(&info.id),
            info,
        })
        .collect())
}

/// Whether this computer has a system keychain to remember passphrases in, and if not, why.
#[derive(Serialize)]
pub struct KeychainStatus {
    available: bool,
    detail: Option<String>,
}

#[tauri::command]
pub fn keychain_status() -> KeychainStatus {
    match keychain::status() {
        Ok(()) => KeychainStatus {
            available: true,
            detail: None,
        },
        Err(e) => KeychainStatus {
            available: false,
            detail: Some(e.to_string()),
        },
    }
}

/// Removes the identity's passphrase from the system keychain: it is typed again next time.
#[tauri::command]
pub fn identity_forget_passphrase(id: String) -> Result<()> {
    identities()?.info(&id)?;
    Ok(keychain::forget(&id)?)
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

/// Writes the identity's certificate (PEM) where the save dialog said, for the other signatory
/// to trust.
#[tauri::command]
pub fn identity_export_certificate(id: String, path: PathBuf) -> Result<()> {
    let pem = identities()?.export_certificate(&id)?;
    crate::files::write_atomically(&path, pem.as_bytes())
}

/// Certificates the person chose to trust (a colleague's, a company root).
#[tauri::command]
pub fn trusted_list() -> Result<Vec<IdentityInfo>> {
    Ok(identities()?.trusted()?)
}

/// Trusts the certificates in a PEM or DER file chosen in the open dialog.
#[tauri::command]
pub fn trust_certificate(path: PathBuf) -> Result<Vec<IdentityInfo>> {
    Ok(identities()?.trust_file(&path)?)
}

#[tauri::command]
pub fn untrust_certificate(id: String) -> Result<()> {
    Ok(identities()?.untrust(&id)?)
}

/// One finding about a signature, said in the window's language.
#[derive(Serialize)]
pub struct FindingText {
    id: &'static str,
    text: String,
}

/// One signature as the sign-off screen shows it.
#[derive(Serialize)]
pub struct SignatureView {
    field: String,
    /// Intact, followed only by later signatures, certificate valid when it signed.
    valid: bool,
    /// The certificate chains to one the person trusts (else it proves integrity, not identity).
    trusted: bool,
    signer: Option<CertificateSummary>,
    signing_time: Option<DateTime<FixedOffset>>,
    findings: Vec<FindingText>,
}

/// What the sign-off screen shows about a PDF: its signatures, the fields still to sign, and
/// the draft version it was exported from when this computer exported it.
#[derive(Serialize)]
pub struct PdfSignatures {
    path: PathBuf,
    /// The agreement's title, from the agreement attached to the PDF.
    title: Option<String>,
    signatures: Vec<SignatureView>,
    unsigned: Vec<UnsignedField>,
    all_valid: bool,
    verdict: String,
    exported_from: Option<ExportRecord>,
    /// SHA-256 of the attached agreement: the fingerprint printed in every footer.
    agreement_sha256: Option<String>,
}

/// Which draft version an exported PDF shows; kept per agreement fingerprint at export.
#[derive(Clone, Serialize, Deserialize)]
pub struct ExportRecord {
    pub draft: DraftId,
    pub version: u32,
}

/// The version of a draft that carries signatures, and who signed it.
#[derive(Serialize, Deserialize)]
pub struct SignedVersion {
    version: u32,
    signers: Vec<String>,
    signed_at: String,
    agreement_sha256: String,
}

/// Remembers which draft version `agreement_sha256` (the fingerprint in the footer) was
/// exported from, so signing that PDF later, even after a restart, marks the version signed.
pub fn record_export(
    store: &mut sla_store::Store,
    agreement_sha256: &str,
    record: &ExportRecord,
) -> Result<()> {
    let json = serde_json::to_string(record).map_err(|e| Error::Io(e.to_string()))?;
    Ok(store.set_setting(&format!("exported:{agreement_sha256}"), &json)?)
}

/// Verifies every signature of the PDF at `path` against the person's trusted certificates.
#[tauri::command]
pub fn inspect_pdf(
    state: State<'_, AppState>,
    path: PathBuf,
    language: Language,
) -> Result<PdfSignatures> {
    let view = inspect(&state, &path, language)?;
    state.remember_file(&path);
    Ok(view)
}

fn inspect(state: &AppState, path: &Path, language: Language) -> Result<PdfSignatures> {
    let pdf = sla_model::interchange::read_limited(path)?;
    let anchors = identities()?.trust_anchors()?;
    let report = sla_signing::verify(&pdf, &anchors)?;
    let agreement = sla_pdf::extract_agreement(&pdf).ok();
    let agreement_sha256 = agreement.as_ref().map(sla_pdf::agreement_hash);
    let exported_from = match &agreement_sha256 {
        Some(hash) => {
            let store = state.store.lock()?;
            store
                .get_setting(&format!("exported:{hash}"))?
                .and_then(|json| serde_json::from_str(&json).ok())
        }
        None => None,
    };
    let all_valid = report.all_valid();
    let verdict = report.verdict(language);
    Ok(PdfSignatures {
        path: path.to_owned(),
        title: agreement.map(|a| a.title),
        signatures: report
            .signatures
            .iter()
            .map(|s| SignatureView {
                field: s.field.clone(),
                valid: s.is_valid(),
                trusted: s.trust.is_trusted(),
                signer: s.signer.clone(),
                signing_time: s.signing_time,
                findings: s
                    .findings()
                    .into_iter()
                    .map(|f| FindingText {
                        id: f.id,
                        text: f.text(language),
                    })
                    .collect(),
            })
            .collect(),
        unsigned: report.unsigned_fields,
        all_valid,
        verdict,
        exported_from,
        agreement_sha256,
    })
}

/// Signs `input` (an exported agreement, or one the other head signed) with a stored identity,
/// writes the signed file to `output` and returns its verification. When this computer exported
/// `input`, the draft version it shows is recorded as signed. An empty `passphrase` signs with
/// the one the system keychain remembers; with `remember`, a typed one that unlocks the key is
/// remembered there.
#[tauri::command]
#[allow(clippy::too_many_arguments)] // each is one thing the sign form asks for
pub fn sign_pdf(
    state: State<'_, AppState>,
    input: PathBuf,
    output: PathBuf,
    identity: String,
    passphrase: String,
    remember: bool,
    options: SignOptions,
    language: Language,
) -> Result<PdfSignatures> {
    let signer = identities()?.unlock(&identity, &passphrase, remember)?;
    sla_signing::sign_file(&input, &signer, &options, &output)?;
    state.remember_file(&output);
    let view = inspect(&state, &output, language)?;
    if let (Some(export), Some(hash)) = (&view.exported_from, &view.agreement_sha256) {
        mark_signed(&state, export, &signer.summary().name, hash)?;
    }
    Ok(view)
}

/// Records `signer` on the signed version of the draft; a newer version (an amendment) replaces
/// the record of an older one.
fn mark_signed(
    state: &AppState,
    export: &ExportRecord,
    signer: &str,
    agreement_sha256: &str,
) -> Result<()> {
    let key = signed_key(export.draft);
    let mut store = state.store.lock()?;
    // Export kept it already; a signed version must never change, so say so again.
    store.keep_version(export.draft, export.version)?;
    let mut record = store
        .get_setting(&key)?
        .and_then(|json| serde_json::from_str::<SignedVersion>(&json).ok())
        .filter(|r| r.version == export.version)
        .unwrap_or_else(|| SignedVersion {
            version: export.version,
            signers: vec![],
            signed_at: chrono::Utc::now().to_rfc3339(),
            agreement_sha256: agreement_sha256.to_owned(),
        });
    if !record.signers.iter().any(|s| s == signer) {
        record.signers.push(signer.to_owned());
    }
    let json = serde_json::to_string(&record).map_err(|e| Error::Io(e.to_string()))?;
    Ok(store.set_setting(&key, &json)?)
}

/// The signed version of a draft, if any: the UI shows it and treats later edits as an amendment.
#[tauri::command]
pub fn signed_version(state: State<'_, AppState>, id: DraftId) -> Result<Option<SignedVersion>> {
    let store = state.store.lock()?;
    Ok(store
        .get_setting(&signed_key(id))?
        .and_then(|json| serde_json::from_str(&json).ok()))
}

fn signed_key(draft: DraftId) -> String {
    // The reviews read it too: the home list shows review status for signed drafts only.
    crate::reviews::signed_version_key(draft)
}
