//! What the About box shows, and the file the app was started with.

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, State};

use crate::app::AppState;

#[derive(Serialize)]
pub struct AppInfo {
    name: String,
    version: String,
    publisher: String,
    data_dir: String,
}

/// Name, version and publisher come from `tauri.conf.json` and `Cargo.toml`, the one place they are set.
#[tauri::command]
pub fn app_info(app: AppHandle, state: State<'_, AppState>) -> AppInfo {
    let config = app.config();
    AppInfo {
        name: config.product_name.clone().unwrap_or_default(),
        version: app.package_info().version.to_string(),
        // The bundle section is the installer's and may be absent at run time; the crate's
        // authors say the same.
        publisher: config
            .bundle
            .publisher
            .clone()
            .unwrap_or_else(|| env!("CARGO_PKG_AUTHORS").to_string()),
        data_dir: state.data.root().display().to_string(),
    }
}

/// The agreement file named on the command line, once; `None` afterwards.
#[tauri::command]
pub fn take_file_to_open(state: State<'_, AppState>) -> Option<PathBuf> {
    state
        .file_to_open
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
}
