//! Comments on clauses: a comment is anchored to its field by the field's key (its items named
//! by identity, `sla_compare::key_for_field`), so it stays on its clause when items move; the
//! window asks where each thread's field is now. The comments themselves live in the agreement
//! (`negotiation.comments`) and are saved with it.

use serde::Serialize;
use sla_model::Agreement;

/// The key a new comment on the field at `field` (`commitments[0].metrics[2].target`) is
/// anchored to; `None` when the agreement has no such field.
#[tauri::command]
pub fn comment_key(agreement: Agreement, field: String) -> Option<String> {
    sla_compare::key_for_field(&agreement, &field)
}

/// Where a thread's field is now.
#[derive(Serialize)]
pub struct Anchor {
    thread: String,
    /// The wizard's path of the field; `None` when the clause was removed since.
    field: Option<String>,
}

/// Where every comment thread's field is in `agreement`.
#[tauri::command]
pub fn comment_anchors(agreement: Agreement) -> Vec<Anchor> {
    agreement
        .negotiation
        .comments
        .iter()
        .map(|t| Anchor {
            thread: t.id.clone(),
            field: sla_compare::field_for_key(&agreement, &t.on),
        })
        .collect()
}
