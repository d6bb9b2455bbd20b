//! Taking a backup, reading what one holds, and finding the backups in the data folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;

use crate::error::{io, is_damage, sqlite};
use crate::fsutil::{rename_durably, sync_file, with_suffix};
use crate::{BackupError, DataDir};

/// A backup is due at start when the newest one is at least this old.
pub const DAILY_INTERVAL: chrono::TimeDelta = chrono::TimeDelta::days(1);

/// The table inside a backup that says when and why it was taken.
pub(crate) const META_TABLE: &str = "sla_backup_meta";
/// The table inside a backup that holds the identity files, bytes as they were.
pub(crate) const FILES_TABLE: &str = "sla_backup_files";

/// How long a backup waits for a writer holding the database to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// File names: `drafts-2026-12-02T00-55-00Z-daily.sqlite3` (colons are not allowed on Windows).
const NAME_PREFIX: &str = "drafts-";
const NAME_SUFFIX: &str = ".sqlite3";
const STAMP_FORMAT: &str = "%Y-%m-%dT%H-%M-%SZ";
const STAMP_LEN: usize = "2026-12-02T00-55-00Z".len();

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// At start, when the newest backup was a day old or more.
    Daily,
    /// The person asked for it (`sla-studio backup`).
    Manual,
    /// Before the store was migrated to a newer schema.
    BeforeMigration,
    /// Before another backup was restored over the store.
    BeforeRestore,
    /// A drafts database that no backup wrote (a copy of `drafts.sqlite3`), as `inspect` finds it.
    Copy,
}

impl Reason {
    const ALL: [Reason; 5] = [
        Reason::Daily,
        Reason::Manual,
        Reason::BeforeMigration,
        Reason::BeforeRestore,
        Reason::Copy,
    ];

    /// The name in file names and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::Manual => "manual",
            Reason::BeforeMigration => "before-migration",
            Reason::BeforeRestore => "before-restore",
            Reason::Copy => "copy",
        }
    }

    /// In words: "taken before a schema migration".
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::Manual => "asked for",
            Reason::BeforeMigration => "before a schema migration",
            Reason::BeforeRestore => "before a restore",
            Reason::Copy => "a copy of a drafts database",
        }
    }

    fn parse(text: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    pub reason: Reason,
    /// The drafts database's schema version inside it.
    pub schema_version: i64,
    /// Drafts not in the trash.
    pub drafts: usize,
    /// Drafts in the trash.
    pub in_trash: usize,
    /// The titles of the drafts not in the trash, most recently saved first.
    pub titles: Vec<String>,
    /// Identity files (`.p12`, `.pem`) inside it.
    pub identity_files: usize,
    /// The file's size in bytes.
    pub size: u64,
    /// Why the file could not be read, when [`list`] could not (its counts are then 0).
    pub problem: Option<String>,
}

impl BackupInfo {
    /// How long before `now` it was taken.
    pub fn age(&self, now: DateTime<Utc>) -> chrono::TimeDelta {
        now - self.taken_at
    }
}

