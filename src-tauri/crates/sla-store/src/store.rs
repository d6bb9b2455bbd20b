//! The store: one SQLite connection and the operations the app and the command line use.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Row, ToSql, Transaction, TransactionBehavior,
};
use sla_model::{Agreement, Language};

use crate::background::{Upkeep, BACKSTOP_PAGES};
use crate::error::sqlite;
use crate::location::{self, DATABASE_FILE_NAME};
use crate::page::{Page, PageRequest};
use crate::records::{Draft, DraftId, DraftInfo, VersionInfo};
use crate::schema;
use crate::search;
use crate::StoreError;

/// The drafts database. Every method that writes runs in one transaction, so a crash at any
/// moment leaves either the state before the call or the state after it.
pub struct Store {
    // Declared first so that it stops before `conn` closes.
    upkeep: Option<Upkeep>,
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    /// The version each draft's last autosave through this store added, and when: only such a
    /// version may take the next autosave's edits in its place.
    autosaved: HashMap<DraftId, Autosaved>,
    windows: AutosaveWindows,
}

/// How long one version may keep taking autosaves in its place. The defaults suit a person
/// typing: a pause of two minutes, or ten minutes of work, starts a new version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutosaveWindows {
    /// An autosave replaces the version the previous autosave wrote only if it comes less than
    /// this long after it.
    pub pause: Duration,
    /// Nor unless that version was first written less than this long ago, so that a long
    /// session still leaves a version every so often.
    pub span: Duration,
}

impl Default for AutosaveWindows {
    fn default() -> AutosaveWindows {
        AutosaveWindows {
            pause: Duration::from_secs(2 * 60),
            span: Duration::from_secs(10 * 60),
        }
    }
}

/// A version this store's autosave added.
#[derive(Debug, Clone)]
struct Autosaved {
    version: u32,
    /// The `saved_at` it was last written with: a version of the same number with another time
    /// was written by someone else (after a restore from a backup, say) and is never replaced.
    saved_at: String,
    /// When it was added, and when an autosave last replaced it.
    first: Instant,
    last: Instant,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Saved {
    /// The content equals the latest version: nothing was written.
    Unchanged,
    /// A version with this number and `saved_at` was added, or put in place of the latest.
    Added(u32, String),
    Replaced(u32, String),
}

/// What a save is based on: the version its author last saw, checked against the latest in the
/// same transaction that writes, so that no save overwrites one its author never saw.
#[derive(Debug, Clone, Copy)]
enum Base {
    /// The caller's version, as `save` and `autosave` are given it.
    Version(u32),
    /// The latest, read in this transaction: for changes the store derives from it (rename,
    /// restore), which cannot lose anything that was saved before them.
    Latest,
}

/// Prepared statements kept for reuse: more than the store has, so none is ever prepared twice.
const STATEMENT_CACHE: usize = 64;

/// The columns of `drafts` (aliased `d`) that make a [`DraftInfo`], as [`info_from_row`] reads them.
const INFO_COLUMNS: &str =
    "d.id, d.title, d.marketing, d.sales, d.latest_version, d.created_at, d.updated_at, d.trashed_at";

impl Store {
    /// The data folder: `SLA_STUDIO_DATA_DIR` when set, else the OS application-data folder of
    /// SLA Studio (where Tauri's `app_data_dir()` points). Created when missing.
    pub fn default_dir() -> Result<PathBuf, StoreError> {
        location::default_dir()
    }

    /// The data folder as [`Store::default_dir`] finds it, without creating it: for commands
    /// that only read what may be there (the company's templates).
    pub fn configured_dir() -> Result<PathBuf, StoreError> {
        location::configured_dir()
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
        // rusqlite keeps 16 prepared statements by default, fewer than the store uses (the
        // lists' page queries alone are a dozen): a listing then pushed a save's statements out,
        // and the next save prepared them again, the search index's insert among them.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let upkeep = Upkeep::start(&path);
        if upkeep.is_some() {
            conn.pragma_update(None, "wal_autocheckpoint", BACKSTOP_PAGES)
                .map_err(|e| sqlite(&path, "configuring the connection", e))?;
        }
        Ok(Store {
            upkeep,
            conn,
            path,
            autosaved: HashMap::new(),
            windows: AutosaveWindows::default(),
        })
    }

