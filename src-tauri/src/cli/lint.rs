//! `sla-studio lint (FILE|DRAFT_ID) [--json]`: the metric checks, as the wizard's Review step shows them.

use sla_guidance::checks::{self, Severity};

use super::{print, source, LangArg, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// An agreement file (.sla.json or exported PDF), or a draft id.
    source: String,
    /// Print the findings as JSON.
    #[arg(long)]
    json: bool,
    /// The language of the messages (default: the agreement's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: Args) -> Outcome {
    let loaded = source::load(&args.source)?;
    let language = loaded.language(args.lang);
    let findings = checks::check(&loaded.agreement, language);
    if args.json {
        print(&(serde_json::to_string_pretty(&findings)? + "\n"))?;
    } else {
        let mut out = String::new();
        for f in &findings {
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            out.push_str(&format!(
                "{severity}[{}] {}: {}\n    fix: {}\n    why: {}\n",
                f.id, f.field, f.message, f.fix, f.citation
            ));
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        out.push_str(&format!(
            "{} finding(s), {errors} error(s)\n",
            findings.len()
        ));
        print(&out)?;
    }
    Ok(if checks::has_errors(&findings) { 1 } else { 0 })
}
