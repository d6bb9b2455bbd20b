//! The window: opens the draft store, registers the commands and plugins, starts the event loop.

use std::path::PathBuf;
use std::sync::Mutex;

use sla_store::Store;

/// What every command shares. The store is behind a mutex: SQLite connections are not `Sync`, and
/// saves are short enough that one at a time is never felt.
pub struct AppState {
    pub store: Mutex<Store>,
    /// A file named on the command line (a double-clicked agreement), for the UI to pick up once.
    pub file_to_open: Mutex<Option<PathBuf>>,
    /// The last PDF this window exported; the only file the UI may ask us to open.
    pub last_export: Mutex<Option<LastExport>>,
}

/// A PDF this window wrote, and the draft version it shows.
#[derive(Clone)]
pub struct LastExport {
    pub path: PathBuf,
    pub draft: sla_store::DraftId,
    pub version: u32,
    pub agreement_sha256: String,
}

pub fn run(file_to_open: Option<PathBuf>) {
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
        last_export: Mutex::new(None),
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(crate::commands::handler())
        .run(tauri::generate_context!())
        .expect("the window event loop failed to start");
}