    /// Opens `drafts.sqlite3` in the data folder only to read it (see [`Store::open_to_read`]);
    /// the folder is not created either.
    pub fn open_default_to_read() -> Result<Store, StoreError> {
        Store::open_to_read(&location::configured_dir()?.join(DATABASE_FILE_NAME))
    }

    /// Opens the database at `path` only to read it, for commands that must leave the drafts as
    /// they found them: a missing file is not created ([`StoreError::NoDatabase`]), an older
    /// schema is not migrated ([`StoreError::Outdated`]), no upkeep runs, and every write through
    /// this store fails (`query_only`). The connection itself is not read-only so that, closing as
    /// the last one, it removes the write-ahead log and shared-memory files as any connection
    /// does; a read-only connection would leave them beside the database.
    pub fn open_to_read(path: &Path) -> Result<Store, StoreError> {
        let path = path.to_path_buf();
        if path.is_dir() {
            return Err(StoreError::IsDirectory { path });
        }
        if !path.is_file() {
            return Err(StoreError::NoDatabase { path });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags)
            .map_err(|e| sqlite(&path, "opening the drafts database", e))?;
        conn.pragma_update(None, "query_only", true)
            .map_err(|e| sqlite(&path, "configuring the connection", e))?;
        match schema::check_header(&conn, &path)? {
            // An empty file (left by an opening that failed) holds no drafts.
            0 => return Err(StoreError::NoDatabase { path }),
            found if found < i64::from(schema::SCHEMA_VERSION) => {
                return Err(StoreError::Outdated {
                    path,
                    found,
                    known: schema::SCHEMA_VERSION,
                })
            }
            _ => {}
        }
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(Store {
            upkeep: None,
            conn,
            path,
            autosaved: HashMap::new(),
            windows: AutosaveWindows::default(),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes the database without the checkpoint SQLite runs when the last connection to a
    /// database closes, which writes the log into the file: for a file found damaged while open,
    /// which must not be written to again (it is then moved aside with its log).
    pub fn close_without_checkpoint(mut self) {
        drop(self.upkeep.take());
        // If SQLite refuses the setting, closing checkpoints as it always did.
        let _ = self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        );
    }

    /// Stores `agreement` as a new draft with one version. `note` says where it came from
    /// ("imported from FILE", "created from template NAME") or is empty.
    pub fn create(&mut self, agreement: &Agreement, note: &str) -> Result<DraftInfo, StoreError> {
        let json = sla_model::to_canonical_json(agreement);
        self.write("creating a draft", |tx, path| {
            insert_draft(tx, path, agreement, &json, note)
        })
    }

    /// Saves `agreement` as the next version of draft `id`, on top of version `base`, the one
    /// its author started from. When `base` is no longer the latest (another window or command
    /// saved since) it writes nothing and returns [`StoreError::Conflict`]: the check and the
    /// write are one transaction, so two processes cannot both pass it. Content equal to the
    /// latest version adds nothing and returns the draft as it is, whatever the base: nothing is
    /// lost. For a save the person asked for; the window's autosave calls [`Store::autosave`].
    pub fn save(
        &mut self,
        id: DraftId,
        agreement: &Agreement,
        base: u32,
    ) -> Result<DraftInfo, StoreError> {
        self.save_noted(id, agreement, base, "")
    }

    /// [`Store::save`] with a note saying why the version exists ("merged the proposal of Igor
    /// Smirnov (Sales)"), shown in the history.
    pub fn save_noted(
        &mut self,
        id: DraftId,
        agreement: &Agreement,
        base: u32,
        note: &str,
    ) -> Result<DraftInfo, StoreError> {
        let json = sla_model::to_canonical_json(agreement);
        self.write(&format!("saving draft {id}"), |tx, path| {
            save_version(
                tx,
                path,
                id,
                agreement,
                &json,
                note,
                Base::Version(base),
                None,
            )
        })
        .map(|(info, _)| info)
    }

    /// Saves `agreement` as draft `id`'s latest content, the way the window saves after each
    /// pause in typing: so that a session does not leave a version per pause, the save replaces
    /// the latest version instead of adding one when all of these hold:
    ///
    /// - this store's previous autosave of the draft added that version, less than
    ///   [`AutosaveWindows::pause`] ago, and first wrote it less than [`AutosaveWindows::span`]
    ///   ago (so a version from another run, another process or an explicit save is never
    ///   replaced);
    /// - it is still the draft's latest version (nothing was saved, restored or renamed since);
    /// - it has not been kept ([`Store::keep_latest`], [`Store::keep_version`]): a version that
    ///   was exported or signed stays exactly as it was.
    ///
    /// Otherwise it adds a version like [`Store::save`]. Either way it is one transaction, as
    /// durable as any other save, content equal to the latest version writes nothing, and a
    /// `base` that is no longer the latest is refused with [`StoreError::Conflict`].
    pub fn autosave(
        &mut self,
        id: DraftId,
        agreement: &Agreement,
        base: u32,
    ) -> Result<DraftInfo, StoreError> {
        let json = sla_model::to_canonical_json(agreement);
        let now = Instant::now();
        let windows = self.windows;
        let since = |then: Instant| now.saturating_duration_since(then);
        self.autosaved.retain(|_, a| since(a.first) < windows.span);
        let replaceable = self
            .autosaved
            .get(&id)
            .filter(|a| since(a.last) < windows.pause)
            .map(|a| (a.version, a.saved_at.clone()));
        let (info, saved) = self.write(&format!("saving draft {id}"), |tx, path| {
            let replaceable = replaceable.as_ref().map(|(v, at)| (*v, at.as_str()));
            save_version(
                tx,
                path,
                id,
                agreement,
                &json,
                "",
                Base::Version(base),
                replaceable,
            )
        })?;
        match saved {
            Saved::Unchanged => {}
            Saved::Added(version, saved_at) => {
                self.autosaved.insert(
                    id,
                    Autosaved {
                        version,
                        saved_at,
                        first: now,
                        last: now,
                    },
                );
            }
            Saved::Replaced(_, saved_at) => {
                if let Some(a) = self.autosaved.get_mut(&id) {
                    a.saved_at = saved_at;
                    a.last = now;
                }
            }
        }
        Ok(info)
    }

    /// The windows within which [`Store::autosave`] replaces the version it last added.
    pub fn autosave_windows(&self) -> AutosaveWindows {
        self.windows
    }

    pub fn set_autosave_windows(&mut self, windows: AutosaveWindows) {
        self.windows = windows;
    }

    /// The latest version of draft `id`, marked kept in the same transaction, so no autosave can
    /// change it between being read and being referred to. For export: the version number the
    /// PDF prints then always means exactly the content it shows.
    pub fn keep_latest(&mut self, id: DraftId) -> Result<Draft, StoreError> {
        self.write(
            &format!("keeping the latest version of draft {id}"),
            |tx, path| {
                let draft = read_version(tx, path, id, None)?;
                mark_kept(tx, path, id, draft.info.version)?;
                Ok(draft)
            },
        )
    }

    /// Marks version `version` of draft `id` kept: autosave will never replace it. Keeping a
    /// version that is already kept changes nothing.
    pub fn keep_version(&mut self, id: DraftId, version: u32) -> Result<(), StoreError> {
        self.write(
            &format!("keeping version {version} of draft {id}"),
            |tx, path| {
                if !mark_kept(tx, path, id, version)? {
                    // Says which of the draft and the version is missing.
                    read_version(tx, path, id, Some(version))?;
                }
                Ok(())
            },
        )
    }

    /// The latest version of draft `id` (also of a draft in the trash).
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
        let versions = self
            .conn
            .prepare_cached(
                "SELECT version, saved_at, title, note, kept_at IS NOT NULL FROM versions
                 WHERE draft_id = ?1 ORDER BY version DESC",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id], |r| {
                    Ok(VersionInfo {
                        version: r.get(0)?,
                        saved_at: r.get(1)?,
                        title: r.get(2)?,
                        note: r.get(3)?,
                        kept: r.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(|e| sqlite(&self.path, format!("reading the history of draft {id}"), e))?;
        // A draft always has a first version, so no rows means no draft.
        if versions.is_empty() {
            return Err(StoreError::DraftNotFound(id));
        }
        Ok(versions)
    }

    /// The draft (not in the trash) whose latest version is the agreement with id `agreement_id`,
    /// the most recently saved when there are several: where a file of that agreement, coming
    /// back from the other head, belongs.
    pub fn find_agreement(&self, agreement_id: &str) -> Result<Option<DraftId>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT d.id FROM drafts d
                 JOIN versions v ON v.draft_id = d.id AND v.version = d.latest_version
                 WHERE d.trashed_at IS NULL AND json_extract(v.agreement_json, '$.id') = ?1
                 ORDER BY d.updated_at DESC, d.id DESC LIMIT 1",
            )
            .and_then(|mut stmt| stmt.query_row([agreement_id], |r| r.get(0)).optional())
            .map_err(|e| {
                sqlite(
                    &self.path,
                    format!("looking for agreement {agreement_id}"),
                    e,
                )
            })
    }

    /// The newest version of draft `id` whose content has this fingerprint
    /// ([`sla_model::fingerprint`]): the version a proposal names as its base, if this computer
    /// has it. Versions that cannot be read are passed over.
    pub fn version_with_fingerprint(
        &self,
        id: DraftId,
        fingerprint: &str,
    ) -> Result<Option<u32>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT version, agreement_json FROM versions WHERE draft_id = ?1
                 ORDER BY version DESC",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(|e| sqlite(&self.path, format!("reading the history of draft {id}"), e))?;
        if rows.is_empty() {
            return Err(StoreError::DraftNotFound(id));
        }
        Ok(rows.into_iter().find_map(|(version, json)| {
            let agreement = sla_model::from_json(&json).ok()?;
            (sla_model::fingerprint(&agreement) == fingerprint).then_some(version)
        }))
    }

    /// Makes version `version` the latest again by saving a copy of it as a new version; the
    /// versions in between stay in the history. Restoring what is already the latest adds nothing.
    pub fn restore_version(&mut self, id: DraftId, version: u32) -> Result<DraftInfo, StoreError> {
        self.write(
            &format!("restoring version {version} of draft {id}"),
            |tx, path| {
                check_writable(tx, path, id)?;
                let old = read_version(tx, path, id, Some(version))?.agreement;
                let json = sla_model::to_canonical_json(&old);
                let note = format!("restored from version {version}");
                save_version(tx, path, id, &old, &json, &note, Base::Latest, None)
                    .map(|(info, _)| info)
            },
        )
    }

    /// A page of the drafts not in the trash, most recently saved first.
    pub fn list(&self, request: &PageRequest) -> Result<Page, StoreError> {
        self.page(Listing::Drafts, None, request, "listing the drafts")
    }

    /// A page of the drafts not in the trash whose latest version contains every word of `query`
    /// (title, departments, names and any other text), each word matching as a prefix, ignoring
    /// case; most recently saved first. A query with no words lists every draft.
    pub fn search(&self, query: &str, request: &PageRequest) -> Result<Page, StoreError> {
        let Some(expression) = search::match_expression(query) else {
            return self.list(request);
        };
        self.page(
            Listing::Drafts,
            Some(&expression),
            request,
            &format!("searching the drafts for {query:?}"),
        )
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
            save_version(
                tx,
                path,
                id,
                &agreement,
                &json,
                "renamed",
                Base::Latest,
                None,
            )
            .map(|(info, _)| info)
        })
    }

