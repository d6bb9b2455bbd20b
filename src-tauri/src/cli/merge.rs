//! `sla-studio merge ID FILE [--accept-all] [--reject KEY]... [--json] [--lang ru|en]`: the other
//! head's file merged into draft ID, three ways from the version both last had (`sla-proposals`).
//! Their changes are accepted unless rejected by key; a conflict (both changed the same clause)
//! is settled only by `--accept-all`, which takes the proposal's side. A proposal whose base is
//! not on this computer is compared two ways, every difference shown as the proposal's, and is
//! merged only with `--accept-all`. Exit 0 merged (or nothing to merge), 1 nothing saved because
//! conflicts remain or a two-way merge was not confirmed, 2 bad input. `--dry-run` shows the
//! same and saves nothing.

use std::path::PathBuf;

use sla_compare::{Choice, Step};
use sla_i18n::Messages;
use sla_proposals::{BaseFound, Proposal, ProposalError};
use sla_store::DraftId;

use super::backup::open_store;
use super::{print, source, Failure, LangArg, Outcome};

#[derive(clap::Args)]
pub struct Args {
    /// The draft to merge into.
    id: DraftId,
    /// The other head's file: .sla.json, or a PDF exported or signed by SLA Studio.
    file: PathBuf,
    /// Accept every change of the proposal, taking its side in each conflict (and merge a
    /// proposal whose base this computer does not have).
    #[arg(long)]
    accept_all: bool,
    /// Leave out the proposal's change with this key (as `--json` or `diff --json` prints it).
    #[arg(long, value_name = "KEY")]
    reject: Vec<String>,
    /// Print the proposal's changes, conflicts and what was saved as JSON.
    #[arg(long)]
    json: bool,
    /// Show what would be merged and save nothing.
    #[arg(long)]
    dry_run: bool,
    /// The language of the output (default: the draft's).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: Args) -> Outcome {
    let theirs = source::read_file(&args.file)?;
    let mut store = open_store()?;
    let proposal = sla_proposals::examine_for(&store, args.id, theirs).map_err(|e| match e {
        ProposalError::OtherAgreement { .. } => Failure {
            message: format!(
                "{}: {e} (`sla-studio import {}`)",
                args.file.display(),
                args.file.display()
            ),
            code: 2,
        },
        other => other.into(),
    })?;
    let language = args
        .lang
        .map(Into::into)
        .unwrap_or(proposal.merge.merged.language);
    let messages = Messages::new(language);

    let two_way = !matches!(proposal.base, BaseFound::Found { .. });
    let conflicts = proposal.merge.conflicts.len();
    let blocked = !args.accept_all && (conflicts > 0 || (two_way && !proposal.is_empty()));
    let saved = if args.dry_run || blocked || proposal.is_empty() && proposal.new_comments == 0 {
        None
    } else {
        let choices: Vec<(String, Choice)> = proposal
            .merge
            .conflicts
            .iter()
            .map(|c| (c.key.clone(), Choice::Theirs))
            .collect();
        let source = args.file.display().to_string();
        Some(sla_proposals::accept(
            &mut store,
            &proposal,
            &args.reject,
            &choices,
            &source,
        )?)
    };

    if args.json {
        print(
            &(serde_json::to_string_pretty(&json(&proposal, &messages, saved.as_ref()))? + "\n"),
        )?;
    } else {
        let mut out = text(&proposal, &messages, &store);
        if let Some(info) = &saved {
            out.push_str(&messages.format(
                "compare-merge-saved",
                &[
                    ("draft", info.id.to_string().into()),
                    ("version", info.version.to_string().into()),
                ],
            ));
        } else if args.dry_run {
            out.push_str(&messages.get("compare-merge-dry-run"));
        } else if conflicts > 0 && blocked {
            out.push_str(&messages.format(
                "compare-merge-conflicts-remain",
                &[("count", conflicts.into())],
            ));
        } else if blocked {
            out.push_str(&messages.get("compare-merge-two-way-confirm"));
        } else {
            out.push_str(&messages.get("compare-merge-nothing"));
        }
        out.push('\n');
        print(&out)?;
    }
    Ok(if blocked { 1 } else { 0 })
}

