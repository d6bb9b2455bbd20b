//! One binary, two faces: with a subcommand it is the headless CLI (no display needed); without
//! one it opens the wizard window, optionally with an agreement file to open.

use clap::Parser;
use sla_studio::cli::Cli;

fn main() {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        std::process::exit(sla_studio::cli::run(command));
    }
    if let Some(file) = &cli.file {
        // A mistyped subcommand lands here too; say so rather than open a window for it.
        if !file.exists() {
            eprintln!(
                "sla-studio: error: `{}` is neither a command nor an existing file; see `sla-studio --help`",
                file.display()
            );
            std::process::exit(2);
        }
    }
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        eprintln!("sla-studio: error: no display to open the window on (DISPLAY is not set); the commands in `sla-studio --help` work without one");
        std::process::exit(2);
    }
    #[cfg(windows)]
    {
        use sla_studio::windows_start;
        if let Some(message) = windows_start::webview2_missing() {
            windows_start::report_start_error(&message);
            std::process::exit(2);
        }
        windows_start::let_go_of_own_console();
    }
    sla_studio::app::run(cli.file);
}
