//! The last step of the wizard: the stored draft as a PDF, then the PDF opened in the system viewer.

use std::path::PathBuf;

use serde::Serialize;
use sla_model::Language;
use sla_store::DraftId;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::app::{AppState, LastExport};
use crate::error::{Error, Result};

#[derive(Serialize)]
pub struct Exported {
    path: PathBuf,
    bytes: usize,
    /// Whether the pages are marked DRAFT because the checks found errors.
    draft_mark: bool,
}

/// Exports the stored latest version of draft `id` (what autosave last acknowledged) to `path`,
/// the file the person chose in the save dialog.
#[tauri::command]
pub fn export_pdf(
    state: State<'_, AppState>,
    id: DraftId,
    language: Language,
    path: PathBuf,
) -> Result<Exported> {
    let draft = state
        .store
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(id)?;
    let (bytes, draft_mark) = crate::files::export_pdf(
        &draft.agreement,
        language,
        Some((id, draft.info.version)),
        &path,
    )?;
    *state.last_export.lock().unwrap_or_else(|p| p.into_inner()) = Some(LastExport {
        path: path.clone(),
        draft: id,
        version: draft.info.version,
        agreement_sha256: sla_pdf::agreement_hash(&draft.agreement),
    });
    Ok(Exported {
        path,
        bytes,
        draft_mark,
    })
}

/// Opens the last exported PDF in the system's viewer. The UI cannot name another file: opening
/// arbitrary paths is not something the window needs to be able to do.
#[tauri::command]
pub fn open_exported(app: AppHandle, state: State<'_, AppState>) -> Result<()> {
    let last = state
        .last_export
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let path = last
        .map(|e| e.path)
        .ok_or_else(|| Error::Io("nothing has been exported yet".into()))?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| Error::Io(format!("cannot open {}: {e}", path.display())))
}
