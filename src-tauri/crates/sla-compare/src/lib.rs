//! Two versions of an agreement compared change by change, each change named as a head of
//! department reads it, in English and Russian ("3.1.1 MQLs per sales rep: target 100 → 120 a
//! month"), and three versions merged: a common base and the two sides' edits of it.
//!
//! A change is one field, or one item of a list added or removed, or a list's items reordered.
//! Items are matched by identity, never by position, so a reorder or an insertion reads as what
//! it is:
//! - commitments, metrics, deadline rules, remedies and adjustments by `id`;
//! - reports by name, escalation steps by whom they escalate to, signatories by side (the model
//!   gives them no id; a renamed report is one removed and one added, a new person signing for
//!   sales is a change of name);
//! - an adjustment's tiers by threshold (`achieved_below_percent`): a tier's adjustment changing
//!   reads "below 80% of target: adjustment −5% → −10%", a new threshold is a tier added;
//! - review dates, holidays and review participants by value; working days compare whole.
//!
//! An identity that repeats within a list is told apart by occurrence (`sales#2`).
//!
//! Every change has a stable key (`commitments[mkt-leads].metrics[mql-per-rep].target`) by
//! which a person accepts or rejects it: [`Comparison::apply`] applies the accepted ones to the
//! first version, and applying all of them gives the second exactly. [`merge3`] merges at the
//! same grain; [`Merge::resolve`] settles its conflicts one by one. Results are read back as an
//! agreement file is ([`sla_model::from_json`]), so they are always valid agreements.
//!
//! The words, dates, numbers with units and clause numbers are the agreement PDF's own
//! (`sla_pdf::kit`), so a change cites the clause the PDF prints. No I/O.

mod apply;
mod diff;
mod merge;
mod path;
mod shape;
mod words;

use serde::Serialize;
use serde_json::Value;
use sla_model::{Agreement, Language};

pub use merge::{merge3, Choice, Conflict, ConflictKind, Merge, MergedChange, Origin};

/// What happened to a field or an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// An item of a list is new.
    Added,
    /// An item of a list is gone.
    Removed,
    /// A field has a new value.
    Changed,
    /// The items a list kept are in a new order.
    Moved,
}

/// The wizard step where a change is edited, for grouping changes in the window. The ids are
/// the wizard's own (`ui/src/lib/steps.ts`), and the mapping is its `stepForField`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Parties,
    Performance,
    Monitoring,
    Deadlines,
    Consequences,
    Review,
    Signoff,
}

impl Step {
    /// The step's id in the wizard: "parties", "performance", ...
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Parties => "parties",
            Step::Performance => "performance",
            Step::Monitoring => "monitoring",
            Step::Deadlines => "deadlines",
            Step::Consequences => "consequences",
            Step::Review => "review",
            Step::Signoff => "signoff",
        }
    }

    /// The step of the field at `path` (the model's top-level field first).
    pub(crate) fn of(path: &[path::Seg]) -> Step {
        match path.first().and_then(path::Seg::field) {
            Some("title" | "parties" | "term") => Step::Parties,
            Some("commitments") => {
                if path.get(2).and_then(path::Seg::field) == Some("metrics") {
                    Step::Performance
                } else {
                    Step::Parties
                }
            }
            Some("plan") => Step::Performance,
            Some("monitoring") => Step::Monitoring,
            Some("deadlines") => Step::Deadlines,
            Some("consequences" | "notes") => Step::Consequences,
            Some("signatories") => Step::Signoff,
            _ => Step::Review,
        }
    }
}

/// A sentence in both languages of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub en: String,
    pub ru: String,
}

impl Text {
    /// The sentence in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::En => &self.en,
            Language::Ru => &self.ru,
        }
    }
}

/// One change between two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Identifies the field or item in both versions: field names joined by `.`, list items by
    /// identity in brackets (`consequences.remedies[recycle]`, `signatories[sales]`). Unique
    /// within a comparison; a reorder's key is the list's own path.
    pub key: String,
    pub kind: ChangeKind,
    /// The wizard step to show the change under.
    pub step: Step,
    /// The value in the first version: the field's, the removed item, or for a reorder the items'
    /// identities in their old order; `None` for an added item. An absent optional field is
    /// `null`.
    pub old: Option<Value>,
    /// The value in the second version, likewise; `None` for a removed item.
    pub new: Option<Value>,
    /// What the change is about, for headings and conflicts: "3.1.1 MQLs per sales rep, target".
    pub subject: Text,
    /// The change as a sentence: "3.1.1 MQLs per sales rep: target 100 → 120 a month".
    pub text: Text,
    #[serde(skip)]
    pub(crate) path: path::Path,
    #[serde(skip)]
    pub(crate) placement: diff::Placement,
}

