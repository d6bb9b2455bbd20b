//! Creating, saving, reading, versions, duplicating and renaming, on real database files.

mod common;

use common::{english, russian, temp_store, Everything};
use sla_store::{Store, StoreError};

#[test]
fn create_save_and_get() {
    let (dir, mut store) = temp_store();
    let original = english();
    let created = store
        .create(&original, "created from template sales-marketing")
        .unwrap();
    assert_eq!(created.version, 1);
    assert_eq!(created.title, original.title);
    assert_eq!(created.marketing, original.parties.marketing.department);
    assert_eq!(created.sales, original.parties.sales.department);
    assert_eq!(created.created_at, created.updated_at);
    assert!(created.created_at.ends_with('Z'), "{}", created.created_at);
    chrono::DateTime::parse_from_rfc3339(&created.created_at).unwrap();

    let mut changed = original.clone();
    changed.parties.sales.department = "Enterprise Sales".into();
    changed.commitments[0].metrics[0].target = 120.0;
    let saved = store.save(created.id, &changed, 1).unwrap();
    assert_eq!(
        (saved.id, saved.version, saved.sales.as_str()),
        (created.id, 2, "Enterprise Sales")
    );
    assert!(saved.updated_at >= created.updated_at);
    assert_eq!(saved.created_at, created.created_at);

    // A second connection to the same file sees exactly what was saved.
    drop(store);
    let store = Store::open(&common::db_path(&dir)).unwrap();
    let draft = store.get(created.id).unwrap();
    assert_eq!(draft.agreement, changed);
    assert_eq!(draft.info, saved);
    assert_eq!(
        store.get_version(created.id, 1).unwrap().agreement,
        original
    );
    assert_eq!(store.all_drafts().unwrap(), vec![saved]);
}

#[test]
fn history_lists_every_version_and_restore_appends_one() {
    let (_dir, mut store) = temp_store();
    let v1 = english();
    let id = store.create(&v1, "imported from sla.json").unwrap().id;
    let mut v2 = v1.clone();
    v2.notes = "second".into();
    store.save(id, &v2, 1).unwrap();
    let mut v3 = v2.clone();
    v3.notes = "third".into();
    store.save(id, &v3, 2).unwrap();

    let restored = store.restore_version(id, 1).unwrap();
    assert_eq!(restored.version, 4);
    assert_eq!(store.get(id).unwrap().agreement, v1);

    let history = store.history(id).unwrap();
    let summary: Vec<(u32, &str)> = history
        .iter()
        .map(|v| (v.version, v.note.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (4, "restored from version 1"),
            (3, ""),
            (2, ""),
            (1, "imported from sla.json")
        ]
    );
    // Nothing in between was rewritten.
    assert_eq!(store.get_version(id, 2).unwrap().agreement, v2);
    assert_eq!(store.get_version(id, 3).unwrap().agreement, v3);
    let old = store.get_version(id, 3).unwrap();
    assert_eq!(old.info.version, 3);
    assert_eq!(old.info.updated_at, history[1].saved_at);
}

#[test]
fn saving_identical_content_adds_no_version() {
    let (_dir, mut store) = temp_store();
    let a = english();
    let created = store.create(&a, "").unwrap();
    let again = store.save(created.id, &a, 1).unwrap();
    assert_eq!(again, created);
    assert_eq!(store.history(created.id).unwrap().len(), 1);
    // Restoring the version that is already the latest is the same: nothing to add.
    assert_eq!(store.restore_version(created.id, 1).unwrap(), created);
    assert_eq!(store.history(created.id).unwrap().len(), 1);
}

#[test]
fn duplicate_makes_a_new_draft_with_a_new_agreement_id() {
    let (_dir, mut store) = temp_store();
    let source = store.create(&english(), "").unwrap();
    let mut edited = english();
    edited.notes = "edited".into();
    store.save(source.id, &edited, 1).unwrap();

    let copy = store.duplicate(source.id).unwrap();
    assert_ne!(copy.id, source.id);
    assert_eq!(copy.version, 1);
    assert_eq!(copy.title, format!("{} (copy)", edited.title));
    let copied = store.get(copy.id).unwrap().agreement;
    assert_ne!(copied.id, edited.id);
    assert_eq!(copied.notes, "edited");
    assert_eq!(
        store.history(copy.id).unwrap()[0].note,
        format!("copied from draft {}", source.id)
    );
    // The source is untouched.
    assert_eq!(store.get(source.id).unwrap().agreement, edited);

    let ru = store.create(&russian(), "").unwrap();
    let ru_copy = store.duplicate(ru.id).unwrap();
    assert_eq!(ru_copy.title, format!("{} (копия)", russian().title));
}

