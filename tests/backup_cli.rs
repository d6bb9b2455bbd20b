//! Backups, restore and recovery from the command line, run as real processes against real
//! files: stores damaged by bytes written at known offsets, and processes killed with SIGKILL in
//! the middle of a backup or a restore.

#[path = "support/env.rs"]
mod env;
#[path = "support/spawn.rs"]
mod spawn;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

use env::Env;
use rusqlite::Connection;

/// The drafts, backups and identities these tests look at through the CLI.
trait Backups {
    fn import(&self, title: &str);
    fn titles(&self) -> BTreeSet<String>;
    fn identity(&self, name: &str, bytes: &[u8]) -> PathBuf;
    fn backups(&self) -> Vec<serde_json::Value>;
    fn snapshot_but_the_lock(&self) -> Vec<(PathBuf, Vec<u8>)>;
}

impl Backups for Env {
    /// Imports an agreement titled `title`; returns once the CLI acknowledged it (exit 0, an id).
    fn import(&self, title: &str) {
        let mut v: serde_json::Value =
            serde_json::from_str(&self.ok(&["template", "sales-marketing"])).unwrap();
        v["title"] = title.into();
        let file = self.file(
            &format!("{}.sla.json", title.replace(' ', "_")),
            serde_json::to_string(&v).unwrap(),
        );
        let id = self.ok(&["import", &file]);
        assert!(id.trim().parse::<i64>().is_ok(), "{id}");
    }
    /// The drafts' titles, as the CLI lists them.
    fn titles(&self) -> BTreeSet<String> {
        let listed: serde_json::Value =
            serde_json::from_str(&self.ok(&["drafts", "--json"])).unwrap();
        listed
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["title"].as_str().unwrap().to_string())
            .collect()
    }
    fn identity(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.data_dir().join("identities").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
    fn backups(&self) -> Vec<serde_json::Value> {
        let listed: serde_json::Value =
            serde_json::from_str(&self.ok(&["backups", "--json"])).unwrap();
        listed.as_array().unwrap().clone()
    }
    /// Every file in the data folder (not below it) with its bytes, but the window's lock.
    fn snapshot_but_the_lock(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = vec![];
        for entry in std::fs::read_dir(self.data_dir()).unwrap() {
            let path = entry.unwrap().path();
            // The lock a window (or a restore) takes: an empty file whose lock is the point.
            if path.is_file() && !path.ends_with("window.lock") {
                files.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
        files.sort();
        files
    }
}

fn set(titles: &[&str]) -> BTreeSet<String> {
    titles.iter().map(|t| t.to_string()).collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Overwrites `len` bytes at `offset` with a pattern no SQLite structure has.
fn damage(path: &Path, offset: u64, len: usize) {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(&vec![0xA5; len]).unwrap();
    file.sync_all().unwrap();
}

/// The offset of the leftmost leaf page of the `versions` table, read before the damage.
fn versions_leaf_offset(path: &Path) -> u64 {
    let conn = Connection::open(path).unwrap();
    let page_size: u64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    let page: u64 = conn
        .query_row(
            "SELECT pageno FROM dbstat WHERE name = 'versions' AND pagetype = 'leaf' ORDER BY path LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (page - 1) * page_size
}

fn integrity(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn damaged_files(env: &Env) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(env.data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("drafts.damaged-") && name.ends_with(".sqlite3")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn backup_list_and_restore_round_trip_with_identities() {
    let env = Env::new();
    env.import("Alpha");
    env.import("Beta");
    let key = env.identity("ab12.p12", b"encrypted key \x00\xff");
    let cert = env.identity("trusted/cd34.pem", b"-----BEGIN CERTIFICATE-----\n");

    let said = env.ok(&["backup"]);
    assert!(
        said.starts_with("backed up 2 drafts and 2 identity files to "),
        "{said}"
    );
    let out = env.dir.path().join("mine.sqlite3");
    let said = env.ok(&["backup", "-o", out.to_str().unwrap()]);
    assert!(said.contains(&out.display().to_string()), "{said}");
    let again = env.run(&["backup", "-o", out.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );

    let listed = env.backups();
    let manual = listed
        .iter()
        .find(|b| b["reason"] == "manual")
        .expect("the manual backup is listed");
    assert_eq!(manual["drafts"], 2);
    assert_eq!(manual["identity_files"], 2);
    assert!(manual["size"].as_u64().unwrap() > 0);
    let table = env.ok(&["backups"]);
    assert!(
        table.contains("manual") && table.contains("2 drafts"),
        "{table}"
    );

    env.import("Gamma");
    std::fs::remove_file(&cert).unwrap();
    std::fs::write(&key, b"changed").unwrap();
    let said = env.ok(&["restore", out.to_str().unwrap()]);
    assert!(
        said.contains("restored 2 drafts and 2 identity files"),
        "{said}"
    );
    assert!(
        said.contains("before-restore"),
        "names the backup of the store as it was: {said}"
    );
    assert_eq!(env.titles(), set(&["Alpha", "Beta"]));
    assert_eq!(std::fs::read(&key).unwrap(), b"encrypted key \x00\xff");
    assert_eq!(
        std::fs::read(&cert).unwrap(),
        b"-----BEGIN CERTIFICATE-----\n"
    );

    // The store as it was before the restore is the newest backup: --latest brings it back.
    let before = env.backups();
    assert_eq!(before[0]["reason"], "before-restore");
    assert_eq!(before[0]["drafts"], 3);
    env.ok(&["restore", "--latest"]);
    assert_eq!(env.titles(), set(&["Alpha", "Beta", "Gamma"]));
    assert_eq!(integrity(&env.store_path()), "ok");
}

#[test]
fn restore_refuses_a_file_that_is_not_a_sound_store() {
    let env = Env::new();
    env.import("Alpha");
    for n in 0..20 {
        env.import(&format!("Filler {n}"));
    }
    let text = env.dir.path().join("notes.txt");
    std::fs::write(&text, "plain text ".repeat(100)).unwrap();
    let corrupt = env.dir.path().join("corrupt.sqlite3");
    env.ok(&["backup", "-o", corrupt.to_str().unwrap()]);
    damage(&corrupt, versions_leaf_offset(&corrupt), 64);
    let missing = env.dir.path().join("missing.sqlite3");

    for (file, expected) in [
        (&text, "is not an SLA Studio drafts database"),
        (&corrupt, "is damaged"),
        (&missing, "missing.sqlite3"),
    ] {
        let before = env.snapshot_but_the_lock();
        let out = env.run(&["restore", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let said = stderr(&out);
        assert!(said.contains(expected), "{said}");
        assert!(said.contains(&file.display().to_string()), "{said}");
        assert!(
            env.snapshot_but_the_lock() == before,
            "a refused restore changed the data folder"
        );
    }
    let out = env.run(&["restore"]);
    assert_eq!(out.status.code(), Some(2), "FILE or --latest is required");
    assert_eq!(env.titles().len(), 21);
}

/// A data folder with two drafts in a backup and a third saved after it.
fn env_with_backup_and_a_later_draft() -> Env {
    let env = Env::new();
    env.import("Alpha");
    env.import("Beta");
    env.ok(&["backup"]);
    env.import("Gamma after the backup");
    env
}

#[test]
fn every_command_on_a_store_damaged_in_its_first_page_says_so_and_moves_it_aside() {
    let commands: &[&[&str]] = &[
        &["drafts"],
        &["show", "1"],
        &["history", "1"],
        &["export", "1", "-o", "out.pdf"],
        &["backup"],
        &["import", "TEMPLATE"],
    ];
    for args in commands {
        let env = env_with_backup_and_a_later_draft();
        let template = env.dir.path().join("t.sla.json");
        std::fs::write(&template, env.ok(&["template", "sales-marketing"])).unwrap();
        // SQLite's magic string and the page size: "file is not a database".
        damage(&env.store_path(), 0, 24);
        let damaged = std::fs::read(env.store_path()).unwrap();
        let pdf = env.dir.path().join("out.pdf");
        let args: Vec<&str> = args
            .iter()
            .map(|a| match *a {
                "TEMPLATE" => template.to_str().unwrap(),
                "out.pdf" => pdf.to_str().unwrap(),
                a => a,
            })
            .collect();
        let out = env.run(&args);
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        let moved = damaged_files(&env);
        assert_eq!(moved.len(), 1, "{args:?}: {said}");
        assert!(
            said.contains(&moved[0].display().to_string()),
            "{args:?} names the moved file: {said}"
        );
        assert!(
            said.contains("is damaged") && said.contains("not a database"),
            "{said}"
        );
        assert!(
            said.contains("sla-studio restore --latest"),
            "{args:?} says how to restore: {said}"
        );
        assert!(said.contains("holds 2 drafts"), "{said}");
        assert!(said.contains("3 drafts could be read"), "{said}");
        assert_eq!(
            std::fs::read(&moved[0]).unwrap(),
            damaged,
            "the damaged file is never written"
        );
        assert!(!pdf.exists());
        let salvaged = moved[0].with_extension("salvaged");
        assert_eq!(std::fs::read_dir(&salvaged).unwrap().count(), 3, "{said}");
    }
}

#[test]
fn restore_latest_on_a_damaged_store_restores_the_backup_and_salvages_the_rest() {
    for first_page in [true, false] {
        let env = env_with_backup_and_a_later_draft();
        for n in 0..20 {
            env.import(&format!("Later {n:02}"));
        }
        let offset = if first_page {
            0
        } else {
            versions_leaf_offset(&env.store_path())
        };
        damage(&env.store_path(), offset, 64);

        let out = env.run(&["restore", "--latest"]);
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{said}");
        let moved = damaged_files(&env);
        assert_eq!(moved.len(), 1);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            moved[0].display().to_string()
        );
        assert!(said.contains("restored 2 drafts"), "{said}");
        assert_eq!(env.titles(), set(&["Alpha", "Beta"]));
        assert_eq!(integrity(&env.store_path()), "ok");

        // Nothing is lost: what is not in the backup was salvaged as agreement files.
        let salvaged: BTreeSet<String> = std::fs::read_dir(moved[0].with_extension("salvaged"))
            .unwrap()
            .map(|e| sla_model::read_file(&e.unwrap().path()).unwrap().title)
            .collect();
        let mut all = set(&["Alpha", "Beta", "Gamma after the backup"]);
        all.extend((0..20).map(|n| format!("Later {n:02}")));
        let restored = env.titles();
        assert_eq!(
            &restored | &salvaged,
            all,
            "first page: {first_page}: {said}"
        );
        // A salvaged draft the backup did not have imports back; one it had is recognised as
        // that draft's version, not stored twice. Which is which is chosen by title, not by the
        // order the folder lists them in, which differs between systems.
        let files: Vec<std::path::PathBuf> = std::fs::read_dir(moved[0].with_extension("salvaged"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        let title_of = |p: &std::path::Path| sla_model::read_file(p).unwrap().title;
        let missing = files
            .iter()
            .find(|p| !restored.contains(&title_of(p)))
            .expect("a draft the backup did not have was salvaged");
        env.ok(&["import", missing.to_str().unwrap()]);
        if let Some(kept) = files.iter().find(|p| restored.contains(&title_of(p))) {
            let out = env.run(&["import", kept.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            assert!(
                String::from_utf8_lossy(&out.stdout).contains("is a new version of draft"),
                "{kept:?}"
            );
        }
    }
}

#[test]
fn restore_latest_with_no_backup_still_sets_the_damaged_store_aside() {
    let env = Env::new();
    env.import("Alpha");
    damage(&env.store_path(), 0, 24);
    let out = env.run(&["restore", "--latest"]);
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("no backup"), "{said}");
    assert_eq!(damaged_files(&env).len(), 1, "{said}");
    assert!(said.contains("1 draft could be read"), "{said}");
}

/// Runs `args` and kills the process with SIGKILL after `delay`, or lets it finish if it is
/// quicker. Returns whether it finished by itself.
fn run_and_kill(env: &Env, args: &[&str], delay: Duration) -> bool {
    let mut child = env
        .cmd()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let finished = child.try_wait().unwrap().is_some();
    if !finished {
        child.kill().unwrap();
    }
    child.wait().unwrap();
    finished
}

/// Every backup in the backups folder passes its integrity check, and no temporary file took a
/// backup's name.
fn assert_backups_sound(env: &Env) {
    for entry in std::fs::read_dir(env.data_dir().join("backups")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        assert_eq!(integrity(&path), "ok", "{name}");
    }
}

#[test]
fn killing_backup_and_restore_at_any_moment_loses_no_acknowledged_save() {
    let env = Env::new();
    let mut acknowledged = BTreeSet::new();
    for n in 0..60 {
        let title = format!("Draft {n:03}");
        env.import(&title);
        acknowledged.insert(title);
    }
    let first = env.dir.path().join("first.sqlite3");
    env.ok(&["backup", "-o", first.to_str().unwrap()]);
    let mut killed = 0;
    for round in 0..16u64 {
        let delay = Duration::from_millis(2 + round * 7);
        let args: Vec<String> = if round % 2 == 0 {
            vec!["backup".into()]
        } else {
            vec!["restore".into(), first.display().to_string()]
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        if !run_and_kill(&env, &args, delay) {
            killed += 1;
        }
        assert_eq!(integrity(&env.store_path()), "ok", "round {round}");
        assert_backups_sound(&env);
        // Every acknowledged save is in the store, or (after a restore that completed) in the
        // backup the restore took first.
        let now = env.titles();
        if !acknowledged.is_subset(&now) {
            let safety = env
                .backups()
                .into_iter()
                .find(|b| b["reason"] == "before-restore")
                .expect("a restore backs the store up first");
            let conn = Connection::open(safety["path"].as_str().unwrap()).unwrap();
            let mut stmt = conn.prepare("SELECT title FROM drafts").unwrap();
            let kept: BTreeSet<String> = stmt
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert!(acknowledged.is_subset(&kept), "round {round}: lost saves");
            // Bring them back for the next round.
            env.ok(&["restore", safety["path"].as_str().unwrap()]);
            assert!(acknowledged.is_subset(&env.titles()));
        }
        let title = format!("After round {round}");
        env.import(&title);
        acknowledged.insert(title);
    }
    assert!(
        killed > 0,
        "no process was killed mid-way: the delays are too long"
    );
}

#[test]
fn restore_waits_for_the_window_on_the_store_to_close() {
    let env = Env::new();
    env.import("Alpha");
    env.ok(&["backup"]);
    env.import("Bravo");
    // What the window holds while it is open: an exclusive lock on this file beside the store.
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(env.data_dir().join("window.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let before = env.snapshot_but_the_lock();
    let out = env.run(&["restore", "--latest"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("open in an SLA Studio window; close it, then restore"),
        "{}",
        stderr(&out)
    );
    assert!(
        env.snapshot_but_the_lock() == before,
        "a refused restore changed the data folder"
    );
    drop(lock);
    env.ok(&["restore", "--latest"]);
    let titles = env.ok(&["drafts"]);
    assert!(
        titles.contains("Alpha") && !titles.contains("Bravo"),
        "{titles}"
    );
}
