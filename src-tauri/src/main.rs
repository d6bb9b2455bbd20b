//! One binary, two faces: with a subcommand it is the headless CLI (no display needed); without
//! one it opens the wizard window, optionally with an agreement file to open.

use clap::Parser;
use sla_studio::cli::Cli;

fn main() {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => std::process::exit(sla_studio::cli::run(command)),
        None => sla_studio::app::run(cli.file),
    }
}
