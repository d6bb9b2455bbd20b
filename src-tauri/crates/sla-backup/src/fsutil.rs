//! Files written whole or not at all, and flushed: a crash or a power cut leaves the old file or
//! the new one, never half of one.

use std::path::Path;

use crate::error::io;
use crate::BackupError;

/// Flushes a folder's entries (a rename into it) to disk. Windows cannot open a folder as a file
/// and orders its metadata itself, so there it is a no-op.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), BackupError> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| io("flushing the folder", dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Flushes a file another handle wrote (SQLite's backup). Opened for writing, never truncated:
/// Windows flushes only through a handle that may write (a read-only one is refused with "Access
/// denied").
pub(crate) fn sync_file(path: &Path) -> Result<(), BackupError> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| io("flushing", path, e))
}

/// Renames `from` to `to` and flushes the folder, so the rename survives a power cut.
pub(crate) fn rename_durably(from: &Path, to: &Path) -> Result<(), BackupError> {
    std::fs::rename(from, to).map_err(|e| io(format!("renaming to {}", to.display()), from, e))?;
    sync_dir(to.parent().unwrap_or(Path::new(".")))
}

/// Writes `bytes` to `path` whole or not at all, flushed (`sla_model`'s writer); `private` files
/// (keys) are readable by their owner only.
pub(crate) fn write_atomically(
    path: &Path,
    bytes: &[u8],
    private: bool,
) -> Result<(), BackupError> {
    sla_model::interchange::write_atomically(path, bytes, private)
        .map_err(|e| io("writing", path, e))
}

/// `path` with `suffix` appended to its file name (`drafts.sqlite3` + `-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}
