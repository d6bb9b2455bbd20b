//! The window: opens the draft store, registers the commands and plugins, starts the event loop.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sla_store::Store;

/// What every command shares. The store is behind a mutex: SQLite connections are not `Sync`, and
/// saves are short enough that one at a time is never felt.
pub struct AppState {
    pub store: Mutex<Store>,
    /// A file named on the command line (a double-clicked agreement), for the UI to pick up once.
    pub file_to_open: Mutex<Option<PathBuf>>,
    /// PDFs this window wrote or the person chose in a dialog: the only files the UI may ask
    /// the system viewer to open.
    pub known_files: Mutex<HashSet<PathBuf>>,
}

impl AppState {
    /// Lets the UI open `path` in the system viewer later.
    pub fn remember_file(&self, path: &Path) {
        self.known_files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path.to_owned());
    }

    pub fn is_known_file(&self, path: &Path) -> bool {
        self.known_files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(path)
    }
}

pub fn run(file_to_open: Option<PathBuf>) {
    // First, while this is the only thread (the store starts another).
    crate::webview::set_environment();
    let store = match Store::open_default() {
        Ok(store) => store,
        Err(e) => {
            // Without its store the app would lose work; say why and stop before a window opens.
            eprintln!("sla-studio: cannot open the drafts database: {e}");
            std::process::exit(1);
        }
    };
    let state = AppState {
        store: Mutex::new(store),
        file_to_open: Mutex::new(file_to_open),
        known_files: Mutex::new(HashSet::new()),
    };
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(crate::commands::handler())
        .build(tauri::generate_context!())
        .expect("the window event loop failed to start");
    crate::webview::tune_new_views();
    app.run(|_, _| {});
}
