//! One window per store. A second start on the same data folder hands its file to the window
//! already open there (over D-Bus on Linux, through `tauri-plugin-single-instance`) and exits. Where
//! that cannot work (no session bus, another desktop session), an exclusive lock beside
//! `drafts.sqlite3`, held by the window for its whole life, still keeps a second window off the
//! store: two windows autosaving their own copies of one draft would replace each other's edits.
//! The CLI takes no lock; the store's own checks keep it from overwriting a window's saves.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use clap::Parser;
use sha2::{Digest, Sha256};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::app::AppState;

/// The lock file's name, in the data folder beside the database.
pub const LOCK_FILE_NAME: &str = "window.lock";

/// The event the window receives when a second start handed it a file; the page then asks for it
/// with `take_file_to_open`, as it does for the file the window was started with.
pub const OPEN_FILE_EVENT: &str = "open-file";

/// Held by the window while it has the store open; the operating system releases it when the
/// process ends, however it ends.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

/// Why this process may not open the store in a window.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("the drafts in {} are already open in another SLA Studio window; switch to that window (only one window at a time may edit them, so that neither overwrites the other's changes)", dir.display())]
    InUse { dir: PathBuf },
    #[error("cannot lock {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Takes the store in `dir` for this window, or says that another window has it.
pub fn lock_store(dir: &Path) -> Result<StoreLock, LockError> {
    let path = dir.join(LOCK_FILE_NAME);
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    // Never truncated or removed: the file's content means nothing, the lock on it is the point,
    // and removing it could let a third process lock a new file while the first holds the old.
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(StoreLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(LockError::InUse {
            dir: dir.to_path_buf(),
        }),
        Err(TryLockError::Error(e)) => Err(io(e)),
    }
}

/// The D-Bus name (Linux) the window on the store in `dir` answers to: the app's identifier and
/// the folder's fingerprint, so windows on two data folders each have their own.
pub fn dbus_id(identifier: &str, dir: &Path) -> String {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let digest = Sha256::digest(dir.as_os_str().as_encoded_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    // A name element must not start with a digit.
    format!("{identifier}.store_{hex}")
}

/// The plugin that makes a second start on the store in `dir` hand over its file and exit. It
/// must be the first plugin registered, so the second start goes no further.
pub fn single_instance<R: Runtime>(identifier: &str, dir: &Path) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(dbus_id(identifier, dir))
        .callback(|app, argv, cwd| second_start(app, &argv, Path::new(&cwd)))
        .build()
}

/// In the window: another start on this store handed over its arguments. Come to the front, and
/// open the file it names, if any.
fn second_start<R: Runtime>(app: &AppHandle<R>, argv: &[String], cwd: &Path) {
    if let Some(window) = app.get_webview_window("main") {
        // Each may fail on a desktop that does not allow it; the file still opens.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let Some(file) = file_argument(argv, cwd) else {
        return;
    };
    if let Some(state) = app.try_state::<AppState>() {
        *state.file_to_open.lock().unwrap_or_else(|p| p.into_inner()) = Some(file);
        if let Err(e) = app.emit(OPEN_FILE_EVENT, ()) {
            eprintln!("sla-studio: cannot tell the window about the file to open: {e}");
        }
    }
}

/// The file a second start names, made absolute against the folder it was started in.
fn file_argument(argv: &[String], cwd: &Path) -> Option<PathBuf> {
    let cli = crate::cli::Cli::try_parse_from(argv).ok()?;
    if cli.command.is_some() {
        return None;
    }
    cli.file.map(|file| cwd.join(file))
}

/// In a start that found the store locked: hand the file to the window that holds it and exit 0,
/// or, where nobody answers (no session bus), say in a dialog that the store is open elsewhere
/// and exit 1. The store is never opened. `context` comes from the one `generate_context!` in
/// `app.rs`; its windows are not created here.
pub fn hand_over(identifier: &str, dir: &Path, mut context: tauri::Context, why: LockError) -> ! {
    context.config_mut().app.windows.clear();
    let app = tauri::Builder::default()
        .plugin(single_instance(identifier, dir))
        .plugin(tauri_plugin_dialog::init())
        .build(context);
    // Still here: no window answered on D-Bus.
    let message = why.to_string();
    eprintln!("sla-studio: {message}");
    let Ok(app) = app else {
        std::process::exit(1);
    };
    app.run(move |handle, event| {
        if let tauri::RunEvent::Ready = event {
            use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
            let handle = handle.clone();
            handle
                .dialog()
                .message(message.clone())
                .title("SLA Studio is already open")
                .kind(MessageDialogKind::Warning)
                .show(move |_| handle.exit(1));
        }
    });
    std::process::exit(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_one_store_is_refused_and_another_store_is_free() {
        let one = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let held = lock_store(one.path()).unwrap();
        let refused = lock_store(one.path()).unwrap_err();
        assert!(matches!(refused, LockError::InUse { .. }), "{refused}");
        assert!(refused
            .to_string()
            .contains(&one.path().display().to_string()));
        let _other = lock_store(other.path()).expect("another data folder has its own window");
        drop(held);
        lock_store(one.path()).expect("free again once the window is gone");
    }

    #[test]
    fn each_data_folder_answers_to_its_own_valid_dbus_name() {
        let a = dbus_id("com.slastudio.desktop", Path::new("/data/a"));
        let b = dbus_id("com.slastudio.desktop", Path::new("/data/b"));
        assert_ne!(a, b);
        assert_eq!(a, dbus_id("com.slastudio.desktop", Path::new("/data/a")));
        for element in a.split('.') {
            assert!(!element.is_empty() && !element.starts_with(|c: char| c.is_ascii_digit()));
            assert!(element
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
        }
    }

    #[test]
    fn a_second_start_names_its_file_relative_to_where_it_started() {
        let argv = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        let cwd = Path::new("/home/anna/docs");
        assert_eq!(
            file_argument(&argv(&["sla-studio", "a.sla.json"]), cwd),
            Some(PathBuf::from("/home/anna/docs/a.sla.json"))
        );
        assert_eq!(
            file_argument(&argv(&["sla-studio", "/tmp/b.pdf"]), cwd),
            Some(PathBuf::from("/tmp/b.pdf"))
        );
        assert_eq!(file_argument(&argv(&["sla-studio"]), cwd), None);
        assert_eq!(file_argument(&argv(&["sla-studio", "--bogus"]), cwd), None);
    }
}
