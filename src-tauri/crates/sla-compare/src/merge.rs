//! Three-way merge: a common base and two versions edited from it ("ours" and "theirs"), at the
//! grain of the comparison. An edit made on one side only applies; the same edit made on both
//! sides applies once; two different edits of one field or item, or an item removed on one side
//! and edited (inside) on the other, are a conflict that carries all three values.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;
use sla_model::{merge_comments, Agreement};

use crate::path::{is_inside, key_text, locate, Path};
use crate::{apply, compare, words, Change, ChangeKind, CompareError, Step, Text};

/// Which side an edit that merged cleanly came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Ours,
    Theirs,
    /// Both sides made this same edit.
    Both,
}

/// An edit that merged without a conflict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedChange {
    pub origin: Origin,
    /// The edit as the comparison of the base with its side names it.
    pub change: Change,
}

/// Why two edits conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both sides edited the same field, added the same item or reordered the same list, each
    /// differently.
    BothChanged,
    /// One side removed an item the other edited (a field of it, or something inside it).
    RemovedAndChanged,
}

/// Two edits that cannot both apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The field, item or list in conflict, as a change's key.
    pub key: String,
    pub kind: ConflictKind,
    /// The wizard step to show the conflict under.
    pub step: Step,
    /// The value in each version; `None` where the item is not there.
    pub base: Option<Value>,
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
    /// Each side's edits here, as sentences; choosing a side applies its edits.
    pub ours_changes: Vec<Change>,
    pub theirs_changes: Vec<Change>,
    /// "3.1.1 MQLs per sales rep, target: edited differently in the two versions".
    pub text: Text,
}

/// How to settle a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Ours,
    Theirs,
    /// Neither side's edit: the base's value stays.
    Base,
}

/// The result of a three-way merge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merge {
    /// The edits that merged, ours first, each in the agreement's order.
    pub clean: Vec<MergedChange>,
    /// The edits that cannot both apply, each to be settled with a [`Choice`].
    pub conflicts: Vec<Conflict>,
    /// The base with every clean edit applied and every conflict left as the base has it; with
    /// ours' negotiation and both sides' comments.
    pub merged: Agreement,
    #[serde(skip)]
    base: Agreement,
}

