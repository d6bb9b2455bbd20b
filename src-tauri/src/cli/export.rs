//! `sla-studio export (FILE|DRAFT_ID) -o OUT.pdf [--lang ru|en]`.

use std::path::PathBuf;

use sla_guidance::checks;

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
    let language = args
        .lang
        .map(Into::into)
        .unwrap_or(loaded.agreement.language);
    let mut options = sla_pdf::ExportOptions::new(&loaded.agreement);
    options.language = language;
    options.draft_id = loaded.draft.map(|(id, _)| id);
    options.version = loaded.draft.map(|(_, version)| version);
    // An agreement with errors still exports, but every page says it is a draft.
    options.draft_mark = checks::has_errors(&checks::check(&loaded.agreement, language));
    let pdf = sla_pdf::export(&loaded.agreement, &options)?;
    crate::files::write_atomically(&args.output, &pdf)?;
    let mark = if options.draft_mark {
        " (marked DRAFT: `sla-studio lint` shows why)"
    } else {
        ""
    };
    print(&format!(
        "{} ({} bytes){mark}\n",
        args.output.display(),
        pdf.len()
    ))?;
    Ok(0)
}