impl Change {
    /// Whether `other` makes the same edit (the same key, kind and outcome).
    pub fn same_edit(&self, other: &Change) -> bool {
        self.key == other.key
            && self.kind == other.kind
            && self.new == other.new
            && self.placement.same_outcome(&other.placement)
    }
}

impl Change {
    /// Where the change is in `agreement` (the newer version; the older one for something
    /// removed) as the wizard names its fields, items by position:
    /// `commitments[0].metrics[2].target`, so that a window can take the person there. `None`
    /// when the agreement has no such field or item.
    pub fn field_path(&self, agreement: &Agreement) -> Option<String> {
        path::index_path(&content(agreement), &self.path)
    }
}

/// The key of the field or item at a wizard path in `agreement` (`commitments[0].metrics[2].target`
/// → `commitments[mkt-leads].metrics[mql-per-rep].target`): what a comment on it is anchored to,
/// so that it stays on its clause when items are inserted or reordered. `None` where the
/// agreement has no such field or item.
pub fn key_for_field(agreement: &Agreement, field: &str) -> Option<String> {
    path::key_of_index_path(&content(agreement), field)
}

/// Where the field or item a key names is in `agreement`, as the wizard names fields; `None`
/// when it is not there (a comment on a clause since removed) or the key is malformed.
pub fn field_for_key(agreement: &Agreement, key: &str) -> Option<String> {
    path::index_path_of_key(&content(agreement), key)
}

/// Everything that differs between two versions of an agreement, in the agreement's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Within a list: a reorder first, then the removed items, then the list's items in their
    /// new order (changed or added).
    pub changes: Vec<Change>,
}

/// Why changes could not be applied or a merge not resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("no change with key `{0}` in this comparison")]
    UnknownChange(String),
    #[error("`{0}` is not in the agreement the change is applied to")]
    Missing(String),
    #[error("`{0}` is already in the agreement the change is applied to")]
    AlreadyPresent(String),
    #[error("no conflict with key `{0}` in this merge")]
    UnknownConflict(String),
    #[error("the conflict `{0}` has no choice")]
    Unresolved(String),
    #[error("the result is not a valid agreement: {0}")]
    Invalid(String),
}

/// Compares two versions of an agreement: what would turn `old` into `new`.
pub fn compare(old: &Agreement, new: &Agreement) -> Comparison {
    let a = content(old);
    let b = content(new);
    let versions = words::Versions { old, new };
    let changes = diff::diff(&a, &b)
        .into_iter()
        .map(|raw| {
            let (subject, text) = words::describe(&versions, &raw);
            Change {
                key: path::key_text(&raw.path),
                kind: raw.kind,
                step: Step::of(&raw.path),
                old: raw.old,
                new: raw.new,
                subject,
                text,
                path: raw.path,
                placement: raw.placement,
            }
        })
        .collect();
    Comparison { changes }
}

/// The agreement's JSON without its negotiation (where it came from, the comments on it), which
/// is not part of what the heads agree: comments are merged on their own
/// ([`sla_model::merge_comments`]), and a change never removes them.
fn content(agreement: &Agreement) -> Value {
    let mut value = serde_json::to_value(agreement).expect("an Agreement always serialises");
    if let Value::Object(map) = &mut value {
        map.remove("negotiation");
    }
    value
}

impl Comparison {
    /// Whether the two versions are the same agreement.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The change with this key.
    pub fn get(&self, key: &str) -> Option<&Change> {
        self.changes.iter().find(|c| c.key == key)
    }

    /// `base` (normally the comparison's first version) with the changes whose keys are
    /// `accepted` applied and every other change rejected. Accepting every key gives the second
    /// version exactly. The result is checked as any agreement file is read.
    pub fn apply<S: AsRef<str>>(
        &self,
        base: &Agreement,
        accepted: &[S],
    ) -> Result<Agreement, CompareError> {
        let by_key: std::collections::HashMap<&str, &Change> =
            self.changes.iter().map(|c| (c.key.as_str(), c)).collect();
        let chosen = accepted
            .iter()
            .map(|key| {
                by_key
                    .get(key.as_ref())
                    .copied()
                    .ok_or_else(|| CompareError::UnknownChange(key.as_ref().to_string()))
            })
            .collect::<Result<Vec<&Change>, _>>()?;
        apply::apply(base, &chosen)
    }

    /// `base` with every change applied.
    pub fn apply_all(&self, base: &Agreement) -> Result<Agreement, CompareError> {
        apply::apply(base, &self.changes.iter().collect::<Vec<_>>())
    }
}
