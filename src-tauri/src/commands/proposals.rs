//! Negotiating in the window: a draft sent to the other head as a file, and a file from them
//! recognised as the same agreement, shown change by change, and merged as the person decides
//! (`sla-proposals`). Files are read whole and checked before the store is touched.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sla_compare::{Choice, Conflict};
use sla_model::{Language, Side};
use sla_proposals::{BaseFound, Incoming, Proposal};
use sla_store::{Draft, DraftId, DraftInfo};
use tauri::State;

use crate::app::AppState;
use crate::error::{Error, Result};

/// Writes the latest version of draft `id` to `path` (`.sla.json`) for the other head, saying
/// which side sends it; the version is kept, so that their answer finds it.
#[tauri::command]
pub fn export_proposal(
    state: State<'_, AppState>,
    id: DraftId,
    from: Option<Side>,
    path: PathBuf,
) -> Result<PathBuf> {
    let agreement = {
        let mut store = state.store.lock()?;
        let draft = store.keep_latest(id)?;
        sla_proposals::outgoing(&mut store, id, draft.info.version, from)?
    };
    let text = sla_model::to_json_pretty(&agreement) + "\n";
    crate::files::write_atomically(&path, text.as_bytes())?;
    Ok(path)
}

/// One change, as the window lists it.
#[derive(Serialize)]
pub struct ChangeView {
    key: String,
    step: sla_compare::Step,
    kind: sla_compare::ChangeKind,
    text: String,
    /// The wizard's path of the field, where the version shown has it.
    field: Option<String>,
}

/// A conflict: both heads changed the same clause; each side's edits as sentences.
#[derive(Serialize)]
pub struct ConflictView {
    key: String,
    step: sla_compare::Step,
    text: String,
    ours: Vec<String>,
    theirs: Vec<String>,
}

/// What a file is to this computer's drafts: a new agreement, or a proposal for a draft here.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileView {
    New {
        title: String,
    },
    Proposal {
        draft: DraftId,
        title: String,
        /// The draft's latest version, which the merge builds on.
        latest: u32,
        base: BaseFound,
        from: Option<Side>,
        proposer: Option<String>,
        changes: Vec<ChangeView>,
        conflicts: Vec<ConflictView>,
        new_comments: usize,
        /// The comments in the file that the draft does not have yet, oldest first.
        comments: Vec<CommentView>,
    },
}

/// A comment that comes with a proposal.
#[derive(Serialize)]
pub struct CommentView {
    /// The wizard's path of the field it is on, in the proposal; `None` for a removed clause.
    field: Option<String>,
    author: String,
    at: String,
    text: String,
}

fn change_view(
    change: &sla_compare::Change,
    language: Language,
    field: Option<String>,
) -> ChangeView {
    ChangeView {
        key: change.key.clone(),
        step: change.step,
        kind: change.kind,
        text: change.text.get(language).to_owned(),
        field,
    }
}

fn conflict_view(c: &Conflict, language: Language) -> ConflictView {
    let texts = |changes: &[sla_compare::Change]| {
        changes
            .iter()
            .map(|x| x.text.get(language).to_owned())
            .collect()
    };
    ConflictView {
        key: c.key.clone(),
        step: c.step,
        text: c.text.get(language).to_owned(),
        ours: texts(&c.ours_changes),
        theirs: texts(&c.theirs_changes),
    }
}

fn proposal_view(store: &sla_store::Store, p: &Proposal, language: Language) -> Result<FileView> {
    Ok(FileView::Proposal {
        draft: p.draft,
        title: store.get(p.draft)?.info.title,
        latest: p.latest,
        base: p.base,
        from: p.from,
        proposer: p.proposer.clone(),
        changes: p
            .their_changes()
            .map(|m| change_view(&m.change, language, m.change.field_path(&p.theirs)))
            .collect(),
        conflicts: p
            .merge
            .conflicts
            .iter()
            .map(|c| conflict_view(c, language))
            .collect(),
        new_comments: p.new_comments,
        comments: new_comments(store, p)?,
    })
}

fn new_comments(store: &sla_store::Store, p: &Proposal) -> Result<Vec<CommentView>> {
    let ours = store.get(p.draft)?.agreement.negotiation.comments;
    let known = |thread: &str, message: &str| {
        ours.iter()
            .any(|t| t.id == thread && t.messages.iter().any(|m| m.id == message))
    };
    let mut out: Vec<CommentView> = p
        .theirs
        .negotiation
        .comments
        .iter()
        .flat_map(|t| t.messages.iter().map(move |m| (t, m)))
        .filter(|(t, m)| !known(&t.id, &m.id))
        .map(|(t, m)| CommentView {
            field: sla_compare::field_for_key(&p.theirs, &t.on),
            author: m.author.clone(),
            at: m.at.clone(),
            text: m.text.clone(),
        })
        .collect();
    out.sort_by(|a, b| a.at.cmp(&b.at));
    Ok(out)
}

/// The setting naming the proposal file opened for draft `id` and not merged yet.
fn pending_key(id: DraftId) -> String {
    format!("proposal-pending:{id}")
}

