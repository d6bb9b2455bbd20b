//! The window's side of recovering from a damaged store: opening it checked at start, the thorough
//! check in the background, and what the recovery screen offers (the newest good backup, the
//! drafts salvaged from the damaged file, or a new store). The work itself is `sla-backup`'s.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;
use sla_backup::{BackupInfo, Damage, DataDir, Health, OpenError};
use sla_store::Store;
use tauri::{AppHandle, Emitter, Manager};

use crate::app::AppState;
use crate::error::{Error, Result};

/// The event the UI listens for: the background check found the open store damaged.
pub const STORE_DAMAGED_EVENT: &str = "store-damaged";

/// Why the window has no store open.
#[derive(Debug, Clone)]
pub enum Recovery {
    /// The store was found damaged and moved aside.
    Damaged {
        damage: Box<Damage>,
        /// Where the salvaged drafts were also written as agreement files, so that closing the
        /// window loses none of them.
        salvaged_to: Option<PathBuf>,
        /// The latest version of each draft in the offered backup, by draft id: a salvaged
        /// draft it lacks, or holds at an older version, is newer than the backup.
        in_backup: HashMap<i64, u32>,
    },
    /// The store could not be opened for another reason (a newer version's file, another
    /// program's database, a folder that cannot be read); it was left untouched.
    Unavailable { reason: String },
}

/// What the recovery screen shows.
#[derive(Debug, Serialize)]
pub struct RecoveryReport {
    /// `damaged` or `unavailable`.
    kind: &'static str,
    /// What SQLite found wrong, or why the store could not be opened.
    detail: String,
    /// The data folder.
    folder: PathBuf,
    /// Where the damaged file was moved.
    moved_to: Option<PathBuf>,
    /// The newest backup that passes its integrity check.
    backup: Option<BackupInfo>,
    /// The drafts read back from the damaged file, newest first.
    salvaged: Vec<SalvagedEntry>,
    /// The folder the salvaged drafts were written to as `.sla.json` files.
    salvaged_to: Option<PathBuf>,
    /// What could not be read of the damaged file.
    problems: Vec<String>,
}

#[derive(Debug, Serialize)]
struct SalvagedEntry {
    /// The index to name it by when importing.
    index: usize,
    title: String,
    version: u32,
    saved_at: String,
    in_trash: bool,
    /// Saved after the offered backup was taken: the backup does not have this version.
    newer_than_backup: bool,
}

/// What a recovery did.
#[derive(Debug, Serialize)]
pub struct RecoveryOutcome {
    /// Drafts in the store now open (not counting those in the trash).
    drafts: usize,
    /// Salvaged drafts imported into it.
    imported: usize,
}

/// Opens the store at start. A damaged store is moved aside and the window opens on the
/// recovery screen with no store; so does one that cannot be opened at all, so that a person who
/// started the app from its icon always sees why.
pub fn open_at_start(data: &DataDir) -> (Option<Store>, Option<Recovery>) {
    match sla_backup::open_checked(data, Utc::now()) {
        Ok(opened) => {
            if let Some(reason) = opened.backup_failed {
                eprintln!("sla-studio: warning: the daily backup failed: {reason}");
            }
            (Some(opened.store), None)
        }
        Err(OpenError::Damaged(damage)) => (None, Some(damaged(damage))),
        Err(e) => (
            None,
            Some(Recovery::Unavailable {
                reason: e.to_string(),
            }),
        ),
    }
}

fn damaged(damage: Box<Damage>) -> Recovery {
    let salvaged_to = damage.write_salvage().unwrap_or_else(|e| {
        eprintln!("sla-studio: warning: the salvaged drafts could not be written: {e}");
        None
    });
    let in_backup = match &damage.newest_backup {
        Some(backup) => sla_backup::latest_versions(&backup.path).unwrap_or_else(|e| {
            eprintln!("sla-studio: warning: the backup's drafts could not be listed: {e}");
            HashMap::new()
        }),
        None => HashMap::new(),
    };
    Recovery::Damaged {
        damage,
        salvaged_to,
        in_backup,
    }
}