/// Backs the store up into `backups/` and then rotates the backups there (see [`crate::rotate`]).
pub fn back_up(
    data: &DataDir,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<BackupInfo, BackupError> {
    let dir = data.backups_dir();
    std::fs::create_dir_all(&dir).map_err(|e| io("creating the backups folder", &dir, e))?;
    remove_stale_temporaries(&dir);
    let stem = format!(
        "{NAME_PREFIX}{}-{}",
        now.format(STAMP_FORMAT),
        reason.as_str()
    );
    let mut dest = dir.join(format!("{stem}{NAME_SUFFIX}"));
    let mut n = 2;
    while dest.exists() {
        dest = dir.join(format!("{stem}-{n}{NAME_SUFFIX}"));
        n += 1;
    }
    let info = write_backup(data, &dest, reason, now)?;
    crate::rotate(data, now)?;
    Ok(info)
}

/// Backs the store up into `file` (`sla-studio backup -o FILE`), which must not exist yet. Files
/// outside `backups/` are never rotated.
pub fn back_up_to(
    data: &DataDir,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<BackupInfo, BackupError> {
    if file.exists() {
        return Err(BackupError::Exists {
            path: file.to_path_buf(),
        });
    }
    write_backup(data, file, Reason::Manual, now)
}

/// Takes the daily backup when no backup in `backups/` was taken within [`DAILY_INTERVAL`] of
/// `now`. `None` when none was due, or there is no store yet.
pub fn back_up_if_due(
    data: &DataDir,
    now: DateTime<Utc>,
) -> Result<Option<BackupInfo>, BackupError> {
    if !data.store_path().exists() {
        return Ok(None);
    }
    let recent = named_backups(&data.backups_dir())?
        .iter()
        .any(|(_, taken_at, _)| (now - *taken_at).abs() < DAILY_INTERVAL);
    if recent {
        return Ok(None);
    }
    back_up(data, Reason::Daily, now).map(Some)
}

/// The backups in `backups/`, newest first, read without checking them whole (see [`inspect`]).
/// A file that cannot be read is listed with its [`BackupInfo::problem`].
pub fn list(data: &DataDir) -> Result<Vec<BackupInfo>, BackupError> {
    let mut infos: Vec<BackupInfo> = named_backups(&data.backups_dir())?
        .into_iter()
        .map(|(path, taken_at, reason)| {
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let read = open_read_only(&path).and_then(|conn| read_info(&conn, &path));
            read.unwrap_or_else(|e| BackupInfo {
                path,
                taken_at,
                reason,
                schema_version: 0,
                drafts: 0,
                in_trash: 0,
                titles: vec![],
                identity_files: 0,
                size,
                problem: Some(e.to_string()),
            })
        })
        .collect();
    infos.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.path.cmp(&a.path)));
    Ok(infos)
}

/// Checks that `file` is an SLA Studio drafts database (a backup, or a copy of `drafts.sqlite3`)
/// this build can read and that it passes `PRAGMA integrity_check`, and says what it holds.
pub fn inspect(file: &Path) -> Result<BackupInfo, BackupError> {
    let meta = std::fs::metadata(file).map_err(|e| io("reading", file, e))?;
    if meta.is_dir() {
        return Err(BackupError::NotAStore {
            path: file.to_path_buf(),
            why: "it is a folder".into(),
        });
    }
    let conn = open_read_only(file)?;
    let not_a_store = |why: String| BackupError::NotAStore {
        path: file.to_path_buf(),
        why,
    };
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| {
            if is_damage(&e) {
                not_a_store(format!("SQLite says: {e}"))
            } else {
                sqlite("reading the database header", file, e)
            }
        })?;
    if application_id != sla_store::APPLICATION_ID {
        return Err(not_a_store(format!(
            "its application id is {application_id:#x}, not SLA Studio's {:#x}",
            sla_store::APPLICATION_ID
        )));
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| sqlite("reading the schema version", file, e))?;
    if version > i64::from(sla_store::SCHEMA_VERSION) {
        return Err(BackupError::TooNew {
            path: file.to_path_buf(),
            found: version,
            known: sla_store::SCHEMA_VERSION,
        });
    }
    match run_check(&conn, "integrity_check") {
        Ok(None) => {}
        Ok(Some(detail)) => {
            return Err(BackupError::Damaged {
                path: file.to_path_buf(),
                detail,
            })
        }
        Err(e) if is_damage(&e) => {
            return Err(BackupError::Damaged {
                path: file.to_path_buf(),
                detail: e.to_string(),
            })
        }
        Err(e) => return Err(sqlite("checking the file", file, e)),
    }
    read_info(&conn, file)
}