/// Merges `ours` and `theirs`, both edited from `base`.
pub fn merge3(
    base: &Agreement,
    ours: &Agreement,
    theirs: &Agreement,
) -> Result<Merge, CompareError> {
    let o = compare(base, ours).changes;
    let t = compare(base, theirs).changes;

    let mut roots: Vec<(Path, ConflictKind)> = Vec::new();
    for (mine, other) in [(&o, &t), (&t, &o)] {
        for removed in mine.iter().filter(|c| c.kind == ChangeKind::Removed) {
            if other.iter().any(|c| is_inside(&c.path, &removed.path))
                && !roots.iter().any(|(p, _)| p == &removed.path)
            {
                roots.push((removed.path.clone(), ConflictKind::RemovedAndChanged));
            }
        }
    }
    // A removal conflict inside another is part of it.
    let removal_roots: Vec<Path> = roots.iter().map(|(p, _)| p.clone()).collect();
    roots.retain(|(p, _)| !removal_roots.iter().any(|r| is_inside(p, r)));
    let in_removal = |path: &Path| roots.iter().any(|(r, _)| r == path || is_inside(path, r));
    let t_by_key: HashMap<&str, &Change> = t.iter().map(|c| (c.key.as_str(), c)).collect();
    let mut both_roots: Vec<Path> = Vec::new();
    for c in &o {
        if let Some(d) = t_by_key.get(c.key.as_str()) {
            if !c.same_edit(d) && !in_removal(&c.path) {
                both_roots.push(c.path.clone());
            }
        }
    }
    let conflicted = |c: &Change| in_removal(&c.path) || both_roots.contains(&c.path);

    let mut clean: Vec<MergedChange> = Vec::new();
    for c in o.iter().filter(|c| !conflicted(c)) {
        let origin = match t_by_key.get(c.key.as_str()) {
            Some(d) if c.same_edit(d) => Origin::Both,
            _ => Origin::Ours,
        };
        clean.push(MergedChange {
            origin,
            change: c.clone(),
        });
    }
    let o_keys: HashMap<&str, ()> = o.iter().map(|c| (c.key.as_str(), ())).collect();
    for c in t.iter().filter(|c| !conflicted(c)) {
        if !o_keys.contains_key(c.key.as_str()) {
            clean.push(MergedChange {
                origin: Origin::Theirs,
                change: c.clone(),
            });
        }
    }

    let values = [base, ours, theirs]
        .map(|a| serde_json::to_value(a).expect("an Agreement always serialises"));
    let mut conflicts = Vec::new();
    let all_roots = roots.into_iter().chain(
        both_roots
            .into_iter()
            .map(|p| (p, ConflictKind::BothChanged)),
    );
    for (path, kind) in all_roots {
        let belongs = |c: &&Change| match kind {
            ConflictKind::RemovedAndChanged => c.path == path || is_inside(&c.path, &path),
            ConflictKind::BothChanged => c.path == path,
        };
        let ours_changes: Vec<Change> = o.iter().filter(belongs).cloned().collect();
        let theirs_changes: Vec<Change> = t.iter().filter(belongs).cloned().collect();
        let at_root = ours_changes
            .iter()
            .chain(&theirs_changes)
            .find(|c| c.path == path)
            .expect("a conflict has an edit at its root");
        let [b, ours_value, theirs_value] =
            [0, 1, 2].map(|i| locate(&values[i], &path).map(|(v, _)| v.clone()));
        conflicts.push(Conflict {
            key: key_text(&path),
            kind,
            step: Step::of(&path),
            base: b,
            ours: ours_value,
            theirs: theirs_value,
            text: words::conflict(kind, &at_root.subject),
            ours_changes,
            theirs_changes,
        });
    }

    // The result carries ours' negotiation with both sides' comments: comments are never a
    // conflict, and nobody's is lost.
    let mut start = base.clone();
    start.negotiation = ours.negotiation.clone();
    start.negotiation.comments =
        merge_comments(&ours.negotiation.comments, &theirs.negotiation.comments);
    let merged = apply::apply(&start, &clean.iter().map(|m| &m.change).collect::<Vec<_>>())?;
    Ok(Merge {
        clean,
        conflicts,
        merged,
        base: start,
    })
}

impl Merge {
    /// Whether every edit merged cleanly.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The merged agreement with each conflict settled as chosen: `choices` names every
    /// conflict by its key.
    pub fn resolve<S: AsRef<str>>(
        &self,
        choices: &[(S, Choice)],
    ) -> Result<Agreement, CompareError> {
        self.settle(&[] as &[&str], choices)
    }

    /// Like [`Merge::resolve`], with some of their clean edits rejected: `rejected` names them
    /// by key. Only their edits can be rejected: ours are already in our version, and an edit
    /// both sides made is agreed.
    pub fn settle<R: AsRef<str>, S: AsRef<str>>(
        &self,
        rejected: &[R],
        choices: &[(S, Choice)],
    ) -> Result<Agreement, CompareError> {
        let chosen: HashMap<&str, Choice> = choices.iter().map(|(k, c)| (k.as_ref(), *c)).collect();
        if let Some((key, _)) = choices
            .iter()
            .find(|(k, _)| !self.conflicts.iter().any(|c| c.key == k.as_ref()))
        {
            return Err(CompareError::UnknownConflict(key.as_ref().to_string()));
        }
        if let Some(key) = rejected.iter().find(|k| {
            !self
                .clean
                .iter()
                .any(|m| m.origin == Origin::Theirs && m.change.key == k.as_ref())
        }) {
            return Err(CompareError::UnknownChange(key.as_ref().to_string()));
        }
        let mut changes: Vec<&Change> = self
            .clean
            .iter()
            .filter(|m| !rejected.iter().any(|k| k.as_ref() == m.change.key))
            .map(|m| &m.change)
            .collect();
        for conflict in &self.conflicts {
            match chosen.get(conflict.key.as_str()) {
                None => return Err(CompareError::Unresolved(conflict.key.clone())),
                Some(Choice::Ours) => changes.extend(&conflict.ours_changes),
                Some(Choice::Theirs) => changes.extend(&conflict.theirs_changes),
                Some(Choice::Base) => {}
            }
        }
        apply::apply(&self.base, &changes)
    }
}
