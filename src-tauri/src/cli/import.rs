//! `sla-studio import FILE`: the whole file is read and checked before the store is opened, so a
//! bad file never touches the drafts.

use std::path::PathBuf;

use sla_store::Store;

use super::{print, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// An agreement JSON file (.sla.json).
    file: PathBuf,
}

pub fn run(args: Args) -> Outcome {
    let agreement = sla_model::read_file(&args.file).map_err(|e| located(&args.file, e))?;
    let mut store = Store::open_default()?;
    let info = store.create(&agreement, &format!("imported from {}", args.file.display()))?;
    print(&format!("{}\n", info.id))?;
    Ok(0)
}

/// Prefixes errors about the document's content with the file's name; I/O errors name it already.
pub(crate) fn located(file: &std::path::Path, e: sla_model::ReadError) -> super::Failure {
    use sla_model::ReadError::*;
    let message = match e {
        Io { .. } | IsDirectory { .. } | TooLarge { .. } => e.to_string(),
        _ => format!("{}: {e}", file.display()),
    };
    super::Failure { message, code: 2 }
}
