//! What can go wrong with a backup or a restore, in words a person can act on.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] sla_store::StoreError),
    #[error("could not finish {doing} ({}): {source}", path.display())]
    Io {
        doing: String,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// SQLite's error is boxed: it is the largest part, and paths are wider on Windows.
    #[error("could not finish {doing} with {}: {source}", path.display())]
    Sqlite {
        doing: String,
        path: PathBuf,
        #[source]
        source: Box<rusqlite::Error>,
    },
    #[error("{} is not an SLA Studio drafts database or backup ({why}); nothing was changed", path.display())]
    NotAStore { path: PathBuf, why: String },
    #[error(
        "{} was written by a newer SLA Studio (schema {found}; this build knows {known}); nothing was changed: update SLA Studio to restore it",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: u32,
    },
    #[error("{} is damaged ({detail}); nothing was restored from it", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("the backup written to {} failed its integrity check ({detail}) and was deleted", path.display())]
    FailedCheck { path: PathBuf, detail: String },
    #[error("there are no drafts to back up yet ({} does not exist)", path.display())]
    NothingToBackUp { path: PathBuf },
    #[error("the drafts database at {} is damaged ({detail}); it was not backed up", path.display())]
    StoreDamaged { path: PathBuf, detail: String },
    #[error("{} already exists; choose another file name", path.display())]
    Exists { path: PathBuf },
    #[error("no backup in {} can be restored (none there, or none passes its integrity check)", dir.display())]
    NoGoodBackup { dir: PathBuf },
    #[error("{} holds an identity file with an unsafe name ({name:?}); nothing was restored from it", path.display())]
    UnsafeName { path: PathBuf, name: String },
}

pub(crate) fn io(doing: impl Into<String>, path: &Path, source: std::io::Error) -> BackupError {
    BackupError::Io {
        doing: doing.into(),
        path: path.to_path_buf(),
        source,
    }
}

pub(crate) fn sqlite(
    doing: impl Into<String>,
    path: &Path,
    source: rusqlite::Error,
) -> BackupError {
    BackupError::Sqlite {
        doing: doing.into(),
        path: path.to_path_buf(),
        source: Box::new(source),
    }
}

/// Whether SQLite's error means the file is damaged (or not a database at all).
pub(crate) fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}
