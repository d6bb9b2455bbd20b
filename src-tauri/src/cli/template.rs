//! `sla-studio template NAME` and `--list`.

use sla_guidance::templates;

use super::{print, LangArg, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// The template to print (see --list).
    #[arg(required_unless_present = "list")]
    name: Option<String>,
    /// Name the available templates instead.
    #[arg(long, conflicts_with = "name")]
    list: bool,
    /// The language of the agreement.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
}

pub fn run(args: Args) -> Outcome {
    if args.list {
        let width = templates::TEMPLATES
            .iter()
            .map(|t| t.name.len())
            .max()
            .unwrap_or(0);
        let lines: String = templates::TEMPLATES
            .iter()
            .map(|t| format!("{:width$}  {}\n", t.name, t.summary))
            .collect();
        print(&lines)?;
        return Ok(0);
    }
    let name = args.name.unwrap_or_default();
    let agreement = templates::instantiate(&name, args.lang.into())?;
    print(&(sla_model::to_json_pretty(&agreement) + "\n"))?;
    Ok(0)
}
