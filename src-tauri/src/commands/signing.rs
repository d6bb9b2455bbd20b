//! Sign-off in the window: signing identities and trusted certificates, signing and
//! countersigning a PDF, verifying one, and which version of a draft is signed (that version is
//! frozen: later edits are an amendment that needs signing again).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use sla_model::Language;
use sla_signing::{
    keychain, CertificateSummary, IdentityInfo, IdentityStore, NewIdentity, SignOptions,
    UnsignedField,
};
use sla_store::DraftId;
use tauri::State;

use crate::app::AppState;
use crate::error::Result;
use crate::signed_versions::{self, ExportRecord, SignedVersion};

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
        Some(hash) => signed_versions::exported_from(&*state.store.lock()?, hash)?,
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
        signed_versions::mark_signed(
            &mut *state.store.lock()?,
            export,
            &signer.summary().name,
            hash,
            chrono::Utc::now(),
        )?;
    }
    Ok(view)
}

/// The signed version of a draft, if any: the UI shows it and treats later edits as an amendment.
#[tauri::command]
pub fn signed_version(state: State<'_, AppState>, id: DraftId) -> Result<Option<SignedVersion>> {
    signed_versions::signed_version(&*state.store.lock()?, id)
}