    /// Moves draft `id` to the trash. It keeps its history and can be restored until the trash
    /// is emptied; moving a draft that is already there changes nothing.
    pub fn trash(&mut self, id: DraftId) -> Result<(), StoreError> {
        let doing = format!("moving draft {id} to the trash");
        self.write(&doing, |tx, path| {
            let moved = tx
                .prepare_cached(
                    "UPDATE drafts SET trashed_at = ?2 WHERE id = ?1 AND trashed_at IS NULL",
                )
                .and_then(|mut stmt| stmt.execute(params![id, now()]))
                .map_err(|e| sqlite(path, doing.as_str(), e))?;
            if moved == 0 {
                info(tx, path, id)?;
            }
            Ok(())
        })
    }

    /// Takes draft `id` out of the trash; a draft that is not there is left as it is.
    pub fn restore_from_trash(&mut self, id: DraftId) -> Result<(), StoreError> {
        let doing = format!("restoring draft {id} from the trash");
        self.write(&doing, |tx, path| {
            let found = tx
                .prepare_cached("UPDATE drafts SET trashed_at = NULL WHERE id = ?1")
                .and_then(|mut stmt| stmt.execute([id]))
                .map_err(|e| sqlite(path, doing.as_str(), e))?;
            match found {
                0 => Err(StoreError::DraftNotFound(id)),
                _ => Ok(()),
            }
        })
    }

