//! The SLA Studio application: the Tauri window with its commands, and the CLI. Both are thin layers
//! over the core crates (`sla-model`, `sla-store`, `sla-guidance`, …), which know nothing of windows.

pub mod app;
pub mod cli;
mod commands;
pub mod error;
mod files;
pub mod instance;
pub mod recovery;
pub mod reviews;
mod signed_versions;
mod store_slot;
mod webview;
#[cfg(windows)]
pub mod windows_start;