/// The newest backup in `backups/` that passes [`inspect`]; `None` when there is none.
pub fn newest_good(data: &DataDir) -> Result<Option<BackupInfo>, BackupError> {
    // In the order `list` gives, which goes by the time recorded inside each backup: file names
    // carry only the second, and two backups can be taken in one (a restore's own, say).
    for listed in list(data)? {
        if let Ok(info) = inspect(&listed.path) {
            return Ok(Some(info));
        }
    }
    Ok(None)
}

/// The files in `dir` named like backups, with the time and reason their names carry, newest
/// first. No folder means no backups.
pub(crate) fn named_backups(
    dir: &Path,
) -> Result<Vec<(PathBuf, DateTime<Utc>, Reason)>, BackupError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(io("reading the backups folder", dir, e)),
    };
    let mut found = vec![];
    for entry in entries {
        let entry = entry.map_err(|e| io("reading the backups folder", dir, e))?;
        let path = entry.path();
        if let Some((taken_at, reason)) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(parse_name)
        {
            if path.is_file() {
                found.push((path, taken_at, reason));
            }
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    Ok(found)
}

/// The time and reason a backup's file name carries.
pub(crate) fn parse_name(name: &str) -> Option<(DateTime<Utc>, Reason)> {
    let rest = name.strip_prefix(NAME_PREFIX)?.strip_suffix(NAME_SUFFIX)?;
    let stamp = rest.get(..STAMP_LEN)?;
    let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT)
        .ok()?
        .and_utc();
    let mut reason = rest.get(STAMP_LEN..)?.strip_prefix('-')?;
    // A second backup within the same second has a counter after its reason.
    if let Some((head, tail)) = reason.rsplit_once('-') {
        if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
            reason = head;
        }
    }
    Some((taken_at, Reason::parse(reason)?))
}

/// Temporary files a backup or restore killed mid-way left behind (`.NAME.PID.tmp`, and its
/// `-journal`), once they are an hour old: a younger one may be another process's at work.
pub(crate) fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && (name.ends_with(".tmp") || name.ends_with(".tmp-journal"))) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(3600));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Opens a database file for reading only: nothing done through it can change the file.
pub(crate) fn open_read_only(path: &Path) -> Result<Connection, BackupError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite("opening", path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| sqlite("opening", path, e))?;
    Ok(conn)
}

/// Runs `PRAGMA quick_check` or `integrity_check`: `None` when the answer is "ok", else the
/// first few problems SQLite names.
pub(crate) fn run_check(conn: &Connection, pragma: &str) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}(20)"))?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    if rows.len() == 1 && rows[0] == "ok" {
        return Ok(None);
    }
    let mut detail = rows.iter().take(3).cloned().collect::<Vec<_>>().join("; ");
    if rows.len() > 3 {
        detail.push_str(&format!("; and {} more", rows.len() - 3));
    }
    Ok(Some(detail))
}

