//! The store: one SQLite connection and the operations the app and the command line use.

use std::path::{Path, PathBuf};

use chrono::{SecondsFormat, Utc};
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Row, Transaction, TransactionBehavior,
};
use sla_model::{Agreement, Language};

use crate::error::sqlite;
use crate::location::{self, DATABASE_FILE_NAME};
use crate::records::{Draft, DraftId, DraftInfo, VersionInfo};
use crate::schema;
use crate::StoreError;

/// The drafts database. Every method that writes runs in one transaction, so a crash at any
/// moment leaves either the state before the call or the state after it.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// The columns of `drafts` that make a [`DraftInfo`], in the order [`info_from_row`] reads them.
const INFO_COLUMNS: &str = "id, title, marketing, sales, latest_version, created_at, updated_at";

impl Store {
    /// The data folder: `SLA_STUDIO_DATA_DIR` when set, else the OS application-data folder of
    /// SLA Studio (where Tauri's `app_data_dir()` points). Created when missing.
    pub fn default_dir() -> Result<PathBuf, StoreError> {
        location::default_dir()
    }

    /// Opens `drafts.sqlite3` in [`Store::default_dir`].
    pub fn open_default() -> Result<Store, StoreError> {
        Store::open(&Store::default_dir()?.join(DATABASE_FILE_NAME))
    }

