//! Where the database lives by default. One test in its own process, because it sets environment
//! variables.

use sla_store::{Store, DATABASE_FILE_NAME, DATA_DIR_ENV};

#[test]
fn the_data_dir_is_the_override_or_the_os_app_data_folder_and_is_created() {
    let root = tempfile::tempdir().unwrap();

    let chosen = root.path().join("portable").join("data");
    std::env::set_var(DATA_DIR_ENV, &chosen);
    assert_eq!(Store::default_dir().unwrap(), chosen);
    assert!(chosen.is_dir());
    let store = Store::open_default().unwrap();
    assert_eq!(store.path(), chosen.join(DATABASE_FILE_NAME));
    assert!(chosen.join("drafts.sqlite3").is_file());
    drop(store);

    // Unset (or empty), it is the OS data folder joined with the app identifier, which is where
    // Tauri's app_data_dir() points; on Linux that folder follows XDG_DATA_HOME.
    std::env::set_var(DATA_DIR_ENV, "");
    if cfg!(target_os = "linux") {
        let xdg = root.path().join("xdg-data");
        std::env::set_var("XDG_DATA_HOME", &xdg);
        assert_eq!(
            Store::default_dir().unwrap(),
            xdg.join("com.slastudio.desktop")
        );
        assert!(xdg.join("com.slastudio.desktop").is_dir());
    } else {
        let expected = dirs::data_dir().unwrap().join("com.slastudio.desktop");
        std::env::remove_var(DATA_DIR_ENV);
        assert_eq!(Store::default_dir().unwrap(), expected);
    }

    // A data folder that cannot be created is reported with its path.
    let blocker = root.path().join("a-file");
    std::fs::write(&blocker, "").unwrap();
    std::env::set_var(DATA_DIR_ENV, blocker.join("data"));
    let err = Store::open_default().err().unwrap();
    assert!(
        err.to_string().starts_with(&format!(
            "cannot create the data folder {}",
            blocker.join("data").display()
        )),
        "{err}"
    );
}
