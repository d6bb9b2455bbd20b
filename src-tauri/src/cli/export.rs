//! `sla-studio export (FILE|DRAFT_ID) -o OUT.pdf [--lang ru|en]`.

use std::path::PathBuf;

use super::{print, source, LangArg, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// An agreement file (.sla.json), or a draft id.
    source: String,
    /// Where to write the PDF.
    #[arg(short, long)]
    output: PathBuf,
    /// The language of the PDF (default: the agreement's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: Args) -> Outcome {
    let loaded = source::load(&args.source)?;
    let language = loaded.language(args.lang);
    let (bytes, draft_mark) =
        crate::files::export_pdf(&loaded.agreement, language, loaded.draft, &args.output)?;
    if let Some((id, version)) = loaded.draft {
        // The PDF names this version: it must stay as it is, whatever the window autosaves next.
        super::backup::open_store()?.keep_version(id, version)?;
    }
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
