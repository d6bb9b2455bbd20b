//! Restoring a backup over the store: the backup is checked, the current store backed up first
//! (or, when damaged, moved aside), and the drafts copied in with SQLite's backup API in one
//! write transaction, so a crash at any moment leaves the old store or the restored one.

use std::path::{Component, Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::sqlite;
use crate::fsutil::{rename_durably, sync_file, with_suffix, write_atomically};
use crate::open::{quick_check, set_aside, Damage, Health};
use crate::snapshot::{
    back_up, copy_database, inspect, open_read_only, read_identity_files, BackupInfo, Reason,
    FILES_TABLE, META_TABLE,
};
use crate::{BackupError, DataDir};

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    /// The backup restored.
    pub from: BackupInfo,
    /// The store as it was before, backed up first; `None` when there was no store, or it was
    /// damaged (then see `set_aside`).
    pub safety_backup: Option<BackupInfo>,
    /// The store was damaged: it was moved aside instead of backed up, and never written to.
    pub set_aside: Option<Box<Damage>>,
    /// Identity files written back into `identities/`. Identities made since the backup are
    /// kept: a restore never deletes a key.
    pub identity_files: usize,
}

/// Restores `file` (a backup, or a copy of a drafts database) over the store in `data`. Refuses,
/// changing nothing, a file that is not an SLA Studio drafts database, is from a newer build, or
/// fails `PRAGMA integrity_check`. The store must not be open in this process; a window of
/// another process sees the restored drafts at its next read.
pub fn restore(data: &DataDir, file: &Path, now: DateTime<Utc>) -> Result<Restored, BackupError> {
    let from = inspect(file)?;
    let live = data.store_path();
    if same_file(file, &live) {
        return Err(BackupError::NotAStore {
            path: file.to_path_buf(),
            why: "it is the drafts database in use itself".into(),
        });
    }
    // Everything is read from the backup before anything changes: the backup taken next may
    // rotate the very file being restored away.
    let source = open_read_only(file)?;
    let identities = read_identity_files(&source, file)?;
    for (name, _) in &identities {
        if identity_destination(data, name).is_none() {
            return Err(BackupError::UnsafeName {
                path: file.to_path_buf(),
                name: name.clone(),
            });
        }
    }
    crate::snapshot::remove_stale_temporaries(data.root());
    let staging = data
        .root()
        .join(format!(".restore.{}.sqlite3.tmp", std::process::id()));
    let staged = stage(&source, file, &staging);
    drop(source);
    if let Err(e) = staged {
        remove_with_journal(&staging);
        return Err(e);
    }

    let result = (|| -> Result<_, BackupError> {
        let mut safety_backup = None;
        let mut damage = None;
        if live.is_file() {
            match quick_check(&live)? {
                Health::Sound => safety_backup = Some(back_up(data, Reason::BeforeRestore, now)?),
                Health::Damaged(detail) => damage = Some(Box::new(set_aside(data, &detail, now)?)),
            }
        }
        if live.is_file() {
            let staged = open_read_only(&staging)?;
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let mut dest = Connection::open_with_flags(&live, flags)
                .map_err(|e| sqlite("opening the drafts database", &live, e))?;
            dest.busy_timeout(std::time::Duration::from_secs(5))
                .map_err(|e| sqlite("opening the drafts database", &live, e))?;
            dest.pragma_update(None, "synchronous", "FULL")
                .map_err(|e| sqlite("opening the drafts database", &live, e))?;
            copy_database(&staged, &staging, &mut dest, &live)?;
        } else {
            rename_durably(&staging, &live)?;
        }
        Ok((safety_backup, damage))
    })();
    remove_with_journal(&staging);
    let (safety_backup, set_aside) = result?;

    for (name, bytes) in &identities {
        if let Some(dest) = identity_destination(data, name) {
            if let Some(folder) = dest.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| crate::error::io("creating the identities folder", folder, e))?;
            }
            write_atomically(&dest, bytes, name.ends_with(".p12"))?;
        }
    }
    Ok(Restored {
        from,
        safety_backup,
        set_aside,
        identity_files: identities.len(),
    })
}

/// Copies the backup's drafts into `staging` without the backup's own tables, as one file.
fn stage(source: &Connection, file: &Path, staging: &Path) -> Result<(), BackupError> {
    let _ = std::fs::remove_file(staging);
    let mut copy =
        Connection::open(staging).map_err(|e| sqlite("preparing the restore", staging, e))?;
    copy_database(source, file, &mut copy, staging)?;
    let failed = |e| sqlite("preparing the restore", staging, e);
    copy.pragma_update_and_check(None, "journal_mode", "delete", |r| r.get::<_, String>(0))
        .map_err(failed)?;
    copy.execute_batch(&format!(
        "DROP TABLE IF EXISTS {META_TABLE}; DROP TABLE IF EXISTS {FILES_TABLE};"
    ))
    .map_err(failed)?;
    drop(copy);
    sync_file(staging)
}

fn remove_with_journal(path: &Path) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(with_suffix(path, "-journal"));
}

/// Where an identity file named `identities/...` in a backup goes, or `None` when the name could
/// lead anywhere else (`..`, an absolute path) or is not a key or certificate file.
fn identity_destination(data: &DataDir, name: &str) -> Option<PathBuf> {
    let relative = Path::new(name);
    let mut parts = relative.components();
    if parts.next() != Some(Component::Normal(crate::IDENTITIES_DIR.as_ref())) {
        return None;
    }
    let rest: Vec<_> = parts.collect();
    let fits = match rest.as_slice() {
        [Component::Normal(_)] => name.ends_with(".p12") || name.ends_with(".pem"),
        [Component::Normal(dir), Component::Normal(_)] => {
            *dir == "trusted" && name.ends_with(".pem")
        }
        _ => false,
    };
    fits.then(|| data.root().join(relative))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_files_go_only_into_the_identities_folder() {
        let data = DataDir::new("/data");
        assert_eq!(
            identity_destination(&data, "identities/ab12.p12"),
            Some(PathBuf::from("/data/identities/ab12.p12"))
        );
        assert!(identity_destination(&data, "identities/trusted/x.pem").is_some());
        assert!(identity_destination(&data, "identities/../drafts.sqlite3").is_none());
        assert!(identity_destination(&data, "identities/trusted/x.p12").is_none());
        assert!(identity_destination(&data, "/etc/passwd.pem").is_none());
        assert!(identity_destination(&data, "identities/a/b/c.pem").is_none());
        assert!(identity_destination(&data, "other/x.pem").is_none());
    }
}
