//! `sla-studio export (FILE|DRAFT_ID) -o OUT [--lang ru|en] [--from marketing|sales]`: a PDF
//! ready to sign, or, to a `.json` file, the agreement as a proposal for the other head. Either
//! names the version it was made from, so that the other head's next file can be merged three
//! ways (`sla-proposals`); the JSON also carries the comments, which the PDF never prints.

use std::path::PathBuf;

use sla_model::Side;

use super::backup::open_store;
use super::{print, source, Failure, LangArg, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// An agreement file (.sla.json), or a draft id.
    source: String,
    /// Where to write: a .pdf, or a .json proposal.
    #[arg(short, long)]
    output: PathBuf,
    /// The language of the PDF (default: the agreement's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Whose file this is, so that the other head sees whose proposal they merge.
    #[arg(long, value_enum)]
    from: Option<SideArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SideArg {
    Marketing,
    Sales,
}

pub fn run(args: Args) -> Outcome {
    let loaded = source::load(&args.source)?;
    let language = loaded.language(args.lang);
    let from = args.from.map(|side| match side {
        SideArg::Marketing => Side::Marketing,
        SideArg::Sales => Side::Sales,
    });
    let as_json = args
        .output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let (bytes, draft_mark) = match (loaded.draft, as_json) {
        (Some((id, version)), true) => {
            let mut store = open_store()?;
            // The file names this version: it must stay as it is, whatever the window
            // autosaves next, so that the other head's answer finds it.
            store.keep_version(id, version)?;
            let agreement = sla_proposals::outgoing(&mut store, id, version, from)?;
            (write_json(&agreement, &args.output)?, false)
        }
        (Some((id, version)), false) => crate::files::export_draft_pdf(
            &mut open_store()?,
            id,
            Some(version),
            language,
            from,
            &args.output,
        )?,
        (None, as_json) => {
            let mut agreement = loaded.agreement;
            if from.is_some() {
                agreement.negotiation.from = from;
            }
            if as_json {
                (write_json(&agreement, &args.output)?, false)
            } else {
                crate::files::export_pdf(&agreement, language, None, None, &args.output)?
            }
        }
    };
    let mark = if draft_mark {
        " (marked DRAFT: `sla-studio lint` shows why)"
    } else {
        ""
    };
    print(&format!(
        "{} ({} bytes){mark}\n",
        args.output.display(),
        bytes
    ))?;
    Ok(0)
}

fn write_json(agreement: &sla_model::Agreement, path: &std::path::Path) -> Result<usize, Failure> {
    let text = sla_model::to_json_pretty(agreement) + "\n";
    crate::files::write_atomically(path, text.as_bytes())?;
    Ok(text.len())
}
