//! The database file itself: migrating an older one, refusing files this build must not touch,
//! and reporting damaged content instead of panicking.

mod common;

use std::path::Path;

use common::{english, temp_store, Everything};
use rusqlite::Connection;
use sla_store::{Store, StoreError, SCHEMA_VERSION};

const V1_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/drafts-v1.sqlite3"
);

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// A row of the schema-1 `versions` table.
#[derive(Debug, PartialEq)]
struct StoredVersion {
    draft: i64,
    version: u32,
    saved_at: String,
    title: String,
    note: String,
    json: String,
}

#[test]
fn a_schema_1_database_is_migrated_keeping_every_draft_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_path(&dir);
    std::fs::copy(V1_FIXTURE, &path).unwrap();
    assert_eq!(user_version(&path), 1);

    // What the older build left, read straight from its tables.
    let (drafts, versions) = {
        let conn = Connection::open(&path).unwrap();
        let drafts: Vec<(i64, String, String, String, u32, String, String)> = conn
            .prepare("SELECT id, title, marketing, sales, latest_version, created_at, updated_at FROM drafts ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let versions: Vec<StoredVersion> = conn
            .prepare("SELECT draft_id, version, saved_at, title, note, agreement_json FROM versions ORDER BY draft_id, version")
            .unwrap()
            .query_map([], |r| {
                Ok(StoredVersion {
                    draft: r.get(0)?,
                    version: r.get(1)?,
                    saved_at: r.get(2)?,
                    title: r.get(3)?,
                    note: r.get(4)?,
                    json: r.get(5)?,
                })
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        (drafts, versions)
    };
    assert_eq!(drafts.len(), 4);
    assert_eq!(versions.len(), 8);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), i64::from(SCHEMA_VERSION));

    // Every draft, with the same summary; newest first.
    let mut listed = store.all_drafts().unwrap();
    listed.reverse();
    let summaries: Vec<_> = listed
        .iter()
        .map(|d| {
            let (id, title, marketing, sales) =
                (d.id, d.title.clone(), d.marketing.clone(), d.sales.clone());
            (
                id,
                title,
                marketing,
                sales,
                d.version,
                d.created_at.clone(),
                d.updated_at.clone(),
            )
        })
        .collect();
    assert_eq!(summaries, drafts);
    assert!(listed.iter().all(|d| d.trashed_at.is_none()));

    // Every version, byte for byte, with its history line.
    for v in &versions {
        let draft = store.get_version(v.draft, v.version).unwrap();
        assert_eq!(
            sla_model::to_canonical_json(&draft.agreement),
            v.json,
            "draft {} v{}",
            v.draft,
            v.version
        );
        assert_eq!(draft.info.updated_at, v.saved_at);
    }
    for (id, ..) in &drafts {
        let history = store.history(*id).unwrap();
        let mut expected: Vec<_> = versions.iter().filter(|v| v.draft == *id).collect();
        expected.reverse();
        let got: Vec<_> = history
            .iter()
            .map(|h| (h.version, &h.saved_at, &h.title, &h.note))
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|v| (v.version, &v.saved_at, &v.title, &v.note))
            .collect();
        assert_eq!(got, want);
        // Nothing older builds saved is marked kept; none of it can be replaced by an autosave
        // either, as no autosave of this store added it.
        assert!(history.iter().all(|h| !h.kept));
    }
    assert_eq!(store.history(1).unwrap()[0].note, "restored from version 1");
    assert_eq!(
        store.get_setting("open_draft").unwrap().as_deref(),
        Some("2")
    );
    assert_eq!(
        store.get_setting("step").unwrap().as_deref(),
        Some("monitoring")
    );

    // The new schema works on the old data: search was indexed, the trash is there.
    let found = |store: &Store, q: &str| {
        store
            .search_all(q)
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(found(&store, "петров"), [2]);
    assert_eq!(found(&store, "ОТДЕЛ ПРОДАЖ"), [2]);
    assert_eq!(found(&store, "kuznets"), [4]);
    assert_eq!(found(&store, "inside sales"), [4]);
    assert_eq!(found(&store, "copy"), [3]);
    store.trash(4).unwrap();
    assert_eq!(store.all_trash().unwrap().len(), 1);
    let mut edited = store.get(2).unwrap().agreement;
    edited.notes = "после миграции".into();
    assert_eq!(store.save(2, &edited, 2).unwrap().version, 3);
    assert_eq!(found(&store, "миграции"), [2]);
    store.keep_version(2, 2).unwrap();
    let kept: Vec<bool> = store.history(2).unwrap().iter().map(|h| h.kept).collect();
    assert_eq!(kept, [false, true, false]);

    // Opening again finds nothing to migrate and changes nothing.
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.all_drafts().unwrap().len(), 3);
    assert_eq!(user_version(&path), i64::from(SCHEMA_VERSION));
}

#[test]
fn a_database_from_a_newer_build_is_refused_untouched() {
    let (dir, mut store) = temp_store();
    store.create(&english(), "").unwrap();
    drop(store);
    let path = common::db_path(&dir);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(&path)
        .err()
        .expect("a newer database must be refused");
    assert!(matches!(
        err,
        StoreError::TooNew {
            found,
            known: SCHEMA_VERSION,
            ..
        } if found == i64::from(SCHEMA_VERSION) + 1
    ));
    assert!(
        err.to_string().starts_with(&format!(
            "the drafts database at {} was written by a newer SLA Studio (schema {}; this build knows {SCHEMA_VERSION})",
            path.display(),
            SCHEMA_VERSION + 1
        )),
        "{err}"
    );
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the database was changed"
    );
    assert_eq!(user_version(&path), i64::from(SCHEMA_VERSION) + 1);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_path(&dir);
    let content = "Quarterly notes, not a database.\n".repeat(300);
    std::fs::write(&path, &content).unwrap();

    let err = Store::open(&path)
        .err()
        .expect("a text file must be refused");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with(&format!(
            "{} is not an SLA Studio drafts database",
            path.display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
    assert!(!dir.path().join("drafts.sqlite3-wal").exists());
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_path(&dir);
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Anna');")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path)
        .err()
        .expect("a foreign database must be refused");
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err:?}");
    assert!(std::fs::read(&path).unwrap() == before);
}

