//! The drafts on this machine: create, open, autosave, history, trash, and the UI's own settings.

use std::path::PathBuf;

use sla_model::{Agreement, Language};
use sla_store::{Draft, DraftId, DraftInfo, Page, PageRequest, VersionInfo};
use sla_templates::{Catalogue, Listed, Problem};
use tauri::State;

use crate::app::AppState;
use crate::error::Result;
use crate::store_slot::StoreGuard;

fn store<'a>(state: &'a State<'_, AppState>) -> Result<StoreGuard<'a>> {
    state.store.lock()
}

/// What the start screen offers to start from, and the company's template files it left out.
#[derive(serde::Serialize)]
pub struct Templates {
    pub templates: Vec<Listed>,
    pub problems: Vec<Problem>,
    /// The folder a company puts its own templates in.
    pub folder: PathBuf,
}

/// The templates, described in the interface's `language`; read afresh each time, so a file
/// put in the folder shows the next time the start screen opens.
#[tauri::command]
pub fn list_templates(state: State<'_, AppState>, language: Language) -> Templates {
    let catalogue = Catalogue::load(state.data.root());
    Templates {
        templates: catalogue.list(language),
        problems: catalogue.problems(language),
        folder: state.data.root().join(sla_templates::USER_FOLDER),
    }
}

/// A page of the drafts (matching `query` when it has words), newest first.
#[tauri::command]
pub fn list_drafts(state: State<'_, AppState>, query: String, page: PageRequest) -> Result<Page> {
    Ok(store(&state)?.search(&query, &page)?)
}

/// A page of the trash, most recently trashed first.
#[tauri::command]
pub fn list_trash(state: State<'_, AppState>, page: PageRequest) -> Result<Page> {
    Ok(store(&state)?.list_trash(&page)?)
}

#[tauri::command]
pub fn count_trash(state: State<'_, AppState>) -> Result<u64> {
    Ok(store(&state)?.count_trash()?)
}

#[tauri::command]
pub fn create_draft(
    state: State<'_, AppState>,
    template: String,
    language: Language,
) -> Result<Draft> {
    let today = chrono::Local::now().date_naive();
    let agreement = Catalogue::load(state.data.root()).instantiate(&template, language, today)?;
    let mut store = store(&state)?;
    let info = store.create(&agreement, &format!("created from template {template}"))?;
    Ok(store.get(info.id)?)
}

/// Stores an agreement file (`.sla.json`, or a PDF SLA Studio exported) as a new draft.
#[tauri::command]
pub fn import_draft(state: State<'_, AppState>, path: PathBuf) -> Result<Draft> {
    let agreement = crate::files::read_agreement(&path)?;
    let mut store = store(&state)?;
    let info = store.create(&agreement, &format!("imported from {}", path.display()))?;
    Ok(store.get(info.id)?)
}

#[tauri::command]
pub fn open_draft(state: State<'_, AppState>, id: DraftId) -> Result<Draft> {
    Ok(store(&state)?.get(id)?)
}

#[tauri::command]
pub fn save_draft(
    state: State<'_, AppState>,
    id: DraftId,
    agreement: Agreement,
    base: u32,
) -> Result<DraftInfo> {
    // Typing pauses come close together: the store folds them into one version. `base` is the
    // version the window loaded or last saved: when another window or command saved since, the
    // store refuses with a conflict that the window shows.
    Ok(store(&state)?.autosave(id, &agreement, base)?)
}

#[tauri::command]
pub fn duplicate_draft(state: State<'_, AppState>, id: DraftId) -> Result<DraftInfo> {
    Ok(store(&state)?.duplicate(id)?)
}

#[tauri::command]
pub fn rename_draft(state: State<'_, AppState>, id: DraftId, title: String) -> Result<DraftInfo> {
    Ok(store(&state)?.rename(id, &title)?)
}

#[tauri::command]
pub fn trash_draft(state: State<'_, AppState>, id: DraftId) -> Result<()> {
    Ok(store(&state)?.trash(id)?)
}

#[tauri::command]
pub fn restore_draft(state: State<'_, AppState>, id: DraftId) -> Result<()> {
    Ok(store(&state)?.restore_from_trash(id)?)
}

#[tauri::command]
pub fn empty_trash(state: State<'_, AppState>) -> Result<usize> {
    Ok(store(&state)?.empty_trash()?)
}

#[tauri::command]
pub fn draft_history(state: State<'_, AppState>, id: DraftId) -> Result<Vec<VersionInfo>> {
    Ok(store(&state)?.history(id)?)
}

#[tauri::command]
pub fn restore_version(state: State<'_, AppState>, id: DraftId, version: u32) -> Result<DraftInfo> {
    Ok(store(&state)?.restore_version(id, version)?)
}

#[tauri::command]
pub fn get_setting(state: State<'_, AppState>, key: String) -> Result<Option<String>> {
    Ok(store(&state)?.get_setting(&key)?)
}

#[tauri::command]
pub fn set_setting(state: State<'_, AppState>, key: String, value: String) -> Result<()> {
    Ok(store(&state)?.set_setting(&key, &value)?)
}
