//! The headless command line: the same core as the window, for scripts, CI and people who prefer
//! a terminal. Exit codes: 0 success, 1 the file is fine but the answer is "no" (findings with
//! errors, a signature that does not verify, two agreements that differ), 2 bad input or a
//! failure; errors are one line on stderr naming what is wrong and where.

mod backup;
mod diff;
mod drafts;
mod export;
mod import;
mod lint;
mod merge;
mod review;
mod save;
mod signing;
mod source;
mod template;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use sla_model::Language;

#[derive(Parser)]
#[command(
    name = "sla-studio",
    version,
    about = "Write a service-level agreement between sales and marketing; without a command, opens the window"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// An agreement (.sla.json) or signed PDF to open in the window.
    pub file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print a complete example agreement as JSON.
    Template(template::Args),
    /// Store an agreement file (.sla.json, or a PDF exported by SLA Studio) as a new draft and print
    /// its id; a new version of a draft here is not stored but shown how to merge (exit 1).
    Import(import::Args),
    /// Save a file as a new version of a draft and print its number (exit 2, saving nothing, when
    /// the draft has a newer version than --base).
    Save(save::Args),
    /// List the drafts (newest first).
    Drafts(drafts::ListArgs),
    /// Print a draft's agreement as JSON.
    Show(drafts::ShowArgs),
    /// List the saved versions of a draft (newest first).
    History(drafts::HistoryArgs),
    /// Check an agreement the way the wizard's Review step does (exit 1 when there are errors).
    Lint(lint::Args),
    /// Compare two agreements (files, drafts or ID@VERSION) change by change, grouped by wizard
    /// step (exit 0 when they are the same, 1 when they differ).
    Diff(diff::Args),
    /// Merge the other head's file into a draft, three ways from the version you both last had
    /// (exit 1, saving nothing, while conflicts remain).
    Merge(merge::Args),
    /// Write an agreement as a PDF ready to sign, or (to a .json file) as a proposal for the other head.
    Export(export::Args),
    /// Manage signing identities.
    #[command(subcommand)]
    Identity(signing::IdentityCommand),
    /// Sign (or countersign) an exported agreement PDF.
    Sign(signing::SignArgs),
    /// Check every signature of a PDF (exit 0 only when all are intact and nothing else changed).
    Verify(signing::VerifyArgs),
    /// Back up the drafts and signing identities into the backups folder (or to -o FILE).
    Backup(backup::BackupArgs),
    /// List the backups in the backups folder (newest first).
    Backups(backup::ListArgs),
    /// Restore a backup over the drafts and identities, backing the current ones up first.
    Restore(backup::RestoreArgs),
    /// Import a period's CRM export (CSV or XLSX) for a draft's agreement and print its compliance
    /// (exit 1 when a target was missed); or show a stored period, or write its review report PDF.
    Review(review::ReviewArgs),
    /// Enter a metric's figure for a period by hand, for what no export gives, and print the
    /// period's compliance.
    Actual(review::ActualArgs),
    /// Write the agreement's review meetings over its term as an iCalendar file (.ics).
    Calendar(review::CalendarArgs),
}

/// `--lang` values.
#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    En,
    Ru,
}

impl From<LangArg> for Language {
    fn from(lang: LangArg) -> Language {
        match lang {
            LangArg::En => Language::En,
            LangArg::Ru => Language::Ru,
        }
    }
}

/// How a command ends: its exit code, or an error to print.
pub type Outcome = Result<i32, Failure>;

/// A failed command: one line for stderr and the exit code.
pub struct Failure {
    pub message: String,
    pub code: i32,
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure {
            message: e.to_string(),
            code: 2,
        }
    }
}

pub fn run(command: Command) -> i32 {
    let outcome = match command {
        Command::Template(args) => template::run(args),
        Command::Import(args) => import::run(args),
        Command::Save(args) => save::run(args),
        Command::Drafts(args) => drafts::list(args),
        Command::Show(args) => drafts::show(args),
        Command::History(args) => drafts::history(args),
        Command::Lint(args) => lint::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Export(args) => export::run(args),
        Command::Identity(command) => signing::identity(command),
        Command::Sign(args) => signing::sign(args),
        Command::Verify(args) => signing::verify_file(args),
        Command::Backup(args) => backup::backup(args),
        Command::Backups(args) => backup::list(args),
        Command::Restore(args) => backup::restore(args),
        Command::Review(args) => review::review(args),
        Command::Actual(args) => review::actual(args),
        Command::Calendar(args) => review::calendar(args),
    };
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("sla-studio: error: {}", failure.message);
            failure.code
        }
    }
}

/// Writes to stdout, treating a closed pipe (`| head`) as the end rather than a crash.
pub(crate) fn print(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
