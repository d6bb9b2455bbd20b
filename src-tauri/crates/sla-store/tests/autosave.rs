//! Autosave: edits within a couple of minutes of the previous autosave go into the version that
//! autosave added, never into a version that is the record of something (created, imported,
//! renamed, restored, saved on request, exported or signed), on real database files.

mod common;

use std::time::Duration;

use common::{english, temp_store, Everything};
use sla_model::Agreement;
use sla_store::{AutosaveWindows, DraftId, Store, StoreError};

fn edited(n: u32) -> Agreement {
    let mut a = english();
    a.notes = format!("edit number {n}");
    a.commitments[0].metrics[0].target = f64::from(100 + n);
    a
}

/// (version, note, kept) of every version, newest first.
fn history(store: &Store, id: DraftId) -> Vec<(u32, String, bool)> {
    store
        .history(id)
        .unwrap()
        .into_iter()
        .map(|v| (v.version, v.note, v.kept))
        .collect()
}

fn versions(store: &Store, id: DraftId) -> Vec<u32> {
    history(store, id).into_iter().map(|(v, ..)| v).collect()
}

#[test]
fn autosaves_in_quick_succession_make_one_version() {
    let (_dir, mut store) = temp_store();
    let created = store
        .create(&english(), "created from template sales-marketing")
        .unwrap();
    let id = created.id;
    let first = store.autosave(id, &edited(1), 1).unwrap();
    assert_eq!(first.version, 2);
    let mut last = first.clone();
    for n in 2..=20 {
        last = store.autosave(id, &edited(n), 2).unwrap();
        assert_eq!(last.version, 2);
    }
    assert_eq!(versions(&store, id), [2, 1]);
    // The version holds the last edit, says when it was written, and is what search finds.
    assert_eq!(store.get(id).unwrap().agreement, edited(20));
    assert_eq!(store.get_version(id, 2).unwrap().agreement, edited(20));
    assert!(last.updated_at >= first.updated_at);
    assert_eq!(store.history(id).unwrap()[0].saved_at, last.updated_at);
    assert_eq!(store.all_drafts().unwrap()[0].updated_at, last.updated_at);
    let found = |q: &str| store.search_all(q).unwrap().len();
    assert_eq!(found("edit number 20"), 1);
    assert_eq!(found("edit number 19"), 0);
    // The version the draft was created with is untouched.
    assert_eq!(store.get_version(id, 1).unwrap().agreement, english());
    // Saving what is already there writes nothing.
    assert_eq!(store.autosave(id, &edited(20), 2).unwrap(), last);
}

#[test]
fn versions_that_record_something_are_never_replaced() {
    let (_dir, mut store) = temp_store();
    let id = store
        .create(&english(), "imported from sla.json")
        .unwrap()
        .id;
    // The first version of a draft.
    assert_eq!(store.autosave(id, &edited(1), 1).unwrap().version, 2);
    // A rename, and the edit after it.
    assert_eq!(store.rename(id, "Renamed").unwrap().version, 3);
    let mut renamed = edited(2);
    renamed.title = "Renamed".into();
    assert_eq!(store.autosave(id, &renamed, 3).unwrap().version, 4);
    // A restore, and the edit after it.
    assert_eq!(store.restore_version(id, 1).unwrap().version, 5);
    assert_eq!(store.autosave(id, &edited(3), 5).unwrap().version, 6);
    // A save the person asked for, and the edit after it.
    assert_eq!(store.save(id, &edited(4), 6).unwrap().version, 7);
    assert_eq!(store.autosave(id, &edited(5), 7).unwrap().version, 8);
    assert_eq!(store.autosave(id, &edited(6), 8).unwrap().version, 8);
    let notes: Vec<(u32, String)> = history(&store, id)
        .into_iter()
        .map(|(v, note, _)| (v, note))
        .collect();
    let expected: Vec<(u32, String)> = [
        (8, ""),
        (7, ""),
        (6, ""),
        (5, "restored from version 1"),
        (4, ""),
        (3, "renamed"),
        (2, ""),
        (1, "imported from sla.json"),
    ]
    .into_iter()
    .map(|(v, n)| (v, n.to_string()))
    .collect();
    assert_eq!(notes, expected);
    assert_eq!(store.get_version(id, 1).unwrap().agreement, english());
    assert_eq!(store.get_version(id, 2).unwrap().agreement, edited(1));
    assert_eq!(store.get_version(id, 5).unwrap().agreement, english());
    assert_eq!(store.get_version(id, 6).unwrap().agreement, edited(3));
    assert_eq!(store.get_version(id, 7).unwrap().agreement, edited(4));
    assert_eq!(store.get_version(id, 8).unwrap().agreement, edited(6));
}