/// Writes a backup of the store in `data` to `dest`: the online backup API into a temporary
/// file beside it, the identity files into a table, an integrity check, a flush, a rename.
pub(crate) fn write_backup(
    data: &DataDir,
    dest: &Path,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<BackupInfo, BackupError> {
    let store = data.store_path();
    if !store.exists() {
        return Err(BackupError::NothingToBackUp { path: store });
    }
    let identities = identity_files(data)?;
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dest
        .parent()
        .unwrap_or(Path::new("."))
        .join(format!(".{name}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    let result = (|| {
        {
            let source = open_read_only(&store)?;
            let mut copy =
                Connection::open(&temp).map_err(|e| sqlite("creating the backup", &temp, e))?;
            copy_database(&source, &store, &mut copy, &temp)?;
            finish_backup(&mut copy, &temp, reason, now, &identities)?;
            if let Some(detail) = run_check(&copy, "integrity_check")
                .map_err(|e| sqlite("checking the backup", &temp, e))?
            {
                return Err(BackupError::FailedCheck {
                    path: dest.to_path_buf(),
                    detail,
                });
            }
        }
        sync_file(&temp)?;
        rename_durably(&temp, dest)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        let _ = std::fs::remove_file(with_suffix(&temp, "-journal"));
        return Err(match e {
            BackupError::Sqlite { ref source, .. } if is_damage(source) => {
                BackupError::StoreDamaged {
                    path: store,
                    detail: source.to_string(),
                }
            }
            e => e,
        });
    }
    let conn = open_read_only(dest)?;
    read_info(&conn, dest)
}

/// Copies every page of `source` into `dest` with SQLite's online backup API, in one step: one
/// read transaction, so the copy is the state of one moment even while another process saves.
pub(crate) fn copy_database(
    source: &Connection,
    source_path: &Path,
    dest: &mut Connection,
    dest_path: &Path,
) -> Result<(), BackupError> {
    let backup =
        Backup::new(source, dest).map_err(|e| sqlite("starting the backup", dest_path, e))?;
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        let step = backup
            .step(-1)
            .map_err(|e| sqlite("copying the drafts database", source_path, e))?;
        match step {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(sqlite(
                    "copying the drafts database",
                    source_path,
                    rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                        Some("another process kept the database locked".into()),
                    ),
                ))
            }
            _ => {}
        }
    }
}

/// Makes the copy one self-contained file (no write-ahead log) and adds when and why it was taken
/// and the identity files.
fn finish_backup(
    copy: &mut Connection,
    path: &Path,
    reason: Reason,
    now: DateTime<Utc>,
    identities: &[(String, Vec<u8>)],
) -> Result<(), BackupError> {
    let failed = |e| sqlite("writing the backup", path, e);
    // The copied header says WAL, as the store is; a backup is one file.
    copy.pragma_update_and_check(None, "journal_mode", "delete", |r| r.get::<_, String>(0))
        .map_err(failed)?;
    copy.pragma_update(None, "synchronous", "FULL")
        .map_err(failed)?;
    let tx = copy.transaction().map_err(failed)?;
    tx.execute_batch(&format!(
        "DROP TABLE IF EXISTS {META_TABLE}; DROP TABLE IF EXISTS {FILES_TABLE};
         CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
         CREATE TABLE {FILES_TABLE} (path TEXT PRIMARY KEY, bytes BLOB NOT NULL) WITHOUT ROWID;"
    ))
    .map_err(failed)?;
    let meta = [
        ("taken_at", now.to_rfc3339_opts(SecondsFormat::Micros, true)),
        ("reason", reason.as_str().to_string()),
        ("app_version", env!("CARGO_PKG_VERSION").to_string()),
    ];
    for (key, value) in meta {
        tx.execute(
            &format!("INSERT INTO {META_TABLE} (key, value) VALUES (?1, ?2)"),
            [key, &value],
        )
        .map_err(failed)?;
    }
    for (name, bytes) in identities {
        tx.execute(
            &format!("INSERT INTO {FILES_TABLE} (path, bytes) VALUES (?1, ?2)"),
            rusqlite::params![name, bytes],
        )
        .map_err(failed)?;
    }
    tx.commit().map_err(failed)
}

/// The identity files to back up, by their path relative to the data folder with `/` between
/// names: `identities/*.p12`, `identities/*.pem` and `identities/trusted/*.pem`.
fn identity_files(data: &DataDir) -> Result<Vec<(String, Vec<u8>)>, BackupError> {
    let mut files = vec![];
    for (folder, prefix) in [
        (data.identities_dir(), crate::IDENTITIES_DIR.to_string()),
        (
            data.identities_dir().join("trusted"),
            format!("{}/trusted", crate::IDENTITIES_DIR),
        ),
    ] {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io("reading the identities folder", &folder, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| io("reading the identities folder", &folder, e))?;
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.starts_with('.') || !(name.ends_with(".p12") || name.ends_with(".pem")) {
                continue;
            }
            if !path.is_file() {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| io("reading", &path, e))?;
            files.push((format!("{prefix}/{name}"), bytes));
        }
    }
    files.sort();
    Ok(files)
}

