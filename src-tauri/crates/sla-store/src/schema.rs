//! The database layout and its migrations. `PRAGMA user_version` holds the schema version; each
//! migration runs in one transaction, so a crash mid-migration leaves the previous version whole.
//! Migrations are only ever appended: an existing step is never edited once released.

use std::path::Path;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::sqlite;
use crate::search;
use crate::StoreError;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 5;

/// `PRAGMA application_id` of a drafts database ("SLAS"), telling it apart from other SQLite files
/// (and a backup of one, which is a drafts database too).
pub const APPLICATION_ID: i64 = 0x534C_4153;

/// Waits this long for another process's write to finish before reporting the database busy.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Schema 1: drafts, their versions, and the UI's settings.
const V1: &str = "
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    marketing TEXT NOT NULL,
    sales TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    latest_version INTEGER NOT NULL
);
CREATE TABLE versions (
    draft_id INTEGER NOT NULL REFERENCES drafts(id),
    version INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    title TEXT NOT NULL,
    note TEXT NOT NULL,
    agreement_json TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
";

/// Schema 2: the trash, and full-text search over the latest version of every draft. The search
/// index is contentless (it keeps no copy of the text, only the words), and `contentless_delete`
/// lets a save replace a draft's entry.
const V2: &str = "
ALTER TABLE drafts ADD COLUMN trashed_at TEXT;
CREATE VIRTUAL TABLE draft_text USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
";

/// Schema 3, for speed with thousands of drafts. `drafts_recent` holds the list in its order with
/// every column it shows, so listing reads one index front to back and sorts nothing. The search
/// index no longer merges its segments inside saves (`automerge` 0): the store's upkeep thread
/// does it while the saves pause (see `background`).
const V3: &str = "
CREATE INDEX drafts_recent ON drafts (
    updated_at DESC, id DESC, title, marketing, sales, latest_version, created_at, trashed_at
) WHERE trashed_at IS NULL;
INSERT INTO draft_text (draft_text, rank) VALUES ('automerge', 0);
";

/// Schema 4: a version can be marked kept (it was exported, signed, or otherwise referred to by
/// its number), so that autosave never replaces it with later edits.
const V4: &str = "
ALTER TABLE versions ADD COLUMN kept_at TEXT;
";

/// Schema 5: the agreement's life after signing. Each review period of a draft keeps the figures
/// computed for it with the definition and mapping they were computed with; recomputing or
/// re-importing a period marks the earlier result replaced instead of deleting it. The leads of an
/// imported export are kept (as JSON) so that a period can be recomputed without the file.
/// Figures, mappings and leads are the compliance crate's JSON: the store keeps them as text.
const V5: &str = "
CREATE TABLE review_mappings (
    draft_id INTEGER PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
    mapping_json TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE review_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    file_name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    format TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    leads_json TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE review_actuals (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    metric_id TEXT NOT NULL,
    value REAL NOT NULL,
    entered_by TEXT NOT NULL,
    note TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    PRIMARY KEY (draft_id, period, metric_id)
);
CREATE TABLE review_results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    version INTEGER NOT NULL,
    import_id INTEGER REFERENCES review_imports(id),
    definition_json TEXT NOT NULL,
    mapping_json TEXT NOT NULL,
    figures_json TEXT NOT NULL,
    computed_at TEXT NOT NULL,
    replaced_at TEXT
);
CREATE UNIQUE INDEX review_results_current ON review_results (draft_id, period)
    WHERE replaced_at IS NULL;
CREATE TABLE review_actions (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    consequence TEXT NOT NULL,
    note TEXT NOT NULL,
    done_at TEXT NOT NULL,
    PRIMARY KEY (draft_id, period, consequence)
);
";

type Step = fn(&Transaction, &Path) -> Result<(), StoreError>;

/// `MIGRATIONS[n]` brings a database from schema `n` to `n + 1`.
const MIGRATIONS: [Step; SCHEMA_VERSION as usize] = [to_v1, to_v2, to_v3, to_v4, to_v5];

fn to_v1(tx: &Transaction, path: &Path) -> Result<(), StoreError> {
    tx.execute_batch(V1)
        .map_err(|e| sqlite(path, "creating the drafts tables", e))?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(|e| sqlite(path, "marking the file as a drafts database", e))
}

fn to_v2(tx: &Transaction, path: &Path) -> Result<(), StoreError> {
    let indexing = |e| sqlite(path, "indexing the drafts for search", e);
    tx.execute_batch(V2)
        .map_err(|e| sqlite(path, "adding the trash and the search index", e))?;
    let mut latest = tx
        .prepare(
            "SELECT d.id, v.agreement_json FROM drafts d
             JOIN versions v ON v.draft_id = d.id AND v.version = d.latest_version",
        )
        .map_err(indexing)?;
    let mut index = tx
        .prepare("INSERT INTO draft_text (rowid, body) VALUES (?1, ?2)")
        .map_err(indexing)?;
    let mut rows = latest.query([]).map_err(indexing)?;
    while let Some(row) = rows.next().map_err(indexing)? {
        let id: i64 = row.get(0).map_err(indexing)?;
        let json: String = row.get(1).map_err(indexing)?;
        index
            .execute(rusqlite::params![id, search::stored_text(&json)])
            .map_err(indexing)?;
    }
    Ok(())
}

fn to_v3(tx: &Transaction, path: &Path) -> Result<(), StoreError> {
    tx.execute_batch(V3)
        .map_err(|e| sqlite(path, "indexing the drafts list", e))
}

fn to_v4(tx: &Transaction, path: &Path) -> Result<(), StoreError> {
    tx.execute_batch(V4)
        .map_err(|e| sqlite(path, "adding kept versions", e))
}

fn to_v5(tx: &Transaction, path: &Path) -> Result<(), StoreError> {
    tx.execute_batch(V5)
        .map_err(|e| sqlite(path, "adding review periods", e))
}

/// Checks that the file is a drafts database this build can read, sets the connection up for
/// durable saves, and migrates it to [`SCHEMA_VERSION`]. A file this build must not touch (not
/// SQLite, another program's, or from a newer build) is refused before anything is written.
pub(crate) fn prepare(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    check_header(conn, path)?;

    // WAL lets the window read while the command line writes, and never rewrites the database in
    // place during a transaction. Where a file system cannot share memory for WAL, SQLite keeps
    // its rollback journal, which is as durable; the mode it reports is therefore not checked.
    conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get::<_, String>(0))
        .map_err(|e| sqlite(path, "switching to write-ahead logging", e))?;
    configure(conn, path)?;
    migrate(conn, path)
}

