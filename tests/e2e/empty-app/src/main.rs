//! An empty Tauri window: nothing but the shell, for comparing memory use. It applies the same
//! web view settings as SLA Studio (the very same file), so that the comparison stays fair.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[path = "../../../../src-tauri/src/webview.rs"]
mod webview;

fn main() {
    webview::set_environment();
    let app = tauri::Builder::default()
        .build(tauri::generate_context!())
        .expect("the window event loop failed to start");
    webview::tune_new_views();
    app.run(|_, _| {});
}
