//! Starting the window on Windows. The program is a console program, so that the commands print
//! and return their exit codes in a terminal as on Linux; started from a shortcut or Explorer for
//! the window, it lets go of the console Windows made for it. The window needs Microsoft's WebView2
//! runtime (Windows 11 ships it, Windows 10 gets it with Edge): without it the program says so in
//! words, with where to get it, instead of failing inside the web view.

use windows_sys::Win32::System::Console::{FreeConsole, GetConsoleProcessList};
use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};

/// Where Microsoft offers the Evergreen WebView2 runtime.
pub const WEBVIEW2_PAGE: &str = "https://developer.microsoft.com/microsoft-edge/webview2/";

/// Whether this process is the only one on its console: then Windows made the console for it
/// (a double click, a shortcut), and nobody reads what it prints.
fn console_is_ours_alone() -> bool {
    let mut ids = [0u32; 2];
    // SAFETY: the buffer holds 2 ids and the call writes at most that many.
    let count = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    count == 1
}

/// Why the window cannot open on this machine, when the WebView2 runtime is missing.
pub fn webview2_missing() -> Option<String> {
    let reason = tauri::webview_version().err()?;
    Some(format!(
        "the window needs the Microsoft Edge WebView2 Runtime, which this computer lacks ({reason}). \
         Windows 11 has it and Windows 10 gets it with Microsoft Edge; install the Evergreen runtime \
         from {WEBVIEW2_PAGE} and start SLA Studio again. The commands in `sla-studio --help` work \
         without it.\n\
         Окну нужна среда Microsoft Edge WebView2 Runtime, которой на этом компьютере нет. Установите \
         её (Evergreen) со страницы {WEBVIEW2_PAGE} и запустите SLA Studio снова."
    ))
}

/// Says why the window cannot open: on the terminal, or in a message box when there is none.
pub fn report_start_error(message: &str) {
    eprintln!("sla-studio: error: {message}");
    if console_is_ours_alone() {
        let text: Vec<u16> = message.encode_utf16().chain([0]).collect();
        let title: Vec<u16> = "SLA Studio".encode_utf16().chain([0]).collect();
        // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call.
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                title.as_ptr(),
                MB_OK | MB_ICONERROR,
            )
        };
    }
}

/// Closes the console Windows opened for a window started from a shortcut; a terminal the
/// program was started from stays.
pub fn let_go_of_own_console() {
    if console_is_ours_alone() {
        // SAFETY: no handles to the console are kept; Rust's stdout then writes nowhere, harmlessly.
        unsafe { FreeConsole() };
    }
}