/// Sets the busy timeout and checks, reading only, that the file is a drafts database this build
/// may open (or an empty file to make one of); returns its schema version.
pub(crate) fn check_header(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| sqlite(path, "setting the busy timeout", e))?;
    let reading = |e| sqlite(path, "reading the database header", e);
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(reading)?;
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(reading)?;
    if application_id != APPLICATION_ID {
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(reading)?;
        if found != 0 || application_id != 0 || objects != 0 {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
            });
        }
    }
    if found < 0 {
        return Err(StoreError::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    if found > i64::from(SCHEMA_VERSION) {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(found)
}

/// What every connection to a drafts database needs, the upkeep thread's included.
pub(crate) fn configure(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let configuring = |e| sqlite(path, "configuring the connection", e);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(configuring)?;
    // synchronous=FULL syncs the log at every commit, so a save that returned survives a power
    // cut too, not only a crash of the program; a checkpoint syncs the database before the log
    // is reused.
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(configuring)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(configuring)?;
    if cfg!(target_os = "macos") {
        // macOS fsync() leaves data in the drive's cache; F_FULLFSYNC is what makes it durable.
        conn.pragma_update(None, "fullfsync", true)
            .map_err(configuring)?;
    }
    Ok(())
}

fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sqlite(path, "starting a schema migration", e))?;
        // Read again inside the write lock: another process may have migrated meanwhile.
        let current: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| sqlite(path, "reading the schema version", e))?;
        if current < 0 {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
            });
        }
        if current > i64::from(SCHEMA_VERSION) {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        if current == i64::from(SCHEMA_VERSION) {
            return Ok(());
        }
        let next = current + 1;
        let doing = format!("migrating the drafts database to schema {next}");
        MIGRATIONS[current as usize](&tx, path)?;
        tx.pragma_update(None, "user_version", next)
            .map_err(|e| sqlite(path, doing.clone(), e))?;
        tx.commit().map_err(|e| sqlite(path, doing, e))?;
    }
}