    /// Opens the database at `path`, creating it when missing and migrating it when it was written
    /// by an older build. Files this build must not change are refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let path = path.to_path_buf();
        if path.is_dir() {
            return Err(StoreError::IsDirectory { path });
        }
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            if !folder.is_dir() {
                return Err(StoreError::FolderMissing {
                    folder: folder.to_path_buf(),
                    path,
                });
            }
        }
        // No URI flag: a file named "file:..." is a file, not a URI.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(&path, flags)
            .map_err(|e| sqlite(&path, "opening the drafts database", e))?;
        schema::prepare(&mut conn, &path)?;
        Ok(Store { conn, path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores `agreement` as a new draft with one version. `note` says where it came from
    /// ("imported from FILE", "created from template NAME") or is empty.
    pub fn create(&mut self, agreement: &Agreement, note: &str) -> Result<DraftInfo, StoreError> {
        let json = sla_model::to_canonical_json(agreement);
        self.write("creating a draft", |tx, path| {
            insert_draft(tx, path, agreement, &json, note)
        })
    }

    /// Saves `agreement` as the next version of draft `id`. Content equal to the latest version
    /// adds nothing and returns the draft as it is, so autosave may call this as often as it likes.
    pub fn save(&mut self, id: DraftId, agreement: &Agreement) -> Result<DraftInfo, StoreError> {
        let json = sla_model::to_canonical_json(agreement);
        self.write(&format!("saving draft {id}"), |tx, path| {
            append_version(tx, path, id, agreement, &json, "")
        })
    }

    /// The latest version of draft `id`.
    pub fn get(&self, id: DraftId) -> Result<Draft, StoreError> {
        read_version(&self.conn, &self.path, id, None)
    }

    /// Version `version` of draft `id`; its `info` describes that version (title, parties, when
    /// it was saved), not the latest.
    pub fn get_version(&self, id: DraftId, version: u32) -> Result<Draft, StoreError> {
        read_version(&self.conn, &self.path, id, Some(version))
    }

    /// Every version of draft `id`, newest first.
    pub fn history(&self, id: DraftId) -> Result<Vec<VersionInfo>, StoreError> {
        let doing = || format!("reading the history of draft {id}");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT version, saved_at, title, note FROM versions
                 WHERE draft_id = ?1 ORDER BY version DESC",
            )
            .map_err(|e| sqlite(&self.path, doing(), e))?;
        let versions = stmt
            .query_map([id], |r| {
                Ok(VersionInfo {
                    version: r.get(0)?,
                    saved_at: r.get(1)?,
                    title: r.get(2)?,
                    note: r.get(3)?,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| sqlite(&self.path, doing(), e))?;
        // A draft always has a first version, so no rows means no draft.
        if versions.is_empty() {
            return Err(StoreError::DraftNotFound(id));
        }
        Ok(versions)
    }

    /// Makes version `version` the latest again by saving a copy of it as a new version; the
    /// versions in between stay in the history.
    pub fn restore_version(&mut self, id: DraftId, version: u32) -> Result<DraftInfo, StoreError> {
        self.write(
            &format!("restoring version {version} of draft {id}"),
            |tx, path| {
                check_writable(tx, path, id)?;
                let old = read_version(tx, path, id, Some(version))?.agreement;
                let json = sla_model::to_canonical_json(&old);
                append_version(
                    tx,
                    path,
                    id,
                    &old,
                    &json,
                    &format!("restored from version {version}"),
                )
            },
        )
    }

    /// Every draft, most recently saved first.
    pub fn list(&self) -> Result<Vec<DraftInfo>, StoreError> {
        let sql = format!("SELECT {INFO_COLUMNS} FROM drafts ORDER BY updated_at DESC, id DESC");
        self.query_infos(&sql, [], "listing the drafts")
    }

    /// A new draft holding a copy of the latest version of draft `id`, with a new agreement id and
    /// "(copy)" after its title.
    pub fn duplicate(&mut self, id: DraftId) -> Result<DraftInfo, StoreError> {
        self.write(&format!("duplicating draft {id}"), |tx, path| {
            let mut copy = read_version(tx, path, id, None)?.agreement;
            copy.id = sla_model::new_id();
            copy.title.push_str(match copy.language {
                Language::En => " (copy)",
                Language::Ru => " (копия)",
            });
            let json = sla_model::to_canonical_json(&copy);
            insert_draft(tx, path, &copy, &json, &format!("copied from draft {id}"))
        })
    }

    /// Saves a new version of draft `id` with the title changed.
    pub fn rename(&mut self, id: DraftId, title: &str) -> Result<DraftInfo, StoreError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(StoreError::EmptyTitle);
        }
        self.write(&format!("renaming draft {id}"), |tx, path| {
            check_writable(tx, path, id)?;
            let mut agreement = read_version(tx, path, id, None)?.agreement;
            agreement.title = title.to_string();
            let json = sla_model::to_canonical_json(&agreement);
            append_version(tx, path, id, &agreement, &json, "renamed")
        })
    }

    /// A value the UI remembered, such as the open draft or the wizard step.
    pub fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let doing = || format!("reading the setting {key:?}");
        self.conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")
            .and_then(|mut stmt| stmt.query_row([key], |r| r.get(0)).optional())
            .map_err(|e| sqlite(&self.path, doing(), e))
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .and_then(|mut stmt| stmt.execute([key, value]))
            .map(|_| ())
            .map_err(|e| sqlite(&self.path, format!("saving the setting {key:?}"), e))
    }

    /// Runs `f` in one immediate transaction: the write lock is taken up front, so two processes
    /// saving at once wait for each other instead of failing half-way.
    fn write<T>(
        &mut self,
        doing: &str,
        f: impl FnOnce(&Transaction, &Path) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sqlite(&self.path, doing, e))?;
        let value = f(&tx, &self.path)?;
        tx.commit().map_err(|e| sqlite(&self.path, doing, e))?;
        Ok(value)
    }

    fn query_infos<P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        doing: &str,
    ) -> Result<Vec<DraftInfo>, StoreError> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_map(params, info_from_row)?.collect())
            .map_err(|e| sqlite(&self.path, doing, e))
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn info_from_row(r: &Row) -> rusqlite::Result<DraftInfo> {
    Ok(DraftInfo {
        id: r.get(0)?,
        title: r.get(1)?,
        marketing: r.get(2)?,
        sales: r.get(3)?,
        version: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
        trashed_at: None,
    })
}

fn info(conn: &Connection, path: &Path, id: DraftId) -> Result<DraftInfo, StoreError> {
    conn.prepare_cached(&format!("SELECT {INFO_COLUMNS} FROM drafts WHERE id = ?1"))
        .and_then(|mut stmt| stmt.query_row([id], info_from_row).optional())
        .map_err(|e| sqlite(path, format!("reading draft {id}"), e))?
        .ok_or(StoreError::DraftNotFound(id))
}

/// Refuses changes to a draft that does not exist.
fn check_writable(conn: &Connection, path: &Path, id: DraftId) -> Result<(), StoreError> {
    info(conn, path, id).map(|_| ())
}

