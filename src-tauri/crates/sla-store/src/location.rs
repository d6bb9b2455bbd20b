//! Where the drafts database lives when nobody says otherwise.

use std::path::PathBuf;

use crate::StoreError;

/// Overrides the data folder; tests, portable installs and scripts point it elsewhere.
pub const DATA_DIR_ENV: &str = "SLA_STUDIO_DATA_DIR";

/// The database file inside the data folder.
pub const DATABASE_FILE_NAME: &str = "drafts.sqlite3";

/// The Tauri bundle identifier. Tauri's `app_data_dir()` is the OS data folder joined with it, so
/// the window and the command line find the same database.
const APP_IDENTIFIER: &str = "com.slastudio.desktop";

/// The data folder: `SLA_STUDIO_DATA_DIR` when set, else the OS application-data folder for SLA
/// Studio. The folder is created when missing.
pub(crate) fn default_dir() -> Result<PathBuf, StoreError> {
    let dir = configured_dir()?;
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::CreateDir {
        path: dir.clone(),
        source,
    })?;
    Ok(dir)
}

/// The data folder as [`default_dir`] finds it, without creating it: for commands that only read.
pub(crate) fn configured_dir() -> Result<PathBuf, StoreError> {
    Ok(
        match std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => dirs::data_dir()
                .ok_or(StoreError::NoDataDir)?
                .join(APP_IDENTIFIER),
        },
    )
}