fn table_exists(conn: &Connection, table: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

/// What the database at `path` holds, read through `conn`.
pub(crate) fn read_info(conn: &Connection, path: &Path) -> Result<BackupInfo, BackupError> {
    let failed = |e| sqlite("reading the backup", path, e);
    let fs_meta = std::fs::metadata(path).map_err(|e| io("reading", path, e))?;
    let schema_version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(failed)?;
    let (mut taken_at, mut reason) = (None, Reason::Copy);
    if table_exists(conn, META_TABLE).map_err(failed)? {
        let value = |key: &str| {
            conn.query_row(
                &format!("SELECT value FROM {META_TABLE} WHERE key = ?1"),
                [key],
                |r| r.get::<_, String>(0),
            )
            .optional()
        };
        taken_at = value("taken_at")
            .map_err(failed)?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc));
        reason = value("reason")
            .map_err(failed)?
            .and_then(|r| Reason::parse(&r))
            .unwrap_or(Reason::Copy);
    }
    let taken_at = match taken_at {
        Some(t) => t,
        None => fs_meta
            .modified()
            .map(DateTime::<Utc>::from)
            .map_err(|e| io("reading", path, e))?,
    };
    let mut titles = vec![];
    let mut in_trash = 0;
    if table_exists(conn, "drafts").map_err(failed)? {
        // Schema 1 had no trash.
        let query = if schema_version >= 2 {
            "SELECT title, trashed_at IS NOT NULL FROM drafts ORDER BY updated_at DESC, id DESC"
        } else {
            "SELECT title, 0 FROM drafts ORDER BY updated_at DESC, id DESC"
        };
        let mut stmt = conn.prepare(query).map_err(failed)?;
        let mut rows = stmt.query([]).map_err(failed)?;
        while let Some(row) = rows.next().map_err(failed)? {
            if row.get::<_, bool>(1).map_err(failed)? {
                in_trash += 1;
            } else {
                titles.push(row.get::<_, String>(0).map_err(failed)?);
            }
        }
    }
    let identity_files = if table_exists(conn, FILES_TABLE).map_err(failed)? {
        conn.query_row(&format!("SELECT count(*) FROM {FILES_TABLE}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(failed)? as usize
    } else {
        0
    };
    Ok(BackupInfo {
        path: path.to_path_buf(),
        taken_at,
        reason,
        schema_version,
        drafts: titles.len(),
        in_trash,
        titles,
        identity_files,
        size: fs_meta.len(),
        problem: None,
    })
}

/// The identity files inside a backup, by relative path.
pub(crate) fn read_identity_files(
    conn: &Connection,
    path: &Path,
) -> Result<Vec<(String, Vec<u8>)>, BackupError> {
    let failed = |e| sqlite("reading the identities in the backup", path, e);
    if !table_exists(conn, FILES_TABLE).map_err(failed)? {
        return Ok(vec![]);
    }
    let mut stmt = conn
        .prepare(&format!(
            "SELECT path, bytes FROM {FILES_TABLE} ORDER BY path"
        ))
        .map_err(failed)?;
    let files = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(failed)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(failed)?;
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_time_and_reason() {
        let (t, r) = parse_name("drafts-2026-12-02T00-55-00Z-before-migration.sqlite3").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-12-02T00:55:00+00:00");
        assert_eq!(r, Reason::BeforeMigration);
        let (_, r) = parse_name("drafts-2026-12-02T00-55-00Z-daily-3.sqlite3").unwrap();
        assert_eq!(r, Reason::Daily);
        assert!(parse_name("drafts-2026-12-02T00-55-00Z-weekly.sqlite3").is_none());
        assert!(parse_name("drafts.sqlite3").is_none());
        assert!(parse_name(".drafts-2026-12-02T00-55-00Z-daily.sqlite3.12.tmp").is_none());
    }
}