/// Reads one version (the latest when `version` is `None`) and parses its agreement.
fn read_version(
    conn: &Connection,
    path: &Path,
    id: DraftId,
    version: Option<u32>,
) -> Result<Draft, StoreError> {
    let doing = || format!("reading draft {id}");
    let row = conn
        .prepare_cached(
            "SELECT d.latest_version, d.created_at, v.version, v.saved_at, v.agreement_json
             FROM drafts d
             LEFT JOIN versions v ON v.draft_id = d.id AND v.version = coalesce(?2, d.latest_version)
             WHERE d.id = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_row(params![id, version], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<u32>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })
            .optional()
        })
        .map_err(|e| sqlite(path, doing(), e))?;
    let Some((latest, created_at, found, saved_at, json)) = row else {
        return Err(StoreError::DraftNotFound(id));
    };
    let (Some(found), Some(saved_at), Some(json)) = (found, saved_at, json) else {
        return Err(StoreError::VersionNotFound {
            id,
            version: version.unwrap_or(latest),
            latest,
        });
    };
    let agreement = sla_model::from_json(&json).map_err(|source| StoreError::Unreadable {
        id,
        version: found,
        source,
    })?;
    Ok(Draft {
        info: DraftInfo {
            id,
            title: agreement.title.clone(),
            marketing: agreement.parties.marketing.department.clone(),
            sales: agreement.parties.sales.department.clone(),
            version: found,
            created_at,
            updated_at: saved_at,
            trashed_at: None,
        },
        agreement,
    })
}

fn insert_draft(
    conn: &Connection,
    path: &Path,
    agreement: &Agreement,
    json: &str,
    note: &str,
) -> Result<DraftInfo, StoreError> {
    let at = now();
    let doing = "storing a new draft";
    conn.prepare_cached(
        "INSERT INTO drafts (title, marketing, sales, created_at, updated_at, latest_version)
         VALUES (?1, ?2, ?3, ?4, ?4, 1)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            agreement.title,
            agreement.parties.marketing.department,
            agreement.parties.sales.department,
            at,
        ])
    })
    .map_err(|e| sqlite(path, doing, e))?;
    let id = conn.last_insert_rowid();
    insert_version(conn, path, id, 1, &at, agreement, json, note)?;
    info(conn, path, id)
}

/// Adds the next version of draft `id` unless `json` equals its latest version.
fn append_version(
    conn: &Connection,
    path: &Path,
    id: DraftId,
    agreement: &Agreement,
    json: &str,
    note: &str,
) -> Result<DraftInfo, StoreError> {
    let doing = || format!("saving draft {id}");
    let latest = conn
        .prepare_cached(
            "SELECT d.latest_version, v.agreement_json = ?2
             FROM drafts d JOIN versions v ON v.draft_id = d.id AND v.version = d.latest_version
             WHERE d.id = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_row(params![id, json], |r| {
                Ok((r.get::<_, u32>(0)?, r.get::<_, bool>(1)?))
            })
            .optional()
        })
        .map_err(|e| sqlite(path, doing(), e))?;
    let Some((latest, unchanged)) = latest else {
        return Err(StoreError::DraftNotFound(id));
    };
    if unchanged {
        return info(conn, path, id);
    }
    let at = now();
    let next = latest + 1;
    insert_version(conn, path, id, next, &at, agreement, json, note)?;
    conn.prepare_cached(
        "UPDATE drafts SET title = ?2, marketing = ?3, sales = ?4, updated_at = ?5, latest_version = ?6
         WHERE id = ?1",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            id,
            agreement.title,
            agreement.parties.marketing.department,
            agreement.parties.sales.department,
            at,
            next,
        ])
    })
    .map_err(|e| sqlite(path, doing(), e))?;
    info(conn, path, id)
}

#[allow(clippy::too_many_arguments)]
fn insert_version(
    conn: &Connection,
    path: &Path,
    id: DraftId,
    version: u32,
    saved_at: &str,
    agreement: &Agreement,
    json: &str,
    note: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO versions (draft_id, version, saved_at, title, note, agreement_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .and_then(|mut stmt| stmt.execute(params![id, version, saved_at, agreement.title, note, json]))
    .map(|_| ())
    .map_err(|e| sqlite(path, format!("storing version {version} of draft {id}"), e))
}