/// Reads the file at `path` (`.sla.json`, or a PDF SLA Studio exported) and says what it is:
/// a new agreement, or a proposal for a draft here with its changes in `language`. Stores no
/// draft; a proposal is remembered as waiting for its draft until it is merged, so that the
/// drafts list can say so.
#[tauri::command]
pub fn examine_file(
    state: State<'_, AppState>,
    path: PathBuf,
    language: Language,
) -> Result<FileView> {
    let theirs = crate::files::read_agreement(&path)?;
    let mut store = state.store.lock()?;
    match sla_proposals::examine(&store, theirs)? {
        Incoming::New(agreement) => Ok(FileView::New {
            title: agreement.title,
        }),
        Incoming::Proposal(p) => {
            let view = proposal_view(&store, &p, language)?;
            if !p.is_empty() {
                store.set_setting(&pending_key(p.draft), &path.to_string_lossy())?;
            }
            Ok(view)
        }
    }
}

/// What the drafts list says beside a draft besides its title.
#[derive(Serialize)]
pub struct DraftBadge {
    id: DraftId,
    /// Comment threads nobody has resolved since their last message.
    open_comments: usize,
    /// A proposal file opened for it and not merged yet.
    pending_proposal: Option<PathBuf>,
}

/// The badges of the drafts `ids` (a page of the list): only drafts with something to say.
#[tauri::command]
pub fn draft_badges(state: State<'_, AppState>, ids: Vec<DraftId>) -> Result<Vec<DraftBadge>> {
    let store = state.store.lock()?;
    let mut badges = Vec::new();
    for id in ids {
        let open_comments = match store.get(id) {
            Ok(draft) => draft.agreement.negotiation.open_threads(),
            // A draft gone meanwhile, or unreadable, has nothing to badge; the list says the rest.
            Err(_) => continue,
        };
        let pending_proposal = store
            .get_setting(&pending_key(id))?
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
        if open_comments > 0 || pending_proposal.is_some() {
            badges.push(DraftBadge {
                id,
                open_comments,
                pending_proposal,
            });
        }
    }
    Ok(badges)
}

/// Stores the file at `path` as a new draft: of a new agreement, keeping its number; or, with
/// `separate`, as a draft of its own even when it is a new version of a draft here.
#[tauri::command]
pub fn import_file(state: State<'_, AppState>, path: PathBuf, separate: bool) -> Result<Draft> {
    let theirs = crate::files::read_agreement(&path)?;
    let note = format!("imported from {}", path.display());
    let mut store = state.store.lock()?;
    let info = match sla_proposals::examine(&store, theirs)? {
        Incoming::New(agreement) => sla_proposals::import_new(&mut store, *agreement, &note)?,
        Incoming::Proposal(p) if separate => {
            // Kept apart on purpose: no longer waiting to be merged.
            store.set_setting(&pending_key(p.draft), "")?;
            sla_proposals::import_as_copy(&mut store, p.theirs, &note)?
        }
        Incoming::Proposal(p) => {
            return Err(Error::Io(format!(
                "{} is a new version of the draft “{}”: compare it instead",
                path.display(),
                store.get(p.draft)?.info.title
            )))
        }
    };
    Ok(store.get(info.id)?)
}

/// How the person settled a conflict.
#[derive(Deserialize)]
pub struct ChoiceArg {
    key: String,
    choice: Choice,
}

/// Merges the proposal in the file at `path` into draft `draft`: every change of the proposal
/// but the `rejected` ones, each conflict as chosen. `latest` is the version the person saw the
/// comparison against: when the draft was saved since, nothing is merged (kind `conflict`), so
/// that nobody accepts changes against a version they did not see.
#[tauri::command]
pub fn accept_proposal(
    state: State<'_, AppState>,
    path: PathBuf,
    draft: DraftId,
    latest: u32,
    rejected: Vec<String>,
    choices: Vec<ChoiceArg>,
) -> Result<Draft> {
    let theirs = crate::files::read_agreement(&path)?;
    let mut store = state.store.lock()?;
    let mut proposal = sla_proposals::examine_for(&store, draft, theirs)?;
    // The merge builds on the version the person saw; a newer one makes the store refuse.
    proposal.latest = latest;
    let choices: Vec<(String, Choice)> = choices.into_iter().map(|c| (c.key, c.choice)).collect();
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let info: DraftInfo =
        sla_proposals::accept(&mut store, &proposal, &rejected, &choices, &source)?;
    store.set_setting(&pending_key(draft), "")?;
    Ok(store.get(info.id)?)
}

/// What changed from version `from` to version `to` of draft `id`, each change in `language`
/// with the path of its field in the version it is in (`to`, or `from` for what was removed).
#[tauri::command]
pub fn compare_versions(
    state: State<'_, AppState>,
    id: DraftId,
    from: u32,
    to: u32,
    language: Language,
) -> Result<Vec<ChangeView>> {
    let (old, new) = {
        let store = state.store.lock()?;
        (
            store.get_version(id, from)?.agreement,
            store.get_version(id, to)?.agreement,
        )
    };
    Ok(sla_compare::compare(&old, &new)
        .changes
        .iter()
        .map(|c| {
            let field = c.field_path(&new).or_else(|| c.field_path(&old));
            change_view(c, language, field)
        })
        .collect())
}