#[test]
fn paths_that_cannot_hold_a_database_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("drafts.sqlite3");
    let err = Store::open(&missing).err().unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot open the drafts database {}: the folder {} does not exist",
            missing.display(),
            dir.path().join("no-such-folder").display()
        )
    );
    let err = Store::open(dir.path()).err().unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot open the drafts database {}: it is a folder, not a file",
            dir.path().display()
        )
    );
}

#[test]
fn a_stored_agreement_that_no_longer_parses_is_reported_by_draft_and_version() {
    let (dir, mut store) = temp_store();
    let id = store.create(&english(), "").unwrap().id;
    let mut edited = english();
    edited.notes = "second".into();
    store.save(id, &edited, 1).unwrap();
    let conn = Connection::open(common::db_path(&dir)).unwrap();
    conn.execute(
        "UPDATE versions SET agreement_json = '{\"schema_version\": 1, \"id\": 7}' WHERE draft_id = ?1 AND version = 2",
        [id],
    )
    .unwrap();

    let err = store.get(id).unwrap_err();
    assert!(
        matches!(err, StoreError::Unreadable { version: 2, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("draft {id} version 2 cannot be read: ")),
        "{err}"
    );
    // The rest of the draft still works: its list entry, history, older versions.
    assert_eq!(store.all_drafts().unwrap()[0].version, 2);
    assert_eq!(store.history(id).unwrap().len(), 2);
    assert_eq!(store.get_version(id, 1).unwrap().agreement, english());
    assert!(matches!(
        store.duplicate(id),
        Err(StoreError::Unreadable { .. })
    ));
    assert!(matches!(
        store.rename(id, "x"),
        Err(StoreError::Unreadable { .. })
    ));
    // Saving a good version over it, or restoring an older one, repairs it.
    store.restore_version(id, 1).unwrap();
    assert_eq!(store.get(id).unwrap().agreement, english());

    conn.execute(
        "UPDATE versions SET agreement_json = 'not json' WHERE draft_id = ?1 AND version = 1",
        [id],
    )
    .unwrap();
    let err = store.get_version(id, 1).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "draft {id} version 1 cannot be read: malformed JSON"
        )),
        "{err}"
    );
}

#[test]
fn a_damaged_database_gives_an_error_not_a_panic() {
    let (dir, mut store) = temp_store();
    for i in 0..20 {
        let mut a = english();
        a.notes = format!("draft number {i} ").repeat(200);
        store.create(&a, "").unwrap();
    }
    drop(store);
    let path = common::db_path(&dir);
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 64 * 1024);
    // Scribble over everything after the first two pages, leaving the header readable.
    for (i, b) in bytes.iter_mut().enumerate().skip(8192) {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();

    let outcome = Store::open(&path).and_then(|store| {
        store.all_drafts()?;
        store.search_all("draft")?;
        store.get(3)?;
        Ok(())
    });
    let err = outcome.expect_err("reading scribbled pages must fail");
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
    assert!(err.to_string().contains("is damaged"), "{err}");
}

#[test]
fn the_log_is_copied_into_the_database_while_the_store_stays_open() {
    let (dir, mut store) = temp_store();
    let path = common::db_path(&dir);
    let id = store.create(&english(), "").unwrap().id;
    let before = std::fs::metadata(&path).unwrap().len();
    for i in 0..50 {
        let mut a = english();
        a.notes = format!("edit {i} ").repeat(400);
        store.save(id, &a, i + 1).unwrap();
    }
    // Saves only append to the log; the database file grows when a checkpoint copies them in,
    // which the checkpoint thread does once the saves pause, with the store still open.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::fs::metadata(&path).unwrap().len() <= before {
        assert!(
            std::time::Instant::now() < deadline,
            "no checkpoint while the store was open"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(store.history(id).unwrap().len(), 51);
}

#[test]
fn the_search_index_is_merged_while_the_store_stays_open() {
    let (dir, mut store) = temp_store();
    let conn = Connection::open(common::db_path(&dir)).unwrap();
    let segments = || -> i64 {
        conn.query_row("SELECT count(*) FROM draft_text_data", [], |r| r.get(0))
            .unwrap()
    };
    // Each save leaves its words in a segment of its own; twelve stay below the level at which
    // FTS5 would merge inside a save. The upkeep thread merges whenever the saves pause, which on
    // a busy machine may be between two of these saves: so any drop in the count, during the
    // saves or after them, is the merge. With four or more unmerged segments left after the
    // last save, the next pause merges them; with fewer, a merge already happened in between.
    let mut last = segments();
    let mut merged = false;
    for i in 0..12 {
        let mut a = english();
        a.notes = format!("note {i}");
        store.create(&a, "").unwrap();
        let now = segments();
        merged |= now < last;
        last = now;
    }
    // Generous: the thread needs only to be scheduled, not to be quick.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !merged {
        assert!(
            std::time::Instant::now() < deadline,
            "the search index was never merged"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        let now = segments();
        merged |= now < last;
        last = now;
    }
    let found: Vec<_> = store
        .search_all("note 7")
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(store.search_all("note").unwrap().len(), 12);
}
