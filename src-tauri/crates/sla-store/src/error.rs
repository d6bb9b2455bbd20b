//! Everything that can go wrong with the drafts database, in words a person can act on.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::DraftId;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "this system reports no folder for application data; set {} to the folder SLA Studio should keep its drafts in",
        crate::DATA_DIR_ENV
    )]
    NoDataDir,
    #[error("cannot create the data folder {}: {source}", path.display())]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open the drafts database {}: the folder {} does not exist", path.display(), folder.display())]
    FolderMissing { path: PathBuf, folder: PathBuf },
    #[error("cannot open the drafts database {}: it is a folder, not a file", path.display())]
    IsDirectory { path: PathBuf },
    #[error(
        "{} is not an SLA Studio drafts database (it is not an SQLite file); it was left untouched: move it away or set {} to another folder",
        path.display(),
        crate::DATA_DIR_ENV
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "{} is an SQLite database of another program, not SLA Studio's drafts; it was left untouched: move it away or set {} to another folder",
        path.display(),
        crate::DATA_DIR_ENV
    )]
    ForeignDatabase { path: PathBuf },
    #[error(
        "the drafts database at {} was written by a newer SLA Studio (schema {found}; this build knows {known}); it was left untouched: update SLA Studio to open it",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: u32,
    },
    /// Opening to read only: the data folder has no drafts database (nothing was saved there).
    #[error("there is no drafts database at {} (no draft has been saved with this data folder)", path.display())]
    NoDatabase { path: PathBuf },
    /// Opening to read only: the database must first be brought to this build's schema, which
    /// only an opening that may write does.
    #[error(
        "the drafts database at {} is from an older SLA Studio (schema {found}; this build's is {known}) and is brought up to date by the first command that opens it to write: run `sla-studio drafts`, or open the window, then try again",
        path.display()
    )]
    Outdated {
        path: PathBuf,
        found: i64,
        known: u32,
    },
    #[error("could not finish {doing}: the drafts database at {} is damaged ({detail})", path.display())]
    Damaged {
        doing: String,
        path: PathBuf,
        detail: String,
    },
    #[error(
        "could not finish {doing}: the drafts database at {} is busy (another SLA Studio window or command is writing to it); try again",
        path.display()
    )]
    Busy { doing: String, path: PathBuf },
    #[error("could not finish {doing}: the disk holding {} is full", path.display())]
    DiskFull { doing: String, path: PathBuf },
    #[error("could not finish {doing}: the drafts database at {} or its folder is read-only", path.display())]
    ReadOnly { doing: String, path: PathBuf },
    #[error("could not finish {doing} in the drafts database at {}: {source}", path.display())]
    Sqlite {
        doing: String,
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("draft {0} does not exist")]
    DraftNotFound(DraftId),
    #[error("draft {id} has no version {version} (its versions are 1 to {latest})")]
    VersionNotFound {
        id: DraftId,
        version: u32,
        latest: u32,
    },
    /// A save based on a version that is no longer the latest: another window or command saved
    /// since. Nothing was written; saving again based on `latest` puts this content on top of it.
    #[error(
        "draft {id} was changed elsewhere while this was being edited: version {latest} was saved at {} by another window or command{}, after version {base} that this save was based on; nothing was saved, so neither is lost",
        crate::records::plain_time(saved_at),
        if note.is_empty() { String::new() } else { format!(" ({note})") }
    )]
    Conflict {
        id: DraftId,
        /// The version the refused save was based on.
        base: u32,
        /// The draft's latest version now.
        latest: u32,
        /// When `latest` was saved; RFC 3339, UTC.
        saved_at: String,
        /// Why `latest` exists when it was not an ordinary save ("imported from FILE").
        note: String,
    },
    #[error("draft {0} is in the trash; restore it first")]
    Trashed(DraftId),
    #[error("a draft's title cannot be empty")]
    EmptyTitle,
    #[error("draft {id} version {version} cannot be read: {source}")]
    Unreadable {
        id: DraftId,
        version: u32,
        #[source]
        source: sla_model::ReadError,
    },
}

/// Wraps an SQLite error with what was being done, turning the failures a person can do something
/// about (a busy, full, read-only or damaged database) into their own variants.
pub(crate) fn sqlite(path: &Path, doing: impl Into<String>, source: rusqlite::Error) -> StoreError {
    let doing = doing.into();
    let path = path.to_path_buf();
    match source.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StoreError::Busy { doing, path }
        }
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { doing, path },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { doing, path },
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            doing,
            path,
            detail: source.to_string(),
        },
        _ => StoreError::Sqlite {
            doing,
            path,
            source,
        },
    }
}
