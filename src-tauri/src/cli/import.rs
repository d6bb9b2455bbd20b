//! `sla-studio import [--as-new] FILE`: the whole file is read and checked before the store is
//! opened, so a bad file never touches the drafts. A file of an agreement that is a draft here
//! already is the other head's new version of it: it is not stored twice, and the command says
//! how to merge it (exit 1).

use std::path::PathBuf;

use sla_i18n::Messages;
use sla_proposals::Incoming;

use super::backup::open_store;
use super::{print, source, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// An agreement JSON file (.sla.json), or a PDF exported by SLA Studio.
    file: PathBuf,
    /// Store it as a separate draft (with an agreement number of its own) even when it is a new
    /// version of a draft here.
    #[arg(long)]
    as_new: bool,
}

pub fn run(args: Args) -> Outcome {
    let agreement = source::read_file(&args.file)?;
    let mut store = open_store()?;
    let note = format!("imported from {}", args.file.display());
    let info = match sla_proposals::examine(&store, agreement)? {
        Incoming::New(agreement) => sla_proposals::import_new(&mut store, *agreement, &note)?,
        Incoming::Proposal(proposal) if args.as_new => {
            sla_proposals::import_as_copy(&mut store, proposal.theirs, &note)?
        }
        Incoming::Proposal(proposal) => {
            let title = store.get(proposal.draft)?.info.title;
            let messages = Messages::new(proposal.theirs.language);
            let file = args.file.display().to_string();
            print(&format!(
                "{}\n",
                messages.format(
                    "compare-import-proposal",
                    &[
                        ("file", file.as_str().into()),
                        ("draft", proposal.draft.to_string().into()),
                        ("title", title.as_str().into()),
                    ],
                )
            ))?;
            return Ok(1);
        }
    };
    print(&format!("{}\n", info.id))?;
    Ok(0)
}
