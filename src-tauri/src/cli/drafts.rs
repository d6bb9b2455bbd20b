//! `sla-studio drafts`, `show ID` and `history ID`: reading the store.

use sla_store::{DraftId, PageRequest, MAX_PAGE};

use super::backup::open_store;
use super::{print, Outcome};

#[derive(clap::Args)]
pub struct ListArgs {
    /// Only drafts whose title, parties or text match these words.
    #[arg(long, short)]
    search: Option<String>,
    /// List the drafts in the trash instead.
    #[arg(long, conflicts_with = "search")]
    trash: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Print only the first N drafts (the most recently saved); all of them by default.
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    limit: Option<usize>,
}

fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{value:?} is not a number of drafts (1 or more)")),
    }
}

#[derive(clap::Args)]
pub struct ShowArgs {
    /// The draft's id, as `drafts` lists it.
    id: DraftId,
    /// Print this saved version instead of the latest.
    #[arg(long)]
    version: Option<u32>,
}

#[derive(clap::Args)]
pub struct HistoryArgs {
    /// The draft's id, as `drafts` lists it.
    id: DraftId,
}

pub fn list(args: ListArgs) -> Outcome {
    let store = open_store()?;
    let read = |request: &PageRequest| match (&args.search, args.trash) {
        (_, true) => store.list_trash(request),
        (Some(query), _) => store.search(query, request),
        (None, false) => store.list(request),
    };
    // A page at a time, so that even the whole list is read in bounded steps.
    let wanted = args.limit.unwrap_or(usize::MAX);
    let mut drafts = Vec::new();
    let mut request = PageRequest::first(wanted.min(MAX_PAGE));
    while drafts.len() < wanted {
        let page = read(&request)?;
        drafts.extend(page.drafts);
        match page.next {
            Some(cursor) => {
                request = PageRequest::after(cursor, (wanted - drafts.len()).min(MAX_PAGE))
            }
            None => break,
        }
    }
    if args.json {
        print(&(serde_json::to_string_pretty(&drafts)? + "\n"))?;
        return Ok(0);
    }
    let mut out = String::new();
    for d in &drafts {
        out.push_str(&format!(
            "{:>5}  v{:<4} {}  {}  ({} / {})\n",
            d.id, d.version, d.updated_at, d.title, d.marketing, d.sales
        ));
    }
    if drafts.is_empty() {
        eprintln!("no drafts");
    }
    print(&out)?;
    Ok(0)
}

pub fn show(args: ShowArgs) -> Outcome {
    let store = open_store()?;
    let draft = match args.version {
        Some(version) => store.get_version(args.id, version)?,
        None => store.get(args.id)?,
    };
    print(&(sla_model::to_json_pretty(&draft.agreement) + "\n"))?;
    Ok(0)
}

pub fn history(args: HistoryArgs) -> Outcome {
    let store = open_store()?;
    let mut out = String::new();
    for v in store.history(args.id)? {
        let note = if v.note.is_empty() {
            String::new()
        } else {
            format!("  ({})", v.note)
        };
        out.push_str(&format!(
            "v{:<4} {}  {}{}\n",
            v.version, v.saved_at, v.title, note
        ));
    }
    print(&out)?;
    Ok(0)
}
