//! Backups of the drafts store and the signing identities beside it, restoring one, and opening
//! the store checked, so that damage to the file (a bad sector, a sync tool) never costs the
//! drafts.
//!
//! A backup is one SQLite file made with SQLite's online backup API from the live store, never a
//! copy of its bytes, plus a table holding the identity files as they are (their `.p12` stay
//! encrypted under the person's passphrase). Each is written to a temporary file, checked with
//! `PRAGMA integrity_check`, flushed and renamed into `backups/`, so a crash at any moment leaves
//! either no backup or a whole one, and never touches the store.
//!
//! Nothing here reads the clock: every function that needs the time takes `now`.

mod contents;
mod error;
mod fsutil;
mod open;
mod restore;
mod rotation;
mod salvage;
mod snapshot;

use std::path::{Path, PathBuf};

pub use contents::latest_versions;
pub use error::BackupError;
pub use open::{
    check_thoroughly, open_checked, quick_check, set_aside, Damage, Health, OpenError, Opened,
};
pub use restore::{restore, Restored};
pub use rotation::{rotate, rotate_with, Retention};
pub use salvage::{salvage, write_salvaged, Salvage, SalvagedDraft};
pub use snapshot::{
    back_up, back_up_if_due, back_up_to, inspect, list, newest_good, BackupInfo, Reason,
    DAILY_INTERVAL,
};

/// The folder of backups inside the data folder.
pub const BACKUPS_DIR: &str = "backups";

/// The folder of signing identities inside the data folder (see `sla_signing::IdentityStore`).
pub const IDENTITIES_DIR: &str = "identities";

/// The data folder: the drafts store, its backups and the signing identities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// The folder the app and the command line use: `SLA_STUDIO_DATA_DIR` when set, else the OS
    /// application-data folder (see `sla_store::Store::default_dir`).
    pub fn from_env() -> Result<DataDir, BackupError> {
        Ok(DataDir::new(sla_store::Store::default_dir()?))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `drafts.sqlite3`.
    pub fn store_path(&self) -> PathBuf {
        self.root.join(sla_store::DATABASE_FILE_NAME)
    }

    pub fn backups_dir(&self) -> PathBuf {
        self.root.join(BACKUPS_DIR)
    }

    pub fn identities_dir(&self) -> PathBuf {
        self.root.join(IDENTITIES_DIR)
    }
}
