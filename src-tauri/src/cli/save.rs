//! `sla-studio save ID FILE [--base N]`: a new version of an existing draft from a file. The file
//! is read and checked before the store is opened; the save is refused, writing nothing, when the
//! draft has moved on from the version it is based on, so it never overwrites a save it did not see.

use std::path::PathBuf;

use sla_store::{DraftId, StoreError};

use super::{print, source, Failure, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// The draft's id, as `drafts` lists it.
    id: DraftId,
    /// An agreement JSON file (.sla.json), or a PDF exported by SLA Studio.
    file: PathBuf,
    /// The version the file was edited from (as `history` lists it): when the draft has a newer
    /// one, nothing is saved and the command exits 2. Without it, the latest version when the
    /// command reads the draft.
    #[arg(long)]
    base: Option<u32>,
}

pub fn run(args: Args) -> Outcome {
    let agreement = source::read_file(&args.file)?;
    let mut store = super::backup::open_store()?;
    let latest = store.get(args.id)?.info.version;
    let base = args.base.unwrap_or(latest);
    let info = store
        .save(args.id, &agreement, base)
        .map_err(|e| match e {
            StoreError::Conflict { id, latest, .. } => Failure {
                message: format!(
                    "{e}. See it with `sla-studio show {id}`; to save this file on top of it, run `sla-studio save {id} {} --base {latest}`",
                    args.file.display()
                ),
                code: 2,
            },
            other => other.into(),
        })?;
    if info.version == latest {
        eprintln!(
            "draft {} already holds this agreement as version {}: nothing saved",
            info.id, info.version
        );
    }
    print(&format!("{}\n", info.version))?;
    Ok(0)
}
