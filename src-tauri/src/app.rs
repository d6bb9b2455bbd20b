//! The window: opens the draft store, registers the commands and plugins, starts the event loop.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sla_backup::DataDir;
use sla_store::Store;
use tauri::Manager;

use crate::recovery::Recovery;
use crate::store_slot::StoreSlot;

/// What every command shares.
pub struct AppState {
    /// The drafts store; absent while one found damaged waits for the person's choice.
    pub store: StoreSlot,
    /// The data folder: the store, its backups, the signing identities.
    pub data: DataDir,
    /// Why there is no store open, for the recovery screen.
    recovery: Mutex<Option<Recovery>>,
    /// A file named on the command line (a double-clicked agreement), for the UI to pick up once.
    pub file_to_open: Mutex<Option<PathBuf>>,
    /// PDFs this window wrote or the person chose in a dialog: the only files the UI may ask
    /// the system viewer to open.
    pub known_files: Mutex<HashSet<PathBuf>>,
    /// The leads of the CRM export chosen last, read once for its preview, period and import.
    pub exports: crate::reviews::ExportCache,
}

impl AppState {
    pub fn recovery(&self) -> Option<Recovery> {
        self.recovery
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn set_recovery(&self, recovery: Option<Recovery>) {
        *self.recovery.lock().unwrap_or_else(|p| p.into_inner()) = recovery;
    }

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
    let context = tauri::generate_context!();
    let identifier = context.config().identifier.clone();
    // One window per store: taken before the store is opened, so a second start never touches it.
    let data_dir = match Store::default_dir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("sla-studio: cannot open the drafts database: {e}");
            std::process::exit(1);
        }
    };
    let _store_lock = match crate::instance::lock_store(&data_dir) {
        Ok(lock) => Some(lock),
        Err(e @ crate::instance::LockError::InUse { .. }) => {
            crate::instance::hand_over(&identifier, &data_dir, context, e)
        }
        // A folder the lock cannot be made in (read-only) takes no saves from any window either.
        Err(e) => {
            eprintln!("sla-studio: warning: {e}");
            None
        }
    };
    // A damaged store, or one that cannot be opened, still opens the window: on the recovery
    // screen, which says why and what can be done.
    let data = DataDir::new(data_dir.clone());
    let (store, recovery) = crate::recovery::open_at_start(&data);
    let state = AppState {
        store: StoreSlot::new(store),
        data,
        recovery: Mutex::new(recovery),
        file_to_open: Mutex::new(file_to_open),
        known_files: Mutex::new(HashSet::new()),
        exports: crate::reviews::ExportCache::default(),
    };
    let app = tauri::Builder::default()
        // First, so that a second start on this store goes no further than handing over its file.
        .plugin(crate::instance::single_instance(&identifier, &data_dir))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(crate::commands::handler())
        .setup(|app| {
            if app.state::<AppState>().store.is_open() {
                crate::recovery::check_in_background(app.handle().clone());
            }
            Ok(())
        })
        .build(context)
        .expect("the window event loop failed to start");
    crate::webview::tune_new_views();
    app.run(|_, _| {});
}