#[test]
fn rename_saves_a_version_with_the_new_title() {
    let (_dir, mut store) = temp_store();
    let created = store.create(&english(), "").unwrap();
    let renamed = store.rename(created.id, "  Q3 agreement  ").unwrap();
    assert_eq!(
        (renamed.version, renamed.title.as_str()),
        (2, "Q3 agreement")
    );
    assert_eq!(
        store.get(created.id).unwrap().agreement.title,
        "Q3 agreement"
    );
    let history = store.history(created.id).unwrap();
    assert_eq!(
        (history[0].title.as_str(), history[0].note.as_str()),
        ("Q3 agreement", "renamed")
    );
    assert_eq!(history[1].title, english().title);
    // Renaming to the same title changes nothing.
    assert_eq!(store.rename(created.id, "Q3 agreement").unwrap().version, 2);
    assert!(matches!(
        store.rename(created.id, "   "),
        Err(StoreError::EmptyTitle)
    ));
}

#[test]
fn list_is_newest_first() {
    let (_dir, mut store) = temp_store();
    let a = store.create(&english(), "").unwrap().id;
    let b = store.create(&russian(), "").unwrap().id;
    let ids = |store: &Store| {
        store
            .all_drafts()
            .unwrap()
            .iter()
            .map(|d| d.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&store), [b, a]);
    let mut changed = english();
    changed.notes = "touched".into();
    store.save(a, &changed, 1).unwrap();
    assert_eq!(ids(&store), [a, b]);
}

#[test]
fn missing_drafts_and_versions_are_named() {
    let (_dir, mut store) = temp_store();
    let id = store.create(&english(), "").unwrap().id;
    let missing = id + 11;
    let message = |e: StoreError| e.to_string();
    assert_eq!(
        message(store.get(missing).unwrap_err()),
        format!("draft {missing} does not exist")
    );
    assert_eq!(
        message(store.save(missing, &english(), 1).unwrap_err()),
        format!("draft {missing} does not exist")
    );
    assert_eq!(
        message(store.history(missing).unwrap_err()),
        format!("draft {missing} does not exist")
    );
    assert_eq!(
        message(store.duplicate(missing).unwrap_err()),
        format!("draft {missing} does not exist")
    );
    assert_eq!(
        message(store.rename(missing, "x").unwrap_err()),
        format!("draft {missing} does not exist")
    );
    assert_eq!(
        message(store.get_version(id, 9).unwrap_err()),
        format!("draft {id} has no version 9 (its versions are 1 to 1)")
    );
    assert_eq!(
        message(store.restore_version(id, 0).unwrap_err()),
        format!("draft {id} has no version 0 (its versions are 1 to 1)")
    );
}

#[test]
fn settings_are_remembered_across_connections() {
    let (dir, mut store) = temp_store();
    assert_eq!(store.get_setting("open_draft").unwrap(), None);
    store.set_setting("open_draft", "12").unwrap();
    store.set_setting("step", "monitoring").unwrap();
    store.set_setting("open_draft", "13").unwrap();
    drop(store);
    let store = Store::open(&common::db_path(&dir)).unwrap();
    assert_eq!(
        store.get_setting("open_draft").unwrap().as_deref(),
        Some("13")
    );
    assert_eq!(
        store.get_setting("step").unwrap().as_deref(),
        Some("monitoring")
    );
}

#[test]
fn the_store_can_move_between_threads() {
    fn send<T: Send>() {}
    send::<Store>();
}

#[test]
fn two_stores_on_one_file_save_at_the_same_time() {
    // The window and a command-line import each have their own connection to the same file.
    let (dir, mut first) = temp_store();
    let path = common::db_path(&dir);
    let a = first.create(&english(), "").unwrap().id;
    let b = first.create(&russian(), "").unwrap().id;
    let writers: Vec<_> = [(a, english()), (b, russian())]
        .into_iter()
        .map(|(id, base)| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for i in 0..30 {
                    let mut edited = base.clone();
                    edited.notes = format!("save {i}");
                    store.save(id, &edited, i + 1).unwrap();
                    store.search_all("save").unwrap();
                }
            })
        })
        .collect();
    for _ in 0..30 {
        assert_eq!(first.all_drafts().unwrap().len(), 2);
    }
    for writer in writers {
        writer.join().unwrap();
    }
    for id in [a, b] {
        assert_eq!(first.history(id).unwrap().len(), 31);
        assert_eq!(first.get(id).unwrap().agreement.notes, "save 29");
    }
}
