//! The recovery screen: what happened to the store, and restoring a backup or starting anew.

use std::path::PathBuf;

use tauri::State;

use crate::app::AppState;
use crate::error::Result;
use crate::recovery::{RecoveryOutcome, RecoveryReport};

/// Why the window has no store open, or `None` when it has one.
#[tauri::command]
pub fn recovery_status(state: State<'_, AppState>) -> Option<RecoveryReport> {
    state
        .recovery()
        .map(|recovery| recovery.report(state.data.root()))
}

/// Restores `backup` (one the screen offered) in place of the damaged store, or starts a new
/// store when it is `None`, and imports the salvaged drafts numbered in `import`.
#[tauri::command]
pub fn recovery_apply(
    state: State<'_, AppState>,
    backup: Option<PathBuf>,
    import: Vec<usize>,
) -> Result<RecoveryOutcome> {
    crate::recovery::recover(&state, backup.as_deref(), &import)
}

/// Stores the agreement the window had open when its store was found damaged as a new draft of
/// the recovered store, so that no edit made in the window since the last save is lost.
#[tauri::command]
pub fn keep_open_agreement(
    state: State<'_, AppState>,
    agreement: sla_model::Agreement,
) -> Result<sla_store::Draft> {
    let mut store = state.store.lock()?;
    let info = store.create(
        &agreement,
        "kept from the window when the store was found damaged",
    )?;
    Ok(store.get(info.id)?)
}