    /// A page of the drafts in the trash, most recently trashed first.
    pub fn list_trash(&self, request: &PageRequest) -> Result<Page, StoreError> {
        self.page(Listing::Trash, None, request, "listing the trash")
    }

    /// How many drafts there are, not counting the trash.
    pub fn count_drafts(&self) -> Result<u64, StoreError> {
        self.conn
            .prepare_cached("SELECT count(*) FROM drafts WHERE trashed_at IS NULL")
            .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)))
            .map_err(|e| sqlite(&self.path, "counting the drafts", e))
    }

    /// How many drafts the trash holds.
    pub fn count_trash(&self) -> Result<u64, StoreError> {
        self.conn
            .prepare_cached("SELECT count(*) FROM drafts WHERE trashed_at IS NOT NULL")
            .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)))
            .map_err(|e| sqlite(&self.path, "counting the drafts in the trash", e))
    }

    /// Deletes the drafts in the trash with all their versions, for good; returns how many.
    pub fn empty_trash(&mut self) -> Result<usize, StoreError> {
        self.write("emptying the trash", |tx, path| {
            const TRASHED: &str = "SELECT id FROM drafts WHERE trashed_at IS NOT NULL";
            tx.execute_batch(&format!(
                "DELETE FROM draft_text WHERE rowid IN ({TRASHED});
                 DELETE FROM versions WHERE draft_id IN ({TRASHED});"
            ))
            .and_then(|()| tx.execute("DELETE FROM drafts WHERE trashed_at IS NOT NULL", []))
            .map_err(|e| sqlite(path, "emptying the trash", e))
        })
    }

    /// A value the UI remembered, such as the open draft or the wizard step.
    pub fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")
            .and_then(|mut stmt| stmt.query_row([key], |r| r.get(0)).optional())
            .map_err(|e| sqlite(&self.path, format!("reading the setting {key:?}"), e))
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .and_then(|mut stmt| stmt.execute([key, value]))
            .map_err(|e| sqlite(&self.path, format!("saving the setting {key:?}"), e))?;
        self.committed();
        Ok(())
    }

    /// Runs `f` in one immediate transaction: the write lock is taken up front, so two processes
    /// saving at once wait for each other instead of failing half-way.
    pub(crate) fn write<T>(
        &mut self,
        doing: &str,
        f: impl FnOnce(&Transaction, &Path) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sqlite(&self.path, doing, e))?;
        // On an error the transaction is dropped, which rolls it back.
        let value = f(&tx, &self.path)?;
        tx.commit().map_err(|e| sqlite(&self.path, doing, e))?;
        self.committed();
        Ok(value)
    }

    fn committed(&self) {
        if let Some(upkeep) = &self.upkeep {
            upkeep.nudge();
        }
    }

    /// One page of `listing`, only drafts matching the FTS5 expression `matching` when given.
    fn page(
        &self,
        listing: Listing,
        matching: Option<&str>,
        request: &PageRequest,
        doing: &str,
    ) -> Result<Page, StoreError> {
        let (key, filter) = (listing.sort_key(), listing.filter());
        let fetch = request.fetch();
        let mut params: Vec<(&str, &dyn ToSql)> = vec![(":fetch", &fetch)];
        if let Some(expression) = &matching {
            params.push((":query", expression));
        }
        // The list's index is walked in order and each draft checked against the search's
        // matches, read once into a temporary set, until the page is full: a word in every draft
        // fills a page within its first rows, a rare word costs one walk of the index. The unary
        // `+` keeps SQLite from turning it around (looking up every match by id, then sorting
        // them all), which the first page of a common word paid for dearly.
        let mut sql = format!("SELECT {INFO_COLUMNS} FROM drafts d WHERE {filter}");
        if matching.is_some() {
            sql.push_str(MATCHES);
        }
        if let Some(cursor) = &request.after {
            sql.push_str(&format!(" AND ({key}, d.id) < (:at, :id)"));
            params.push((":at", &cursor.at));
            params.push((":id", &cursor.id));
        }
        sql.push_str(&format!(" ORDER BY {key} DESC, d.id DESC LIMIT :fetch"));
        let drafts = self.query_infos(&sql, &params[..], doing)?;
        let newer = match &request.after {
            None => Vec::new(),
            Some(cursor) => {
                let mut sql = format!(
                    "SELECT {INFO_COLUMNS} FROM drafts d WHERE {filter} AND {key} > :since"
                );
                if matching.is_some() {
                    sql.push_str(MATCHES);
                }
                sql.push_str(&format!(" ORDER BY {key} DESC, d.id DESC LIMIT :fetch"));
                let mut params = params[..usize::from(matching.is_some()) + 1].to_vec();
                params.push((":since", &cursor.since));
                let mut newer = self.query_infos(&sql, &params[..], doing)?;
                newer.truncate(request.limit.clamp(1, crate::page::MAX_PAGE));
                newer
            }
        };
        Ok(Page::from_rows(drafts, newer, request, listing.sort_time()))
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

/// Keeps the drafts the search matches (see [`Store::page`]).
const MATCHES: &str = " AND +d.id IN (SELECT rowid FROM draft_text WHERE draft_text MATCH :query)";

/// The lists [`Store::page`] reads, each in its own order.
#[derive(Debug, Clone, Copy)]
enum Listing {
    /// The drafts not in the trash, most recently saved first (the `drafts_recent` index's order).
    Drafts,
    /// The trash, most recently trashed first.
    Trash,
}

impl Listing {
    fn sort_key(self) -> &'static str {
        match self {
            Listing::Drafts => "d.updated_at",
            Listing::Trash => "d.trashed_at",
        }
    }

    fn filter(self) -> &'static str {
        match self {
            Listing::Drafts => "d.trashed_at IS NULL",
            Listing::Trash => "d.trashed_at IS NOT NULL",
        }
    }

    fn sort_time(self) -> fn(&DraftInfo) -> &str {
        match self {
            Listing::Drafts => |d| &d.updated_at,
            Listing::Trash => |d| d.trashed_at.as_deref().unwrap_or(&d.updated_at),
        }
    }
}

