//! Backups, restore and the checked opening on real database files in temporary folders, with
//! the clock injected, and damage made by writing bytes at known offsets.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use rusqlite::Connection;
use sla_backup::{BackupError, DataDir, Health, OpenError, Reason};
use sla_model::Agreement;
use sla_store::Store;

const TEMPLATE: &str = include_str!("../../sla-templates/builtin/sales-marketing.en.json");
const FIXTURE_V1: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../sla-store/tests/fixtures/drafts-v1.sqlite3"
);

/// A fixed moment: no test depends on today's date or the time zone.
fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2031, 5, 6, 9, 0, 0).unwrap()
}

fn agreement(title: &str) -> Agreement {
    let mut a = sla_model::from_json(TEMPLATE).unwrap();
    a.title = title.to_string();
    a
}

struct Env {
    _dir: tempfile::TempDir,
    data: DataDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("data"));
        std::fs::create_dir_all(data.root()).unwrap();
        Env { _dir: dir, data }
    }

    fn store(&self) -> Store {
        Store::open(&self.data.store_path()).unwrap()
    }

    /// Creates drafts with these titles, closing the store after (which checkpoints the log into
    /// the file, so damage written to the file afterwards is what SQLite reads).
    fn create(&self, titles: &[&str]) {
        let mut store = self.store();
        for title in titles {
            store.create(&agreement(title), "").unwrap();
        }
    }

    /// The titles of the drafts not in the trash, read with SQLite itself.
    fn titles(&self) -> BTreeSet<String> {
        let conn = Connection::open(self.data.store_path()).unwrap();
        let mut stmt = conn
            .prepare("SELECT title FROM drafts WHERE trashed_at IS NULL")
            .unwrap();
        let titles = stmt.query_map([], |r| r.get(0)).unwrap();
        titles.map(Result::unwrap).collect()
    }

    fn identity(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.data.identities_dir().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn backup_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.data.backups_dir())
            .map(|entries| {
                entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

fn set(titles: &[&str]) -> BTreeSet<String> {
    titles.iter().map(|t| t.to_string()).collect()
}

/// Overwrites `len` bytes at `offset` with a pattern no SQLite structure has.
fn damage(path: &Path, offset: u64, len: usize) {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(&vec![0xA5; len]).unwrap();
    file.sync_all().unwrap();
}

/// The byte offset of a page of `table` in the database file, found with SQLite's `dbstat`
/// before the damage: its root page, or its leftmost leaf.
fn page_offset(path: &Path, table: &str, leftmost_leaf: bool) -> u64 {
    let conn = Connection::open(path).unwrap();
    let page_size: u64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    let page: u64 = if leftmost_leaf {
        conn.query_row(
            "SELECT pageno FROM dbstat WHERE name = ?1 AND pagetype = 'leaf' ORDER BY path LIMIT 1",
            [table],
            |r| r.get(0),
        )
        .unwrap()
    } else {
        conn.query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = ?1",
            [table],
            |r| r.get(0),
        )
        .unwrap()
    };
    (page - 1) * page_size
}

fn assert_no_write_ahead_log(path: &Path) {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    assert!(!Path::new(&wal).exists(), "{wal:?} left beside the store");
}

#[test]
fn backup_list_and_restore_round_trip_with_identities() {
    let env = Env::new();
    env.create(&["Alpha", "Beta"]);
    let p12 = env.identity("ab12.p12", b"encrypted key bytes \x00\x01\x02");
    let pem = env.identity("ab12.pem", b"-----BEGIN CERTIFICATE-----\nAB\n");
    let trusted = env.identity("trusted/cd34.pem", b"-----BEGIN CERTIFICATE-----\nCD\n");
    env.identity("notes.txt", b"not an identity file");

    let taken = sla_backup::back_up(&env.data, Reason::Manual, t0()).unwrap();
    assert_eq!(taken.drafts, 2);
    assert_eq!(taken.identity_files, 3);
    assert_eq!(taken.reason, Reason::Manual);
    assert_eq!(taken.taken_at, t0());
    assert_eq!(
        taken.path,
        env.data
            .backups_dir()
            .join("drafts-2031-05-06T09-00-00Z-manual.sqlite3")
    );
    // One file: no log beside it, and it reads as an SLA Studio database on its own.
    assert_no_write_ahead_log(&taken.path);
    let inspected = sla_backup::inspect(&taken.path).unwrap();
    assert_eq!(
        inspected.titles.iter().cloned().collect::<BTreeSet<_>>(),
        set(&["Alpha", "Beta"])
    );

    // Later: a third draft, a draft trashed, a key changed and a certificate deleted.
    {
        let mut store = env.store();
        store.create(&agreement("Gamma"), "").unwrap();
        let beta = store.create(&agreement("Beta, trashed"), "").unwrap();
        store.trash(beta.id).unwrap();
    }
    std::fs::write(&p12, b"another key").unwrap();
    std::fs::remove_file(&trusted).unwrap();
    let newer = env.identity("ef56.p12", b"a key made after the backup");

    let restored = sla_backup::restore(&env.data, &taken.path, t0() + TimeDelta::hours(1)).unwrap();
    assert_eq!(restored.from.drafts, 2);
    assert_eq!(restored.identity_files, 3);
    assert!(restored.set_aside.is_none());
    let safety = restored
        .safety_backup
        .expect("the store is backed up before a restore");
    assert_eq!(safety.reason, Reason::BeforeRestore);
    assert_eq!(safety.drafts, 3);
    assert_eq!(safety.in_trash, 1);
    assert_eq!(safety.identity_files, 3);

    assert_eq!(env.titles(), set(&["Alpha", "Beta"]));
    assert_eq!(
        std::fs::read(&p12).unwrap(),
        b"encrypted key bytes \x00\x01\x02"
    );
    assert_eq!(
        std::fs::read(&pem).unwrap(),
        b"-----BEGIN CERTIFICATE-----\nAB\n"
    );
    assert_eq!(
        std::fs::read(&trusted).unwrap(),
        b"-----BEGIN CERTIFICATE-----\nCD\n"
    );
    // A restore never deletes a key.
    assert_eq!(
        std::fs::read(&newer).unwrap(),
        b"a key made after the backup"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&p12).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "a restored key is readable by its owner only"
        );
    }
    // The restored store is a store: it opens, saves and passes its integrity check.
    env.store().create(&agreement("Delta"), "").unwrap();
    assert_eq!(
        sla_backup::check_thoroughly(&env.data.store_path()).unwrap(),
        Health::Sound
    );

    let listed = sla_backup::list(&env.data).unwrap();
    let reasons: Vec<_> = listed.iter().map(|b| b.reason).collect();
    assert_eq!(reasons, vec![Reason::BeforeRestore, Reason::Manual]);
    assert!(listed.iter().all(|b| b.problem.is_none() && b.size > 0));

    // And the safety backup brings the later state back.
    sla_backup::restore(&env.data, &safety.path, t0() + TimeDelta::hours(2)).unwrap();
    assert_eq!(env.titles(), set(&["Alpha", "Beta", "Gamma"]));
}

