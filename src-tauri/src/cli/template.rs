//! `sla-studio template NAME` and `--list`: the built-in templates and the company's own from the
//! `templates` folder beside the store.

use sla_store::Store;
use sla_templates::{Catalogue, Origin};

use super::{print, LangArg, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// The template to print (see --list).
    #[arg(required_unless_present = "list")]
    name: Option<String>,
    /// Name the available templates instead, with when to choose each; exits 1 when a file in
    /// the templates folder was left out (the reason goes to stderr).
    #[arg(long, conflicts_with = "name")]
    list: bool,
    /// The language of the agreement (and of the list).
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
}

pub fn run(args: Args) -> Outcome {
    let catalogue = Catalogue::load(&Store::configured_dir()?);
    let language = args.lang.into();
    if args.list {
        let listed = catalogue.list(language);
        let width = listed.iter().map(|t| t.name.len()).max().unwrap_or(0);
        let mut lines = String::new();
        for t in &listed {
            let languages: Vec<&str> = t
                .languages
                .iter()
                .map(|l| match l {
                    sla_model::Language::En => "en",
                    sla_model::Language::Ru => "ru",
                })
                .collect();
            let origin = match &t.origin {
                Origin::BuiltIn => "built-in".to_string(),
                Origin::User { files } => files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            lines += &format!(
                "{:width$}  {:5}  {}\n{:width$}  {:5}  {}\n{:width$}  {:5}  {}\n",
                t.name,
                languages.join(","),
                t.title,
                "",
                "",
                t.choose_when,
                "",
                "",
                origin,
            );
        }
        print(&lines)?;
        let problems = catalogue.problems(language);
        for p in &problems {
            eprintln!(
                "sla-studio: template file {} left out: {}",
                p.file.display(),
                p.message
            );
        }
        return Ok(if problems.is_empty() { 0 } else { 1 });
    }
    let name = args.name.unwrap_or_default();
    let today = chrono::Local::now().date_naive();
    let agreement = catalogue.instantiate(&name, language, today)?;
    print(&(sla_model::to_json_pretty(&agreement) + "\n"))?;
    Ok(0)
}