pub(crate) fn now() -> String {
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
        trashed_at: r.get(7)?,
    })
}

fn info(conn: &Connection, path: &Path, id: DraftId) -> Result<DraftInfo, StoreError> {
    conn.prepare_cached(&format!(
        "SELECT {INFO_COLUMNS} FROM drafts d WHERE d.id = ?1"
    ))
    .and_then(|mut stmt| stmt.query_row([id], info_from_row).optional())
    .map_err(|e| sqlite(path, format!("reading draft {id}"), e))?
    .ok_or(StoreError::DraftNotFound(id))
}

/// Refuses changes to a draft that does not exist or is in the trash.
fn check_writable(conn: &Connection, path: &Path, id: DraftId) -> Result<(), StoreError> {
    match info(conn, path, id)?.trashed_at {
        Some(_) => Err(StoreError::Trashed(id)),
        None => Ok(()),
    }
}

/// Reads one version (the latest when `version` is `None`) and parses its agreement.
fn read_version(
    conn: &Connection,
    path: &Path,
    id: DraftId,
    version: Option<u32>,
) -> Result<Draft, StoreError> {
    struct Found {
        latest: u32,
        created_at: String,
        trashed_at: Option<String>,
        version: Option<(u32, String, String)>,
    }
    // One statement, so the draft and its version come from the same snapshot.
    let row = conn
        .prepare_cached(
            "SELECT d.latest_version, d.created_at, d.trashed_at, v.version, v.saved_at, v.agreement_json
             FROM drafts d
             LEFT JOIN versions v ON v.draft_id = d.id AND v.version = coalesce(?2, d.latest_version)
             WHERE d.id = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_row(params![id, version], |r| {
                let version = match r.get::<_, Option<u32>>(3)? {
                    Some(v) => Some((v, r.get(4)?, r.get(5)?)),
                    None => None,
                };
                Ok(Found { latest: r.get(0)?, created_at: r.get(1)?, trashed_at: r.get(2)?, version })
            })
            .optional()
        })
        .map_err(|e| sqlite(path, format!("reading draft {id}"), e))?;
    let Some(found) = row else {
        return Err(StoreError::DraftNotFound(id));
    };
    let Some((version, saved_at, json)) = found.version else {
        let latest = found.latest;
        return Err(StoreError::VersionNotFound {
            id,
            version: version.unwrap_or(latest),
            latest,
        });
    };
    let agreement = sla_model::from_json(&json).map_err(|source| StoreError::Unreadable {
        id,
        version,
        source,
    })?;
    Ok(Draft {
        info: DraftInfo {
            id,
            title: agreement.title.clone(),
            marketing: agreement.parties.marketing.department.clone(),
            sales: agreement.parties.sales.department.clone(),
            version,
            created_at: found.created_at,
            updated_at: saved_at,
            trashed_at: found.trashed_at,
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
    conn.prepare_cached(
        "INSERT INTO drafts (title, marketing, sales, created_at, updated_at, latest_version)
         VALUES (?1, ?2, ?3, ?4, ?4, 1)",
    )
    .and_then(|mut stmt| {
        let parties = &agreement.parties;
        stmt.execute(params![
            agreement.title,
            parties.marketing.department,
            parties.sales.department,
            at
        ])
    })
    .map_err(|e| sqlite(path, "storing a new draft", e))?;
    let id = conn.last_insert_rowid();
    let version = NewVersion {
        id,
        version: 1,
        saved_at: &at,
        agreement,
        json,
        note,
    };
    insert_version(conn, path, &version)?;
    info(conn, path, id)
}

/// Adds the next version of draft `id` unless `json` equals its latest version; or, when
/// `replaceable` names the latest version (number and `saved_at`) and that version is an ordinary
/// save (no note) that was not kept, puts `json` in its place. Refuses a `base` that is not the
/// latest version.
#[allow(clippy::too_many_arguments)]
fn save_version(
    conn: &Connection,
    path: &Path,
    id: DraftId,
    agreement: &Agreement,
    json: &str,
    note: &str,
    base: Base,
    replaceable: Option<(u32, &str)>,
) -> Result<(DraftInfo, Saved), StoreError> {
    let doing = || format!("saving draft {id}");
    struct Latest {
        version: u32,
        trashed: bool,
        unchanged: bool,
        ordinary: bool,
        saved_at: String,
        note: String,
    }
    // Comparing inside SQLite saves copying the stored JSON out only to compare it.
    let latest = conn
        .prepare_cached(
            "SELECT d.latest_version, d.trashed_at IS NOT NULL, v.agreement_json = ?2,
                    v.note = '' AND v.kept_at IS NULL, v.saved_at, v.note
             FROM drafts d JOIN versions v ON v.draft_id = d.id AND v.version = d.latest_version
             WHERE d.id = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_row(params![id, json], |r| {
                Ok(Latest {
                    version: r.get(0)?,
                    trashed: r.get(1)?,
                    unchanged: r.get(2)?,
                    ordinary: r.get(3)?,
                    saved_at: r.get(4)?,
                    note: r.get(5)?,
                })
            })
            .optional()
        })
        .map_err(|e| sqlite(path, doing(), e))?;
    let Some(found) = latest else {
        return Err(StoreError::DraftNotFound(id));
    };
    if found.trashed {
        return Err(StoreError::Trashed(id));
    }
    if found.unchanged {
        return Ok((info(conn, path, id)?, Saved::Unchanged));
    }
    let latest = found.version;
    if let Base::Version(base) = base {
        if base > latest {
            return Err(StoreError::VersionNotFound {
                id,
                version: base,
                latest,
            });
        }
        if base != latest {
            return Err(StoreError::Conflict {
                id,
                base,
                latest,
                saved_at: found.saved_at,
                note: found.note,
            });
        }
    }
    let ours = replaceable == Some((latest, found.saved_at.as_str()));
    let at = now();
    let version = NewVersion {
        id,
        version: latest + 1,
        saved_at: &at,
        agreement,
        json,
        note,
    };
    let (saved, version) = if ours && found.ordinary && note.is_empty() {
        let version = NewVersion {
            version: latest,
            ..version
        };
        replace_version(conn, path, &version)?;
        (Saved::Replaced(latest, at.clone()), latest)
    } else {
        insert_version(conn, path, &version)?;
        (Saved::Added(version.version, at.clone()), version.version)
    };
    conn.prepare_cached(
        "UPDATE drafts SET title = ?2, marketing = ?3, sales = ?4, updated_at = ?5, latest_version = ?6
         WHERE id = ?1",
    )
    .and_then(|mut stmt| {
        let parties = &agreement.parties;
        stmt.execute(params![
            id,
            agreement.title,
            parties.marketing.department,
            parties.sales.department,
            at,
            version,
        ])
    })
    .map_err(|e| sqlite(path, doing(), e))?;
    Ok((info(conn, path, id)?, saved))
}

/// Marks a version kept; `false` when there is no such version.
fn mark_kept(
    conn: &Connection,
    path: &Path,
    id: DraftId,
    version: u32,
) -> Result<bool, StoreError> {
    conn.prepare_cached(
        "UPDATE versions SET kept_at = coalesce(kept_at, ?3) WHERE draft_id = ?1 AND version = ?2",
    )
    .and_then(|mut stmt| stmt.execute(params![id, version, now()]))
    .map(|changed| changed > 0)
    .map_err(|e| sqlite(path, format!("keeping version {version} of draft {id}"), e))
}

struct NewVersion<'a> {
    id: DraftId,
    version: u32,
    saved_at: &'a str,
    agreement: &'a Agreement,
    json: &'a str,
    note: &'a str,
}

