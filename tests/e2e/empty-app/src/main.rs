//! An empty Tauri window: nothing but the shell, for comparing memory use.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the window event loop failed to start");
}
