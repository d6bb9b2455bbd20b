//! `sla-studio diff A B [--json] [--lang ru|en]`: what changed from agreement A to agreement B,
//! change by change in the agreement's own terms, under the wizard's step names. A and B are each
//! a file (`.sla.json`, or a PDF SLA Studio exported or signed), a draft id (its latest version)
//! or `ID@VERSION`. Exit 0 when they are the same, 1 when they differ, 2 on bad input.
//!
//! Files are read before the store is opened, and the store is opened only when a draft is named,
//! and then only to read: a diff never changes the drafts, and two files need no store at all.

use std::path::{Path, PathBuf};

use sla_compare::{Comparison, Step};
use sla_i18n::Messages;
use sla_model::Agreement;
use sla_store::{DraftId, Store, StoreError};

use super::{print, source, Failure, LangArg, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// The first version: an agreement file (.sla.json, or a PDF exported or signed by SLA
    /// Studio), a draft id (its latest version), or a draft's version as ID@VERSION.
    a: String,
    /// The second version, in the same forms.
    b: String,
    /// Print the changes as JSON.
    #[arg(long)]
    json: bool,
    /// The language of the output (default: the second agreement's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

/// The wizard's steps in its order: the order of the groups of changes.
pub(crate) const STEPS: [Step; 7] = [
    Step::Parties,
    Step::Performance,
    Step::Monitoring,
    Step::Deadlines,
    Step::Consequences,
    Step::Review,
    Step::Signoff,
];

/// Where one of the two agreements comes from.
enum Source {
    File(PathBuf),
    Draft { id: DraftId, version: Option<u32> },
}

impl Source {
    /// A path that exists is a file; else `12` is a draft, `12@3` a version of it, and anything
    /// else a file, so that a missing one is reported as a file.
    fn parse(arg: &str) -> Result<Source, Failure> {
        if Path::new(arg).exists() {
            return Ok(Source::File(arg.into()));
        }
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match arg.split_once('@') {
            Some((id, version)) if digits(id) && digits(version) => {
                match (id.parse(), version.parse()) {
                    (Ok(id), Ok(version)) => Ok(Source::Draft {
                        id,
                        version: Some(version),
                    }),
                    _ => Err(malformed(arg)),
                }
            }
            Some((id, _)) if digits(id) => Err(malformed(arg)),
            _ if digits(arg) => arg
                .parse()
                .map(|id| Source::Draft { id, version: None })
                .map_err(|_| malformed(arg)),
            _ => Ok(Source::File(arg.into())),
        }
    }
}

fn malformed(arg: &str) -> Failure {
    Failure {
        message: format!(
            "`{arg}` is neither a file nor a draft: write a draft as its id (12) or a version of it as ID@VERSION (12@3); `sla-studio history ID` lists the versions"
        ),
        code: 2,
    }
}

/// An agreement read, or a draft still to read: files are read first.
enum Pending {
    Read(Box<Agreement>),
    Draft { id: DraftId, version: Option<u32> },
}

impl Pending {
    fn of(source: Source) -> Result<Pending, Failure> {
        Ok(match source {
            Source::File(path) => Pending::Read(Box::new(source::read_file(&path)?)),
            Source::Draft { id, version } => Pending::Draft { id, version },
        })
    }

    /// The agreement, reading a draft from `store`, which is opened the first time one is.
    fn read(self, store: &mut Option<Store>) -> Result<Agreement, Failure> {
        let (id, version) = match self {
            Pending::Read(agreement) => return Ok(*agreement),
            Pending::Draft { id, version } => (id, version),
        };
        let store = match store {
            Some(store) => store,
            None => store.insert(open_store(id)?),
        };
        let draft = match version {
            Some(version) => store.get_version(id, version)?,
            None => store.get(id)?,
        };
        Ok(draft.agreement)
    }
}

pub fn run(args: Args) -> Outcome {
    let (a, b) = (Source::parse(&args.a)?, Source::parse(&args.b)?);
    let (a, b) = (Pending::of(a)?, Pending::of(b)?);
    let mut store = None;
    let (a, b) = (a.read(&mut store)?, b.read(&mut store)?);
    drop(store);

    let language = args.lang.map(Into::into).unwrap_or(b.language);
    let messages = Messages::new(language);
    let comparison = sla_compare::compare(&a, &b);
    let other_agreement = (a.id != b.id).then(|| {
        let named = |x: &Agreement| {
            messages.format(
                "compare-agreement-named",
                &[
                    ("title", x.title.as_str().into()),
                    ("id", x.id.as_str().into()),
                ],
            )
        };
        messages.format(
            "compare-other-agreement",
            &[("old", named(&a).into()), ("new", named(&b).into())],
        )
    });

    if args.json {
        // Standard output stays JSON alone.
        if let Some(line) = &other_agreement {
            eprintln!("{line}");
        }
        let changes = comparison
            .changes
            .iter()
            .map(|change| {
                let mut value = serde_json::to_value(change)?;
                value["sentence"] = change.text.get(language).into();
                Ok(value)
            })
            .collect::<Result<Vec<_>, serde_json::Error>>()?;
        print(&(serde_json::to_string_pretty(&changes)? + "\n"))?;
    } else {
        let mut out = other_agreement
            .map(|line| line + "\n\n")
            .unwrap_or_default();
        out.push_str(&text(&comparison, &messages));
        print(&out)?;
    }
    Ok(if comparison.is_empty() { 0 } else { 1 })
}

/// The changes under their steps' names, then how many there are; or that there are none.
fn text(comparison: &Comparison, messages: &Messages) -> String {
    if comparison.is_empty() {
        return messages.get("compare-same") + "\n";
    }
    let mut out = String::new();
    for step in STEPS {
        let mut changes = comparison.changes.iter().filter(|c| c.step == step);
        let Some(first) = changes.next() else {
            continue;
        };
        out.push_str(&messages.get(&format!("compare-group-{}", step.as_str())));
        out.push('\n');
        for change in std::iter::once(first).chain(changes) {
            out.push_str("  ");
            out.push_str(change.text.get(messages.language()));
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&messages.format(
        "compare-count",
        &[("count", comparison.changes.len().into())],
    ));
    out.push('\n');
    out
}

/// The store, opened to read only; without one, the draft asked for does not exist.
fn open_store(id: DraftId) -> Result<Store, Failure> {
    Store::open_default_to_read().map_err(|e| match e {
        StoreError::NoDatabase { .. } => Failure {
            message: format!("draft {id} does not exist: {e}"),
            code: 2,
        },
        other => other.into(),
    })
}
