//! `sla-studio save`, run as real processes racing each other and a window's store on one drafts
//! database: a save based on a version that is no longer the latest is refused with exit 2 and a
//! message, and no acknowledged save is ever overwritten.

#[path = "support/env.rs"]
mod env;
#[path = "support/spawn.rs"]
mod spawn;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use env::Env;
use sla_store::{Store, StoreError};

/// Drafts saved over and over, and what each version holds.
trait Saves {
    fn with_data_dir() -> Env;
    fn piped(&self, args: &[&str]) -> Command;
    fn agreement(&self, name: &str, notes: &str) -> PathBuf;
    fn notes(&self, id: &str, version: u32) -> String;
    fn versions(&self, id: &str) -> usize;
}

impl Saves for Env {
    /// A temporary folder whose data folder is already there.
    fn with_data_dir() -> Env {
        let env = Env::new();
        std::fs::create_dir(env.data_dir()).unwrap();
        env
    }
    /// The CLI with `args`, its output captured, to start in the background.
    fn piped(&self, args: &[&str]) -> Command {
        let mut cmd = self.cmd();
        cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
        cmd
    }
    /// An agreement file whose notes say `notes`.
    fn agreement(&self, name: &str, notes: &str) -> PathBuf {
        let mut v: serde_json::Value =
            serde_json::from_str(&self.ok(&["template", "sales-marketing"])).unwrap();
        v["notes"] = notes.into();
        self.file_path(name, serde_json::to_string_pretty(&v).unwrap())
    }
    /// The notes of version `version` of draft `id`, as `show` prints them.
    fn notes(&self, id: &str, version: u32) -> String {
        let shown = self.ok(&["show", id, "--version", &version.to_string()]);
        let v: serde_json::Value = serde_json::from_str(&shown).unwrap();
        v["notes"].as_str().unwrap().to_string()
    }
    fn versions(&self, id: &str) -> usize {
        self.ok(&["history", id]).lines().count()
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn save_adds_a_version_and_refuses_a_stale_base_with_a_plain_message() {
    let env = Env::with_data_dir();
    let first = env.agreement("first.sla.json", "first");
    let id = env.ok(&["import", path(&first)]).trim().to_string();

    let second = env.agreement("second.sla.json", "second");
    assert_eq!(env.ok(&["save", &id, path(&second)]), "2\n");
    let third = env.agreement("third.sla.json", "third");
    assert_eq!(env.ok(&["save", &id, path(&third), "--base", "2"]), "3\n");

    // Edited from version 2, but version 3 is there now: refused, nothing written.
    let stale = env.agreement("stale.sla.json", "edited from version 2");
    let out = env.run(&["save", &id, path(&stale), "--base", "2"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "sla-studio: error: draft {id} was changed elsewhere while this was being edited: version 3 was saved at 20"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            " UTC by another window or command, after version 2 that this save was based on; nothing was saved, so neither is lost. \
             See it with `sla-studio show {id}`; to save this file on top of it, run `sla-studio save {id} {} --base 3`",
            path(&stale)
        )),
        "{stderr}"
    );
    assert_eq!(env.versions(&id), 3);
    assert_eq!(env.notes(&id, 3), "third");

    // The same content as the latest writes nothing, whatever the base.
    let out = env.run(&["save", &id, path(&third), "--base", "1"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("draft {id} already holds this agreement as version 3: nothing saved\n")
    );
    assert_eq!(env.versions(&id), 3);

    // A base that never existed, a missing draft and a bad file are named.
    let out = env.run(&["save", &id, path(&stale), "--base", "9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!(
        "draft {id} has no version 9 (its versions are 1 to 3)"
    )));
    let out = env.run(&["save", "999", path(&stale)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("draft 999 does not exist"));
    let broken = env.dir.path().join("broken.sla.json");
    std::fs::write(&broken, "{").unwrap();
    let out = env.run(&["save", &id, path(&broken)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.sla.json"));
    assert_eq!(env.versions(&id), 3);
}

/// Starts `count` saves of draft `id` at once, each from its own file; returns each one's notes
/// and output.
fn race(env: &Env, id: &str, count: usize, base: Option<&str>) -> Vec<(String, Output)> {
    let files: Vec<(String, PathBuf)> = (0..count)
        .map(|i| {
            let notes = format!("racer {i}");
            let file = env.agreement(&format!("racer-{i}.sla.json"), &notes);
            (notes, file)
        })
        .collect();
    let children: Vec<(String, Child)> = files
        .iter()
        .map(|(notes, file)| {
            let mut args = vec!["save", id, path(file)];
            if let Some(base) = base {
                args.extend(["--base", base]);
            }
            (notes.clone(), spawn::spawn(&mut env.piped(&args)))
        })
        .collect();
    children
        .into_iter()
        .map(|(notes, child)| (notes, child.wait_with_output().unwrap()))
        .collect()
}

#[test]
fn racing_saves_from_the_same_base_one_wins_and_the_others_are_told() {
    let env = Env::with_data_dir();
    let first = env.agreement("first.sla.json", "first");
    let id = env.ok(&["import", path(&first)]).trim().to_string();
    let results = race(&env, &id, 6, Some("1"));
    let winners: Vec<_> = results.iter().filter(|(_, o)| o.status.success()).collect();
    assert_eq!(winners.len(), 1, "{results:?}");
    assert_eq!(String::from_utf8_lossy(&winners[0].1.stdout), "2\n");
    for (_, out) in results.iter().filter(|(_, o)| !o.status.success()) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr
                .contains("was changed elsewhere while this was being edited: version 2 was saved"),
            "{stderr}"
        );
    }
    assert_eq!(env.versions(&id), 2);
    assert_eq!(env.notes(&id, 2), winners[0].0);
}

#[test]
fn racing_saves_without_a_base_never_overwrite_each_other() {
    let env = Env::with_data_dir();
    let first = env.agreement("first.sla.json", "first");
    let id = env.ok(&["import", path(&first)]).trim().to_string();
    let results = race(&env, &id, 6, None);
    let mut saved = vec![];
    for (notes, out) in &results {
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {
                let version: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
                saved.push((version, notes.clone()));
            }
            // Another save landed between reading the latest version and saving on top of it.
            Some(2) => assert!(stderr.contains("was changed elsewhere"), "{stderr}"),
            other => panic!("exit {other:?}: {stderr}"),
        }
    }
    assert!(!saved.is_empty());
    // Every acknowledged save is a version of its own, holding exactly what was saved.
    assert_eq!(env.versions(&id), 1 + saved.len());
    saved.sort();
    for (i, (version, notes)) in saved.iter().enumerate() {
        assert_eq!(*version as usize, i + 2);
        assert_eq!(&env.notes(&id, *version), notes);
    }
}

#[test]
fn a_window_autosaving_and_command_line_saves_lose_nothing() {
    // The window's store lives in this process and autosaves as fast as it can, based on the
    // version it last saved; on a conflict it keeps its edits on top of the newer version, as the
    // person choosing "keep mine" does. Meanwhile command-line saves land from other processes.
    let env = Env::with_data_dir();
    let first = env.agreement("first.sla.json", "first");
    let id_text = env.ok(&["import", path(&first)]).trim().to_string();
    let id: i64 = id_text.parse().unwrap();
    let mut window = Store::open(&env.store_path()).unwrap();
    let mut base = window.get(id).unwrap().info.version;
    let mut agreement = window.get(id).unwrap().agreement;

    let mut cli: Vec<(String, Child)> = vec![];
    let mut acknowledged = vec![];
    let mut conflicts = 0;
    for i in 0..40 {
        if i % 8 == 0 {
            let notes = format!("from the command line {i}");
            let file = env.agreement(&format!("cli-{i}.sla.json"), &notes);
            cli.push((
                notes,
                spawn::spawn(&mut env.piped(&["save", &id_text, path(&file)])),
            ));
        }
        agreement.notes = format!("typed in the window {i}");
        match window.autosave(id, &agreement, base) {
            Ok(info) => base = info.version,
            Err(StoreError::Conflict { latest, .. }) => {
                conflicts += 1;
                base = latest;
                base = window.autosave(id, &agreement, base).unwrap().version;
            }
            Err(e) => panic!("{e}"),
        }
        acknowledged.push((base, agreement.notes.clone()));
    }
    for (notes, child) in cli {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {
                let version: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
                // The window never folded its edits into a version the command line saved.
                assert_eq!(
                    window.get_version(id, version).unwrap().agreement.notes,
                    notes
                );
            }
            Some(2) => assert!(stderr.contains("was changed elsewhere"), "{stderr}"),
            other => panic!("exit {other:?}: {stderr}"),
        }
    }
    // The window's last acknowledged save is still there, exactly, whatever came after it.
    let (last_version, last_notes) = acknowledged.last().unwrap();
    assert_eq!(
        &window
            .get_version(id, *last_version)
            .unwrap()
            .agreement
            .notes,
        last_notes
    );
    eprintln!("{conflicts} conflicts resolved by keeping the window's edits");
}