#[test]
fn backup_to_a_file_refuses_to_overwrite_and_needs_a_store() {
    let env = Env::new();
    let out = env.data.root().join("mine.sqlite3");
    assert!(matches!(
        sla_backup::back_up_to(&env.data, &out, t0()),
        Err(BackupError::NothingToBackUp { .. })
    ));
    env.create(&["Alpha"]);
    let info = sla_backup::back_up_to(&env.data, &out, t0()).unwrap();
    assert_eq!(info.drafts, 1);
    let before = std::fs::read(&out).unwrap();
    let err = sla_backup::back_up_to(&env.data, &out, t0()).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), before);
    // Not in the backups folder, so never rotated or listed there.
    assert!(sla_backup::list(&env.data).unwrap().is_empty());
}

#[test]
fn restore_refuses_what_is_not_a_sound_store_and_changes_nothing() {
    let env = Env::new();
    env.create(&["Alpha"]);
    let dir = env.data.root().to_path_buf();
    let store_bytes = std::fs::read(env.data.store_path()).unwrap();

    let text = dir.join("notes.txt");
    std::fs::write(
        &text,
        "just some text, long enough to look like something ".repeat(40),
    )
    .unwrap();
    let foreign = dir.join("other.sqlite3");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = dir.join("newer.sqlite3");
    std::fs::copy(env.data.store_path(), &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let corrupt = dir.join("corrupt.sqlite3");
    {
        let mut store = env.store();
        for n in 0..20 {
            store
                .create(&agreement(&format!("Filler {n}")), "")
                .unwrap();
        }
    }
    sla_backup::back_up_to(&env.data, &corrupt, t0()).unwrap();
    damage(&corrupt, page_offset(&corrupt, "versions", true), 64);
    let store_bytes_now = std::fs::read(env.data.store_path()).unwrap();
    assert_ne!(store_bytes, store_bytes_now);

    for (file, expected) in [
        (&text, "is not an SLA Studio drafts database"),
        (&foreign, "application id is 0x0"),
        (&newer, "written by a newer SLA Studio (schema 99"),
        (&corrupt, "is damaged"),
        (&dir, "it is a folder"),
        (&env.data.store_path(), "in use itself"),
    ] {
        let err = sla_backup::restore(&env.data, file, t0()).unwrap_err();
        assert!(
            err.to_string().contains(expected),
            "{}: {err}",
            file.display()
        );
        assert!(
            err.to_string().contains(&file.display().to_string()),
            "{err}"
        );
        assert_eq!(
            std::fs::read(env.data.store_path()).unwrap(),
            store_bytes_now
        );
        assert!(
            env.backup_files().is_empty(),
            "a refused restore backs nothing up"
        );
    }
}

#[test]
fn a_backup_is_taken_before_a_migration() {
    let env = Env::new();
    std::fs::copy(FIXTURE_V1, env.data.store_path()).unwrap();
    let opened = sla_backup::open_checked(&env.data, t0()).unwrap();
    let backup = opened.backup.expect("a backup before the migration");
    assert_eq!(backup.reason, Reason::BeforeMigration);
    assert_eq!(backup.schema_version, 1);
    let in_fixture: usize = Connection::open(FIXTURE_V1)
        .unwrap()
        .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(backup.drafts, in_fixture);
    drop(opened.store);
    // The backup is the file as it was: restoring it gives schema 1 back, which opens (and is
    // migrated again, after another backup).
    assert_eq!(sla_backup::inspect(&backup.path).unwrap().schema_version, 1);
    let later = t0() + TimeDelta::hours(1);
    sla_backup::restore(&env.data, &backup.path, later).unwrap();
    let version: i64 = Connection::open(env.data.store_path())
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    let opened = sla_backup::open_checked(&env.data, later).unwrap();
    assert_eq!(
        opened.backup.as_ref().unwrap().reason,
        Reason::BeforeMigration
    );
    drop(opened);
    assert_eq!(env.titles().len(), in_fixture);
}

#[test]
fn the_daily_backup_follows_the_injected_clock() {
    let env = Env::new();
    // No store yet: nothing to back up, and opening creates it.
    let opened = sla_backup::open_checked(&env.data, t0()).unwrap();
    assert!(opened.backup.is_none() && opened.backup_failed.is_none());
    drop(opened);
    env.create(&["Alpha"]);
    let open = |at: DateTime<Utc>| sla_backup::open_checked(&env.data, at).unwrap().backup;
    assert_eq!(open(t0()).unwrap().reason, Reason::Daily);
    assert!(open(t0() + TimeDelta::hours(23)).is_none());
    assert!(open(t0() + TimeDelta::hours(25)).is_some());
    assert_eq!(
        env.backup_files(),
        vec![
            "drafts-2031-05-06T09-00-00Z-daily.sqlite3",
            "drafts-2031-05-07T10-00-00Z-daily.sqlite3",
        ]
    );
}

#[test]
fn rotation_keeps_7_daily_4_weekly_and_recent_special_backups() {
    let env = Env::new();
    env.create(&["Alpha"]);
    // Ninety days of starts at 09:00 and 18:00, a manual backup on day 70, a migration on day 20.
    for day in 0..90 {
        for hour in [0, 9] {
            let now = t0() + TimeDelta::days(day) + TimeDelta::hours(hour);
            sla_backup::back_up_if_due(&env.data, now).unwrap();
            if day == 70 && hour == 0 {
                sla_backup::back_up(&env.data, Reason::Manual, now + TimeDelta::hours(1)).unwrap();
            }
            if day == 20 && hour == 0 {
                sla_backup::back_up(&env.data, Reason::BeforeMigration, now).unwrap();
            }
        }
    }
    let now = t0() + TimeDelta::days(89) + TimeDelta::hours(9);
    let files = env.backup_files();
    let days: Vec<&str> = files
        .iter()
        .map(|f| &f["drafts-".len().."drafts-2031-08-03".len()])
        .collect();
    // Day 89 is 2031-08-03, a Sunday. The last 7 days, one each...
    for day in [
        "2031-07-28",
        "2031-07-29",
        "2031-07-30",
        "2031-07-31",
        "2031-08-01",
        "2031-08-02",
        "2031-08-03",
    ] {
        assert_eq!(
            days.iter().filter(|d| **d == day).count(),
            1,
            "{day}: {files:?}"
        );
    }
    // ...the Sundays ending the three weeks before...
    for day in ["2031-07-27", "2031-07-20", "2031-07-13"] {
        assert!(days.contains(&day), "{day}: {files:?}");
    }
    // ...and the manual backup of day 70 (19 days old); the migration's (69 days old) is gone.
    assert!(
        files.contains(&"drafts-2031-07-15T10-00-00Z-manual.sqlite3".to_string()),
        "{files:?}"
    );
    assert!(
        !files.iter().any(|f| f.contains("before-migration")),
        "{files:?}"
    );
    assert_eq!(files.len(), 7 + 3 + 1, "{files:?}");
    assert!(sla_backup::rotate(&env.data, now).unwrap().is_empty());
    // Files that are not backups are never removed.
    std::fs::write(env.data.backups_dir().join("README.txt"), "mine").unwrap();
    sla_backup::rotate(&env.data, now + TimeDelta::days(400)).unwrap();
    assert!(env.data.backups_dir().join("README.txt").exists());
}

#[test]
fn a_store_damaged_in_its_first_page_is_moved_aside_and_salvaged() {
    let env = Env::new();
    env.create(&["Alpha", "Beta"]);
    sla_backup::back_up(&env.data, Reason::Daily, t0()).unwrap();
    env.create(&["Gamma after the backup"]);
    let path = env.data.store_path();
    assert_no_write_ahead_log(&path);
    // The file's magic string and page size: SQLite then says "file is not a database".
    damage(&path, 0, 24);
    let damaged_bytes = std::fs::read(&path).unwrap();

    assert!(
        matches!(sla_backup::quick_check(&path).unwrap(), Health::Damaged(d) if d.contains("not a database"))
    );
    let later = t0() + TimeDelta::hours(3);
    let Err(OpenError::Damaged(damage)) = sla_backup::open_checked(&env.data, later) else {
        panic!("a damaged store must not open");
    };
    assert_eq!(damage.original, path);
    assert_eq!(
        damage.moved_to,
        env.data
            .root()
            .join("drafts.damaged-2031-05-06T12-00-00Z.sqlite3")
    );
    assert!(!path.exists());
    // Never written to: the moved file is byte for byte the damaged one.
    assert_eq!(std::fs::read(&damage.moved_to).unwrap(), damaged_bytes);
    assert!(
        damage.summary().contains("moved to"),
        "{}",
        damage.summary()
    );
    let newest = damage
        .newest_backup
        .as_ref()
        .expect("the backup is offered");
    assert_eq!(newest.drafts, 2);
    assert_eq!(newest.age(later), TimeDelta::hours(3));
    // The header is rebuilt on a copy, so every draft reads, the later one too.
    let salvaged: BTreeSet<_> = damage
        .salvage
        .drafts
        .iter()
        .map(|d| d.title.clone())
        .collect();
    assert_eq!(salvaged, set(&["Alpha", "Beta", "Gamma after the backup"]));
    assert!(
        damage.salvage.problems.iter().any(|p| p.contains("header")),
        "{:?}",
        damage.salvage.problems
    );

    let folder = env.data.root().join("salvaged");
    let written = sla_backup::write_salvaged(&damage.salvage.drafts, &folder).unwrap();
    assert_eq!(written.len(), 3);
    for file in &written {
        let a = sla_model::read_file(file).unwrap();
        assert!(salvaged.contains(&a.title));
        assert!(file.to_string_lossy().ends_with(".sla.json"));
    }
    // The next opening starts a new store; the backup restores over it.
    drop(sla_backup::open_checked(&env.data, later).unwrap());
    assert!(env.titles().is_empty());
    sla_backup::restore(&env.data, &newest.path, later).unwrap();
    assert_eq!(env.titles(), set(&["Alpha", "Beta"]));
}

#[test]
fn a_store_damaged_in_a_data_page_is_moved_aside_and_salvaged_row_by_row() {
    let env = Env::new();
    let titles: Vec<String> = (0..30).map(|n| format!("Draft {n:02}")).collect();
    env.create(&titles.iter().map(String::as_str).collect::<Vec<_>>());
    sla_backup::back_up(&env.data, Reason::Daily, t0()).unwrap();
    env.create(&["Made after the backup"]);
    let path = env.data.store_path();
    // The leftmost leaf of the versions table: the oldest drafts' rows.
    damage(&path, page_offset(&path, "versions", true), 64);

    let Err(OpenError::Damaged(damage)) = sla_backup::open_checked(&env.data, t0()) else {
        panic!("a damaged store must not open");
    };
    let salvaged: BTreeSet<_> = damage
        .salvage
        .drafts
        .iter()
        .map(|d| d.title.clone())
        .collect();
    assert!(salvaged.contains("Made after the backup"), "{salvaged:?}");
    assert!(
        salvaged.len() < 31,
        "the damaged page's rows cannot be read"
    );
    assert!(!damage.salvage.problems.is_empty());
    // Nothing is lost: what the damage took is in the backup.
    let backed_up: BTreeSet<_> = damage
        .newest_backup
        .as_ref()
        .unwrap()
        .titles
        .iter()
        .cloned()
        .collect();
    let mut all: BTreeSet<String> = titles.iter().cloned().collect();
    all.insert("Made after the backup".into());
    assert_eq!(&backed_up | &salvaged, all);
}

#[test]
fn a_store_damaged_in_its_drafts_table_loses_no_version() {
    let env = Env::new();
    env.create(&["Alpha", "Beta", "Gamma"]);
    let path = env.data.store_path();
    damage(&path, page_offset(&path, "drafts", false), 64);
    assert!(matches!(
        sla_backup::check_thoroughly(&path).unwrap(),
        Health::Damaged(_)
    ));
    let Err(OpenError::Damaged(damage)) = sla_backup::open_checked(&env.data, t0()) else {
        panic!("a damaged store must not open");
    };
    assert!(damage.newest_backup.is_none());
    let salvaged: BTreeSet<_> = damage
        .salvage
        .drafts
        .iter()
        .map(|d| d.title.clone())
        .collect();
    assert_eq!(salvaged, set(&["Alpha", "Beta", "Gamma"]));
}

#[test]
fn a_backup_of_a_damaged_store_is_deleted_and_reported() {
    let env = Env::new();
    let titles: Vec<String> = (0..30).map(|n| format!("Draft {n:02}")).collect();
    env.create(&titles.iter().map(String::as_str).collect::<Vec<_>>());
    let path = env.data.store_path();
    damage(&path, page_offset(&path, "versions", true), 64);
    let err = sla_backup::back_up(&env.data, Reason::Manual, t0()).unwrap_err();
    assert!(
        matches!(
            err,
            BackupError::FailedCheck { .. } | BackupError::StoreDamaged { .. }
        ),
        "{err}"
    );
    assert!(env.backup_files().is_empty(), "{:?}", env.backup_files());
}

#[test]
fn damage_found_while_open_sets_the_store_aside_with_its_log() {
    let env = Env::new();
    env.create(&["Alpha"]);
    let mut store = env.store();
    store.create(&agreement("Only in the log"), "").unwrap();
    let path = env.data.store_path();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    assert!(Path::new(&wal).exists());
    // As the window does when its background check finds damage.
    store.close_without_checkpoint();
    let damage = sla_backup::set_aside(&env.data, "found by the test", t0()).unwrap();
    let mut moved_wal = damage.moved_to.as_os_str().to_owned();
    moved_wal.push("-wal");
    assert!(
        Path::new(&moved_wal).exists(),
        "the log moves with the file"
    );
    assert!(!Path::new(&wal).exists());
    let salvaged: BTreeSet<_> = damage
        .salvage
        .drafts
        .iter()
        .map(|d| d.title.clone())
        .collect();
    assert_eq!(salvaged, set(&["Alpha", "Only in the log"]));
}

#[test]
fn two_backups_in_one_second_are_newest_first_by_when_they_were_taken() {
    let env = Env::new();
    env.create(&["Alpha"]);
    // A name that sorts last ("manual" after "before-restore") taken first, in the same second.
    sla_backup::back_up(&env.data, Reason::Manual, t0()).unwrap();
    env.create(&["Bravo"]);
    let later = t0() + TimeDelta::milliseconds(400);
    sla_backup::back_up(&env.data, Reason::BeforeRestore, later).unwrap();
    let listed = sla_backup::list(&env.data).unwrap();
    assert_eq!(listed[0].reason, Reason::BeforeRestore);
    assert_eq!(listed[0].taken_at, later);
    let newest = sla_backup::newest_good(&env.data).unwrap().unwrap();
    assert_eq!(newest.reason, Reason::BeforeRestore);
    assert_eq!(newest.drafts, 2);
}
