//! Opening the store checked: a quick check before the store is opened (the thorough one is the
//! caller's to run on a thread of its own), a backup before a migration and once a day, and a
//! damaged file moved aside, never written to again, with what can be read of it salvaged.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sla_store::{Store, StoreError};

use crate::error::{is_damage, sqlite};
use crate::fsutil::{rename_durably, sync_dir, with_suffix};
use crate::salvage::{salvage, Salvage};
use crate::snapshot::{
    back_up, back_up_if_due, newest_good, open_read_only, run_check, BackupInfo, Reason,
};
use crate::{BackupError, DataDir};

/// The store, opened after its checks.
pub struct Opened {
    pub store: Store,
    /// A backup taken while opening: before a migration, or the daily one.
    pub backup: Option<BackupInfo>,
    /// Why the daily backup failed, when it did; the store opened all the same.
    pub backup_failed: Option<String>,
}

/// Why the store did not open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The file is damaged. It was moved aside; [`Damage`] says where, what could be salvaged and
    /// which backup can replace it.
    #[error("{}", .0.summary())]
    Damaged(Box<Damage>),
    /// The store refused the file untouched (another program's database, a newer schema), or
    /// could not open it (a read-only folder, a busy database).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Checking the file failed for a reason other than damage, or the backup before a migration
    /// failed (then nothing was migrated).
    #[error(transparent)]
    Backup(#[from] BackupError),
}

/// The result of a check of the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Sound,
    /// What SQLite found wrong.
    Damaged(String),
}

/// A damaged store, moved aside.
#[derive(Debug, Clone, Serialize)]
pub struct Damage {
    /// Where the store was (`.../drafts.sqlite3`), now free for a restored or new one.
    pub original: PathBuf,
    /// Where it is now (`.../drafts.damaged-2026-12-02T00-55-00Z.sqlite3`); its `-wal` and
    /// `-shm` files, when there were any, were moved beside it with the same name.
    pub moved_to: PathBuf,
    /// What SQLite found wrong.
    pub detail: String,
    /// The newest backup that passes its integrity check.
    pub newest_backup: Option<BackupInfo>,
    /// What could still be read of the damaged file.
    pub salvage: Salvage,
}

impl Damage {
    /// Writes the salvaged drafts as agreement files into a folder beside the moved file
    /// (`drafts.damaged-STAMP.sqlite3` → `drafts.damaged-STAMP.salvaged/`), so that none is lost
    /// whatever the person does next: the folder, or `None` when nothing was salvaged.
    pub fn write_salvage(&self) -> Result<Option<PathBuf>, BackupError> {
        if self.salvage.drafts.is_empty() {
            return Ok(None);
        }
        let stem = self
            .moved_to
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "drafts.damaged".into());
        let folder = self.moved_to.with_file_name(format!("{stem}.salvaged"));
        crate::salvage::write_salvaged(&self.salvage.drafts, &folder)?;
        Ok(Some(folder))
    }

    /// One sentence: what happened and where the file went.
    pub fn summary(&self) -> String {
        format!(
            "the drafts database {} is damaged ({}); it was moved to {} and will not be written to again",
            self.original.display(),
            self.detail,
            self.moved_to.display()
        )
    }
}

