//! The last step of the wizard: the stored draft as a PDF, then the PDF opened in the system viewer.

use std::path::PathBuf;

use serde::Serialize;
use sla_model::Language;
use sla_store::DraftId;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::app::AppState;
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
    // Kept: the PDF names this version, so later autosaves must not fold into it.
    let (bytes, draft_mark) =
        crate::files::export_draft_pdf(&mut *state.store.lock()?, id, None, language, None, &path)?;
    state.remember_file(&path);
    Ok(Exported {
        path,
        bytes,
        draft_mark,
    })
}

/// Opens a PDF in the system's viewer: one this window exported or signed, or one the person
/// chose to verify. Other paths are refused: opening arbitrary files is not something the window
/// needs to be able to do.
#[tauri::command]
pub fn open_pdf(app: AppHandle, state: State<'_, AppState>, path: PathBuf) -> Result<()> {
    if !state.is_known_file(&path) {
        return Err(Error::Io(format!(
            "{} was not exported, signed or opened in this window",
            path.display()
        )));
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| Error::Io(format!("cannot open {}: {e}", path.display())))
}
