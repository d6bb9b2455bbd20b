//! `sla-studio import FILE`: the whole file is read and checked before the store is opened, so a
//! bad file never touches the drafts.

use std::path::PathBuf;

use super::backup::open_store;
use super::{print, source, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// An agreement JSON file (.sla.json), or a PDF exported by SLA Studio.
    file: PathBuf,
}

pub fn run(args: Args) -> Outcome {
    let agreement = source::read_file(&args.file)?;
    let mut store = open_store()?;
    let info = store.create(
        &agreement,
        &format!("imported from {}", args.file.display()),
    )?;
    print(&format!("{}\n", info.id))?;
    Ok(0)
}
