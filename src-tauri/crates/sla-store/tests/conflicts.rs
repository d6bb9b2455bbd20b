//! Lost updates: a save names the version it was based on, and a save based on a version that is
//! no longer the latest is refused whole, on real database files shared by several stores (the
//! window's and the command line's), as two processes would share them.

mod common;

use std::sync::{Arc, Barrier};

use common::{db_path, english, temp_store};
use sla_model::Agreement;
use sla_store::{DraftId, Store, StoreError};

fn edited(n: u32) -> Agreement {
    let mut a = english();
    a.notes = format!("edit number {n}");
    a
}

/// (version, notes of its agreement) of every version, oldest first.
fn contents(store: &Store, id: DraftId) -> Vec<(u32, String)> {
    let mut versions: Vec<_> = store
        .history(id)
        .unwrap()
        .into_iter()
        .map(|v| {
            let a = store.get_version(id, v.version).unwrap().agreement;
            (v.version, a.notes)
        })
        .collect();
    versions.reverse();
    versions
}

#[test]
fn a_save_based_on_a_version_that_is_no_longer_the_latest_is_refused_and_changes_nothing() {
    let (dir, mut window) = temp_store();
    let id = window.create(&english(), "").unwrap().id;
    let mut cli = Store::open(&db_path(&dir)).unwrap();
    assert_eq!(cli.save(id, &edited(1), 1).unwrap().version, 2);
    let before = contents(&window, id);
    let stored = window.get(id).unwrap().info;

    for result in [
        window.save(id, &edited(2), 1),
        window.autosave(id, &edited(2), 1),
    ] {
        let Err(StoreError::Conflict {
            id: conflicted,
            base,
            latest,
            saved_at,
            note,
        }) = result
        else {
            panic!("expected a conflict, got {result:?}");
        };
        assert_eq!((conflicted, base, latest), (id, 1, 2));
        assert_eq!(saved_at, window.get(id).unwrap().info.updated_at);
        assert_eq!(note, "");
    }
    assert_eq!(contents(&window, id), before);
    assert_eq!(window.get(id).unwrap().info, stored);

    // The message says in plain words what happened and that nothing was overwritten.
    let message = window.save(id, &edited(2), 1).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!(
            "draft {id} was changed elsewhere while this was being edited: version 2 was saved at 20"
        )),
        "{message}"
    );
    assert!(
        message.ends_with(
            " UTC by another window or command, after version 1 that this save was based on; nothing was saved, so neither is lost"
        ),
        "{message}"
    );

    // Based on the newer version, the same content goes on top of it; the other stays.
    assert_eq!(window.save(id, &edited(2), 2).unwrap().version, 3);
    assert_eq!(
        contents(&window, id),
        vec![
            (1, english().notes),
            (2, "edit number 1".into()),
            (3, "edit number 2".into())
        ]
    );
}

#[test]
fn the_conflict_names_why_the_newer_version_exists() {
    let (dir, mut window) = temp_store();
    let id = window.create(&english(), "").unwrap().id;
    window.save(id, &edited(1), 1).unwrap();
    let mut other = Store::open(&db_path(&dir)).unwrap();
    other.restore_version(id, 1).unwrap();
    let message = window.autosave(id, &edited(2), 2).unwrap_err().to_string();
    assert!(
        message
            .contains(" by another window or command (restored from version 1), after version 2 "),
        "{message}"
    );
}

#[test]
fn an_unchanged_save_writes_nothing_whatever_its_base() {
    let (dir, mut window) = temp_store();
    let id = window.create(&english(), "").unwrap().id;
    let mut cli = Store::open(&db_path(&dir)).unwrap();
    let saved = cli.save(id, &edited(1), 1).unwrap();
    // The window typed the same as the command line saved: nothing would be lost.
    assert_eq!(window.autosave(id, &edited(1), 1).unwrap(), saved);
    assert_eq!(window.save(id, &edited(1), 2).unwrap(), saved);
    assert_eq!(window.history(id).unwrap().len(), 2);
}

#[test]
fn a_base_newer_than_the_latest_is_named_as_missing() {
    let (_dir, mut store) = temp_store();
    let id = store.create(&english(), "").unwrap().id;
    assert_eq!(
        store.save(id, &edited(1), 7).unwrap_err().to_string(),
        format!("draft {id} has no version 7 (its versions are 1 to 1)")
    );
    assert_eq!(store.history(id).unwrap().len(), 1);
}