#[test]
fn an_exported_or_signed_version_is_kept_as_it_was() {
    let (_dir, mut store) = temp_store();
    let id = store.create(&english(), "").unwrap().id;
    store.autosave(id, &edited(1), 1).unwrap();
    store.autosave(id, &edited(2), 2).unwrap();
    // Export reads the latest version and keeps it in one step: the PDF says "version 2".
    let exported = store.keep_latest(id).unwrap();
    assert_eq!(
        (exported.info.version, &exported.agreement),
        (2, &edited(2))
    );
    // The edits after the export go into a new version, which autosave may then keep replacing.
    assert_eq!(store.autosave(id, &edited(3), 2).unwrap().version, 3);
    assert_eq!(store.autosave(id, &edited(4), 3).unwrap().version, 3);
    assert_eq!(store.get_version(id, 2).unwrap().agreement, edited(2));
    // Keeping a version by its number (signing a PDF that names it) works the same.
    store.keep_version(id, 3).unwrap();
    store.keep_version(id, 3).unwrap();
    assert_eq!(store.autosave(id, &edited(5), 3).unwrap().version, 4);
    assert_eq!(store.get_version(id, 3).unwrap().agreement, edited(4));
    let kept: Vec<(u32, bool)> = history(&store, id)
        .into_iter()
        .map(|(v, _, kept)| (v, kept))
        .collect();
    assert_eq!(kept, [(4, false), (3, true), (2, true), (1, false)]);
    // Keeping what is already the latest, kept or not, adds no version.
    assert_eq!(store.keep_latest(id).unwrap().info.version, 4);
    assert_eq!(store.keep_latest(id).unwrap().info.version, 4);
    assert_eq!(versions(&store, id), [4, 3, 2, 1]);

    let message = |e: StoreError| e.to_string();
    assert_eq!(
        message(store.keep_version(id, 9).unwrap_err()),
        format!("draft {id} has no version 9 (its versions are 1 to 4)")
    );
    assert_eq!(
        message(store.keep_version(id + 1, 1).unwrap_err()),
        format!("draft {} does not exist", id + 1)
    );
    assert_eq!(
        message(store.keep_latest(id + 1).unwrap_err()),
        format!("draft {} does not exist", id + 1)
    );
}

#[test]
fn a_pause_or_a_long_session_starts_a_new_version() {
    let (_dir, mut store) = temp_store();
    assert_eq!(store.autosave_windows(), AutosaveWindows::default());
    assert_eq!(
        AutosaveWindows::default(),
        AutosaveWindows {
            pause: Duration::from_secs(120),
            span: Duration::from_secs(600),
        }
    );
    let id = store.create(&english(), "").unwrap().id;

    // A pause longer than the window.
    store.set_autosave_windows(AutosaveWindows {
        pause: Duration::from_millis(1000),
        span: Duration::from_secs(600),
    });
    assert_eq!(store.autosave(id, &edited(1), 1).unwrap().version, 2);
    assert_eq!(store.autosave(id, &edited(2), 2).unwrap().version, 2);
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(store.autosave(id, &edited(3), 2).unwrap().version, 3);

    // Steady typing that never pauses long still ends a version after the span.
    store.set_autosave_windows(AutosaveWindows {
        pause: Duration::from_secs(600),
        span: Duration::from_millis(1000),
    });
    assert_eq!(store.autosave(id, &edited(4), 3).unwrap().version, 3);
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(store.autosave(id, &edited(5), 3).unwrap().version, 4);
    assert_eq!(store.autosave(id, &edited(6), 4).unwrap().version, 4);
    assert_eq!(store.get_version(id, 2).unwrap().agreement, edited(2));
    assert_eq!(store.get_version(id, 3).unwrap().agreement, edited(4));
    assert_eq!(store.get_version(id, 4).unwrap().agreement, edited(6));
}

#[test]
fn only_the_store_that_added_a_version_replaces_it() {
    // The window and a command-line run each have their own store on the same file.
    let (dir, mut window) = temp_store();
    let id = window.create(&english(), "").unwrap().id;
    assert_eq!(window.autosave(id, &edited(1), 1).unwrap().version, 2);
    let mut other = Store::open(&common::db_path(&dir)).unwrap();
    // Another store never replaces the version the window added...
    assert_eq!(other.autosave(id, &edited(2), 2).unwrap().version, 3);
    // ...and the window, finding a newer version than its own, adds one after it.
    assert_eq!(window.autosave(id, &edited(3), 3).unwrap().version, 4);
    assert_eq!(window.autosave(id, &edited(4), 4).unwrap().version, 4);
    // A version kept through another store is kept for the window too.
    other.keep_version(id, 4).unwrap();
    assert_eq!(window.autosave(id, &edited(5), 4).unwrap().version, 5);
    // After a restart (a new store), the previous run's version is never replaced.
    drop(window);
    let mut restarted = Store::open(&common::db_path(&dir)).unwrap();
    assert_eq!(restarted.autosave(id, &edited(6), 5).unwrap().version, 6);
    assert_eq!(restarted.autosave(id, &edited(7), 6).unwrap().version, 6);
    // Each draft has its own window.
    let second = restarted.create(&english(), "").unwrap().id;
    assert_eq!(
        restarted.autosave(second, &edited(1), 1).unwrap().version,
        2
    );
    assert_eq!(restarted.autosave(id, &edited(8), 6).unwrap().version, 6);
    assert_eq!(
        restarted.autosave(second, &edited(2), 2).unwrap().version,
        2
    );
    for (v, n) in [(2, 1), (3, 2), (4, 4), (5, 5), (6, 8)] {
        assert_eq!(store_agreement(&restarted, id, v), edited(n), "version {v}");
    }
}

fn store_agreement(store: &Store, id: DraftId, version: u32) -> Agreement {
    store.get_version(id, version).unwrap().agreement
}

#[test]
fn autosave_refuses_what_save_refuses() {
    let (_dir, mut store) = temp_store();
    let id = store.create(&english(), "").unwrap().id;
    store.autosave(id, &edited(1), 1).unwrap();
    store.trash(id).unwrap();
    assert!(matches!(
        store.autosave(id, &edited(2), 2),
        Err(StoreError::Trashed(t)) if t == id
    ));
    assert!(matches!(
        store.autosave(id + 5, &edited(2), 1),
        Err(StoreError::DraftNotFound(_))
    ));
    store.restore_from_trash(id).unwrap();
    assert_eq!(store.get(id).unwrap().agreement, edited(1));
    assert_eq!(store.autosave(id, &edited(3), 2).unwrap().version, 2);
}
