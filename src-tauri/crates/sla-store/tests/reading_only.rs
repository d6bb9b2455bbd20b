//! A store opened only to read: it finds the drafts, writes nothing, and leaves the folder as it
//! was, log files included; it creates no database and migrates none.

mod common;

use std::path::{Path, PathBuf};

use common::{english, temp_store};
use sla_store::{Store, StoreError, SCHEMA_VERSION};

const V1_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/drafts-v1.sqlite3"
);

/// Every file of `dir` with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn reads_every_version_and_leaves_the_folder_as_it_was() {
    let (dir, mut store) = temp_store();
    let first = english();
    let id = store.create(&first, "").unwrap().id;
    let mut second = first.clone();
    second.title = "Revised".into();
    store.save(id, &second, 1).unwrap();
    drop(store);
    let before = files(dir.path());

    let reader = Store::open_to_read(&common::db_path(&dir)).unwrap();
    assert_eq!(reader.get(id).unwrap().agreement, second);
    assert_eq!(reader.get_version(id, 1).unwrap().agreement, first);
    assert!(matches!(
        reader.get_version(id, 3),
        Err(StoreError::VersionNotFound { latest: 2, .. })
    ));
    assert!(matches!(reader.get(99), Err(StoreError::DraftNotFound(99))));
    drop(reader);

    assert!(files(dir.path()) == before, "reading changed the folder");
}

#[test]
fn writes_through_it_fail_and_change_nothing() {
    let (dir, mut store) = temp_store();
    let id = store.create(&english(), "").unwrap().id;
    drop(store);
    let before = files(dir.path());

    let mut reader = Store::open_to_read(&common::db_path(&dir)).unwrap();
    assert!(reader.create(&english(), "").is_err());
    assert!(reader.rename(id, "Another title").is_err());
    drop(reader);

    assert!(
        files(dir.path()) == before,
        "a refused write changed the folder"
    );
}

#[test]
fn a_missing_database_is_named_and_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_path(&dir);
    let err = Store::open_to_read(&path)
        .err()
        .expect("no database to read");
    assert!(matches!(err, StoreError::NoDatabase { .. }), "{err}");
    assert!(
        err.to_string().starts_with(&format!(
            "there is no drafts database at {}",
            path.display()
        )),
        "{err}"
    );
    assert!(files(dir.path()).is_empty(), "a file was created");
}

#[test]
fn an_older_database_is_refused_unmigrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_path(&dir);
    std::fs::copy(V1_FIXTURE, &path).unwrap();
    let before = files(dir.path());

    let err = Store::open_to_read(&path)
        .err()
        .expect("an older schema needs migrating first");
    assert!(
        matches!(
            err,
            StoreError::Outdated {
                found: 1,
                known: SCHEMA_VERSION,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("sla-studio drafts"), "{err}");
    assert!(files(dir.path()) == before, "the database was changed");
}