#[test]
fn autosave_never_folds_into_a_version_another_store_wrote() {
    let (dir, mut window) = temp_store();
    let id = window.create(&english(), "").unwrap().id;
    let mut other = Store::open(&db_path(&dir)).unwrap();
    assert_eq!(window.autosave(id, &edited(1), 1).unwrap().version, 2);
    // The other store's autosaves fold into its own version 3...
    assert_eq!(other.autosave(id, &edited(2), 2).unwrap().version, 3);
    assert_eq!(other.autosave(id, &edited(3), 3).unwrap().version, 3);
    // ...the window, based on its own version 2, is refused...
    assert!(matches!(
        window.autosave(id, &edited(4), 2),
        Err(StoreError::Conflict { latest: 3, .. })
    ));
    // ...and, told of version 3, puts its edits on top of it, never in its place.
    assert_eq!(window.autosave(id, &edited(4), 3).unwrap().version, 4);
    assert_eq!(window.autosave(id, &edited(5), 4).unwrap().version, 4);
    assert_eq!(
        contents(&window, id),
        vec![
            (1, english().notes),
            (2, "edit number 1".into()),
            (3, "edit number 3".into()),
            (4, "edit number 5".into())
        ]
    );
}

#[test]
fn autosave_never_folds_into_a_version_of_the_same_number_written_by_someone_else() {
    // The window added version 2; then the file was put back to a state without it (a backup
    // restored) and another store wrote a version 2 of its own.
    let (dir, mut window) = temp_store();
    let id = window.create(&english(), "").unwrap().id;
    assert_eq!(window.autosave(id, &edited(1), 1).unwrap().version, 2);
    {
        let conn = rusqlite::Connection::open(db_path(&dir)).unwrap();
        conn.execute_batch(&format!(
            "DELETE FROM versions WHERE draft_id = {id} AND version = 2;
             UPDATE drafts SET latest_version = 1 WHERE id = {id};"
        ))
        .unwrap();
    }
    let mut other = Store::open(&db_path(&dir)).unwrap();
    assert_eq!(other.autosave(id, &edited(2), 1).unwrap().version, 2);
    // Same number as the window's, but not the window's: a new version, not a fold.
    assert_eq!(window.autosave(id, &edited(3), 2).unwrap().version, 3);
    assert_eq!(
        other.get_version(id, 2).unwrap().agreement.notes,
        "edit number 2"
    );
}

#[test]
fn two_stores_racing_from_the_same_base_one_wins_and_the_other_is_told() {
    let (dir, mut store) = temp_store();
    let id = store.create(&english(), "").unwrap().id;
    let path = db_path(&dir);
    const ROUNDS: u32 = 20;
    for round in 0..ROUNDS {
        let base = store.get(id).unwrap().info.version;
        let barrier = Arc::new(Barrier::new(2));
        let racers: Vec<_> = (0..2u32)
            .map(|side| {
                let (path, barrier) = (path.clone(), Arc::clone(&barrier));
                std::thread::spawn(move || {
                    let mut store = Store::open(&path).unwrap();
                    let content = edited(round * 2 + side);
                    barrier.wait();
                    // Alternate save and autosave: both take the same check.
                    let saved = if side == 0 {
                        store.save(id, &content, base)
                    } else {
                        store.autosave(id, &content, base)
                    };
                    (saved, content)
                })
            })
            .collect();
        let results: Vec<_> = racers.into_iter().map(|r| r.join().unwrap()).collect();
        let winners: Vec<_> = results.iter().filter(|(r, _)| r.is_ok()).collect();
        assert_eq!(winners.len(), 1, "round {round}: {results:?}");
        let loser = results.iter().find(|(r, _)| r.is_err()).unwrap();
        assert!(
            matches!(&loser.0, Err(StoreError::Conflict { base: b, latest, .. }) if *b == base && *latest == base + 1),
            "round {round}: {:?}",
            loser.0
        );
        let (won, content) = winners[0];
        let version = won.as_ref().unwrap().version;
        assert_eq!(version, base + 1);
        assert_eq!(&store.get_version(id, version).unwrap().agreement, content);
    }
    assert_eq!(store.history(id).unwrap().len() as u32, ROUNDS + 1);
}