/// Whose proposal, how it was compared, its changes by wizard step, the conflicts with each
/// side's edits, and the new comments.
fn text(proposal: &Proposal, messages: &Messages, store: &sla_store::Store) -> String {
    let title = store
        .get(proposal.draft)
        .map(|d| d.info.title)
        .unwrap_or_default();
    let draft = [
        ("draft", proposal.draft.to_string().into()),
        ("title", title.as_str().into()),
    ];
    let mut out = match &proposal.proposer {
        Some(name) => messages.format(
            "compare-merge-from",
            &[
                draft[0].clone(),
                draft[1].clone(),
                ("name", name.as_str().into()),
            ],
        ),
        None => messages.format("compare-merge-from-unknown", &draft),
    };
    out.push('\n');
    out.push_str(&match proposal.base {
        BaseFound::Found { version } => messages.format(
            "compare-merge-base-found",
            &[("version", version.to_string().into())],
        ),
        BaseFound::Unknown => messages.get("compare-merge-base-unknown"),
        BaseFound::NotNamed => messages.get("compare-merge-base-not-named"),
    });
    out.push_str("\n\n");
    let language = messages.language();
    for step in super::diff::STEPS {
        let changes: Vec<_> = proposal
            .their_changes()
            .filter(|m| m.change.step == step)
            .collect();
        if changes.is_empty() {
            continue;
        }
        out.push_str(&messages.get(&format!("compare-group-{}", step.as_str())));
        out.push('\n');
        for m in changes {
            out.push_str(&format!("  {}\n", m.change.text.get(language)));
        }
        out.push('\n');
    }
    if !proposal.merge.conflicts.is_empty() {
        out.push_str(&messages.get("compare-merge-conflicts"));
        out.push('\n');
        for conflict in &proposal.merge.conflicts {
            out.push_str(&format!("  {}\n", conflict.text.get(language)));
            for (id, changes) in [
                ("compare-merge-yours", &conflict.ours_changes),
                ("compare-merge-theirs", &conflict.theirs_changes),
            ] {
                for change in changes {
                    out.push_str("    ");
                    out.push_str(
                        &messages.format(id, &[("change", change.text.get(language).into())]),
                    );
                    out.push('\n');
                }
            }
        }
        out.push('\n');
    }
    let count = proposal.their_changes().count() + proposal.merge.conflicts.len();
    out.push_str(&messages.format("compare-count", &[("count", count.into())]));
    if proposal.new_comments > 0 {
        out.push_str(", ");
        out.push_str(&messages.format(
            "compare-merge-comments",
            &[("count", proposal.new_comments.into())],
        ));
    }
    out.push('\n');
    out
}

fn json(
    proposal: &Proposal,
    messages: &Messages,
    saved: Option<&sla_store::DraftInfo>,
) -> serde_json::Value {
    let language = messages.language();
    let step = |s: Step| s.as_str();
    serde_json::json!({
        "draft": proposal.draft,
        "latest": proposal.latest,
        "base": proposal.base,
        "from": proposal.from,
        "proposer": proposal.proposer,
        "changes": proposal.their_changes().map(|m| serde_json::json!({
            "key": m.change.key,
            "kind": m.change.kind,
            "step": step(m.change.step),
            "old": m.change.old,
            "new": m.change.new,
            "sentence": m.change.text.get(language),
        })).collect::<Vec<_>>(),
        "conflicts": proposal.merge.conflicts.iter().map(|c| serde_json::json!({
            "key": c.key,
            "kind": c.kind,
            "step": step(c.step),
            "base": c.base,
            "ours": c.ours,
            "theirs": c.theirs,
            "sentence": c.text.get(language),
            "ours_changes": c.ours_changes.iter().map(|x| x.text.get(language)).collect::<Vec<_>>(),
            "theirs_changes": c.theirs_changes.iter().map(|x| x.text.get(language)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "new_comments": proposal.new_comments,
        "saved_version": saved.map(|info| info.version),
    })
}