/// Runs the thorough integrity check of the open store on a thread of its own. When it finds
/// damage, the store is closed without another write, moved aside, and the window told.
pub fn check_in_background(app: AppHandle) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let path = state.data.store_path();
        let detail = match sla_backup::check_thoroughly(&path) {
            Ok(Health::Damaged(detail)) => detail,
            Ok(Health::Sound) => return,
            Err(e) => {
                eprintln!("sla-studio: warning: the drafts database could not be checked: {e}");
                return;
            }
        };
        let Some(store) = state.store.take() else {
            return;
        };
        store.close_without_checkpoint();
        let recovery = match sla_backup::set_aside(&state.data, &detail, Utc::now()) {
            Ok(damage) => damaged(Box::new(damage)),
            Err(e) => Recovery::Unavailable {
                reason: format!(
                    "the drafts database is damaged ({detail}) and could not be moved aside: {e}"
                ),
            },
        };
        state.set_recovery(Some(recovery));
        let _ = app.emit(STORE_DAMAGED_EVENT, ());
    });
}

impl Recovery {
    pub fn report(&self, folder: &Path) -> RecoveryReport {
        match self {
            Recovery::Damaged {
                damage,
                salvaged_to,
                in_backup,
            } => {
                let mut salvaged: Vec<SalvagedEntry> = damage
                    .salvage
                    .drafts
                    .iter()
                    .enumerate()
                    .map(|(index, d)| SalvagedEntry {
                        index,
                        title: d.title.clone(),
                        version: d.version,
                        saved_at: d.saved_at.clone(),
                        in_trash: d.in_trash,
                        newer_than_backup: !matches!(
                            in_backup.get(&d.draft_id),
                            Some(&version) if version >= d.version
                        ),
                    })
                    .collect();
                salvaged.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
                RecoveryReport {
                    kind: "damaged",
                    detail: damage.detail.clone(),
                    folder: folder.to_owned(),
                    moved_to: Some(damage.moved_to.clone()),
                    backup: damage.newest_backup.clone(),
                    salvaged,
                    salvaged_to: salvaged_to.clone(),
                    problems: damage.salvage.problems.clone(),
                }
            }
            Recovery::Unavailable { reason } => RecoveryReport {
                kind: "unavailable",
                detail: reason.clone(),
                folder: folder.to_owned(),
                moved_to: None,
                backup: None,
                salvaged: vec![],
                salvaged_to: None,
                problems: vec![],
            },
        }
    }
}

/// Restores the backup the recovery screen offered (or, with `None`, starts a new store), then
/// imports the salvaged drafts named by `import`.
pub fn recover(
    state: &AppState,
    backup: Option<&Path>,
    import: &[usize],
) -> Result<RecoveryOutcome> {
    let recovery = state.recovery().ok_or_else(|| {
        Error::Io("there is nothing to recover: the drafts database is open".into())
    })?;
    let Recovery::Damaged { damage, .. } = &recovery else {
        return Err(Error::Io(
            "the drafts database cannot be opened, so nothing can be restored into it; see the reason above".into(),
        ));
    };
    let now = Utc::now();
    if let Some(file) = backup {
        // Only a backup of this data folder, as the screen listed it: never any path the page names.
        let offered = damage.newest_backup.as_ref().map(|b| b.path.as_path());
        let listed = sla_backup::list(&state.data)?
            .iter()
            .any(|b| b.path == file && b.problem.is_none());
        if offered != Some(file) && !listed {
            return Err(Error::Io(format!(
                "{} is not one of this computer's backups",
                file.display()
            )));
        }
        sla_backup::restore(&state.data, file, now)?;
    }
    let mut store = match sla_backup::open_checked(&state.data, now) {
        Ok(opened) => opened.store,
        Err(OpenError::Damaged(damage)) => {
            // The restored file failed its check after all: offer what is left.
            let detail = damage.detail.clone();
            state.set_recovery(Some(damaged(damage)));
            return Err(Error::Io(format!(
                "the restored drafts database is damaged too ({detail}); it was moved aside"
            )));
        }
        Err(OpenError::Store(e)) => return Err(e.into()),
        Err(OpenError::Backup(e)) => return Err(e.into()),
    };
    let note = format!("salvaged from {}", damage.moved_to.display());
    let mut imported = 0;
    for &index in import {
        let Some(draft) = damage.salvage.drafts.get(index) else {
            return Err(Error::Io(format!("there is no salvaged draft {index}")));
        };
        store.create(&draft.agreement, &note)?;
        imported += 1;
    }
    let drafts = store.count_drafts()? as usize;
    state.store.put(store);
    state.set_recovery(None);
    Ok(RecoveryOutcome { drafts, imported })
}