/// Opens the store in `data` the way the window and every command do:
///
/// 1. `PRAGMA quick_check` through a read-only connection; a damaged file is moved aside
///    ([`set_aside`]) and `OpenError::Damaged` returned, the file untouched;
/// 2. a backup before the store migrates it to this build's schema (when the backup fails,
///    nothing is migrated);
/// 3. [`Store::open`];
/// 4. the daily backup when due ([`back_up_if_due`]); its failure does not stop the opening.
///
/// The thorough `PRAGMA integrity_check` takes longer: run [`check_thoroughly`] on a thread.
pub fn open_checked(data: &DataDir, now: DateTime<Utc>) -> Result<Opened, OpenError> {
    let path = data.store_path();
    let mut backup = None;
    let existed = path.is_file();
    if existed {
        if let Health::Damaged(detail) = quick_check(&path)? {
            return Err(OpenError::Damaged(Box::new(set_aside(data, &detail, now)?)));
        }
        if needs_migration(&path)? {
            backup = Some(back_up(data, Reason::BeforeMigration, now)?);
        }
    }
    let store = match Store::open(&path) {
        Ok(store) => store,
        Err(StoreError::Damaged { detail, .. }) => {
            return Err(OpenError::Damaged(Box::new(set_aside(data, &detail, now)?)))
        }
        Err(e) => return Err(e.into()),
    };
    let mut backup_failed = None;
    // A store this opening created holds nothing to back up yet.
    if existed && backup.is_none() {
        match back_up_if_due(data, now) {
            Ok(taken) => backup = taken,
            Err(e) => backup_failed = Some(e.to_string()),
        }
    }
    Ok(Opened {
        store,
        backup,
        backup_failed,
    })
}

/// `PRAGMA quick_check` of the database at `path`, through a read-only connection.
pub fn quick_check(path: &Path) -> Result<Health, BackupError> {
    check(path, "quick_check")
}

/// `PRAGMA integrity_check` of the database at `path`, through a read-only connection of its
/// own: it reads every page, so run it on a thread while the store is in use. When it finds
/// damage, close the store with `Store::close_without_checkpoint` and call [`set_aside`].
pub fn check_thoroughly(path: &Path) -> Result<Health, BackupError> {
    check(path, "integrity_check")
}

fn check(path: &Path, pragma: &str) -> Result<Health, BackupError> {
    let conn = open_read_only(path)?;
    match run_check(&conn, pragma) {
        Ok(None) => Ok(Health::Sound),
        Ok(Some(detail)) => Ok(Health::Damaged(detail)),
        Err(e) if is_damage(&e) => Ok(Health::Damaged(e.to_string())),
        Err(e) => Err(sqlite("checking the drafts database", path, e)),
    }
}

/// Whether the store at `path` is a drafts database of an older schema than this build's, which
/// opening it will migrate.
fn needs_migration(path: &Path) -> Result<bool, BackupError> {
    let conn = open_read_only(path)?;
    let read = |pragma| {
        conn.pragma_query_value(None, pragma, |r| r.get::<_, i64>(0))
            .map_err(|e| sqlite("reading the database header", path, e))
    };
    let application_id = read("application_id")?;
    let version = read("user_version")?;
    Ok(application_id == sla_store::APPLICATION_ID
        && (1..i64::from(sla_store::SCHEMA_VERSION)).contains(&version))
}

/// Moves the damaged store (with its `-wal` and `-shm`) aside under a dated name, salvages what
/// can be read of it, and finds the newest good backup. The store must be closed: in this
/// process with `Store::close_without_checkpoint`, so that closing does not write to it.
pub fn set_aside(data: &DataDir, detail: &str, now: DateTime<Utc>) -> Result<Damage, BackupError> {
    let original = data.store_path();
    let stamp = now.format("%Y-%m-%dT%H-%M-%SZ");
    let mut moved_to = data.root().join(format!("drafts.damaged-{stamp}.sqlite3"));
    let mut n = 2;
    while moved_to.exists() {
        moved_to = data
            .root()
            .join(format!("drafts.damaged-{stamp}-{n}.sqlite3"));
        n += 1;
    }
    // The log first: a new store must never start beside the damaged one's log, which SQLite
    // would read as its own.
    for suffix in ["-wal", "-shm", "-journal"] {
        let companion = with_suffix(&original, suffix);
        if companion.exists() {
            rename_durably(&companion, &with_suffix(&moved_to, suffix))?;
        }
    }
    rename_durably(&original, &moved_to)?;
    sync_dir(data.root())?;
    let salvage = salvage(&moved_to);
    let newest_backup = newest_good(data).ok().flatten();
    Ok(Damage {
        original,
        moved_to,
        detail: detail.to_string(),
        newest_backup,
        salvage,
    })
}