/// Puts new content in place of an existing version and makes it the draft's text in the search
/// index. The version keeps its number and note.
fn replace_version(conn: &Connection, path: &Path, v: &NewVersion) -> Result<(), StoreError> {
    let doing = || format!("storing version {} of draft {}", v.version, v.id);
    conn.prepare_cached(
        "UPDATE versions SET saved_at = ?3, title = ?4, agreement_json = ?5
         WHERE draft_id = ?1 AND version = ?2",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            v.id,
            v.version,
            v.saved_at,
            v.agreement.title,
            v.json
        ])
    })
    .map_err(|e| sqlite(path, doing(), e))?;
    index(conn, path, v)
}

/// Stores a version and makes it the draft's text in the search index.
fn insert_version(conn: &Connection, path: &Path, v: &NewVersion) -> Result<(), StoreError> {
    let doing = || format!("storing version {} of draft {}", v.version, v.id);
    conn.prepare_cached(
        "INSERT INTO versions (draft_id, version, saved_at, title, note, agreement_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            v.id,
            v.version,
            v.saved_at,
            v.agreement.title,
            v.note,
            v.json
        ])
    })
    .map_err(|e| sqlite(path, doing(), e))?;
    index(conn, path, v)
}

/// Makes a version the draft's text in the search index.
fn index(conn: &Connection, path: &Path, v: &NewVersion) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT OR REPLACE INTO draft_text (rowid, body) VALUES (?1, ?2)")
        .and_then(|mut stmt| stmt.execute(params![v.id, search::document_text(v.agreement)]))
        .map(|_| ())
        .map_err(|e| sqlite(path, format!("indexing draft {} for search", v.id), e))
}
