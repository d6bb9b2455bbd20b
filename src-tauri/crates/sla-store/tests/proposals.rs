//! Finding where a file coming back from the other head belongs: the draft of the same agreement,
//! and the version its proposal was made from; a merge saved with its note.

mod common;

use common::{english, temp_store};
use sla_store::StoreError;

#[test]
fn a_draft_is_found_by_its_agreement_id_but_not_in_the_trash() {
    let (_dir, mut store) = temp_store();
    let a = english();
    assert_eq!(store.find_agreement(&a.id).unwrap(), None);
    let first = store.create(&a, "").unwrap();
    let mut other = english();
    other.id = sla_model::new_id();
    let second = store.create(&other, "").unwrap();
    assert_eq!(store.find_agreement(&a.id).unwrap(), Some(first.id));
    assert_eq!(store.find_agreement(&other.id).unwrap(), Some(second.id));
    // A duplicate is another agreement.
    let copy = store.duplicate(first.id).unwrap();
    assert_eq!(store.find_agreement(&a.id).unwrap(), Some(first.id));
    assert_ne!(copy.id, first.id);
    store.trash(first.id).unwrap();
    assert_eq!(store.find_agreement(&a.id).unwrap(), None);
    // Only the latest version counts: an id given up in a later version no longer matches.
    let mut renamed = other.clone();
    renamed.id = "another".into();
    store.save(second.id, &renamed, 1).unwrap();
    assert_eq!(store.find_agreement(&other.id).unwrap(), None);
    assert_eq!(store.find_agreement("another").unwrap(), Some(second.id));
}

#[test]
fn a_version_is_found_by_its_content_whatever_its_comments() {
    let (_dir, mut store) = temp_store();
    let a = english();
    let draft = store.create(&a, "").unwrap();
    let mut b = a.clone();
    b.commitments[0].metrics[0].target = 120.0;
    store.save(draft.id, &b, 1).unwrap();
    let mut c = b.clone();
    c.negotiation.from = Some(sla_model::Side::Sales);
    c.title.push_str(" (draft)");
    store.save(draft.id, &c, 2).unwrap();

    let fingerprint = |x: &sla_model::Agreement| sla_model::fingerprint(x);
    assert_eq!(
        store
            .version_with_fingerprint(draft.id, &fingerprint(&a))
            .unwrap(),
        Some(1)
    );
    // The same content with a negotiation attached is the same version.
    let mut b_with_base = b.clone();
    b_with_base.negotiation.base = Some(sla_model::BaseVersion {
        fingerprint: fingerprint(&a),
        version: Some(1),
    });
    assert_eq!(
        store
            .version_with_fingerprint(draft.id, &fingerprint(&b_with_base))
            .unwrap(),
        Some(2)
    );
    assert_eq!(
        store
            .version_with_fingerprint(draft.id, &"0".repeat(64))
            .unwrap(),
        None
    );
    assert!(matches!(
        store.version_with_fingerprint(999, &fingerprint(&a)),
        Err(StoreError::DraftNotFound(999))
    ));
}

#[test]
fn a_noted_save_shows_its_note_and_refuses_a_stale_base() {
    let (_dir, mut store) = temp_store();
    let a = english();
    let draft = store.create(&a, "").unwrap();
    let mut b = a.clone();
    b.commitments[0].metrics[0].target = 120.0;
    let saved = store
        .save_noted(
            draft.id,
            &b,
            1,
            "merged the proposal of Igor Smirnov (Sales)",
        )
        .unwrap();
    assert_eq!(saved.version, 2);
    let history = store.history(draft.id).unwrap();
    assert_eq!(
        history[0].note,
        "merged the proposal of Igor Smirnov (Sales)"
    );
    let mut c = b.clone();
    c.commitments[0].metrics[0].target = 130.0;
    assert!(matches!(
        store.save_noted(draft.id, &c, 1, "merged"),
        Err(StoreError::Conflict { .. })
    ));
    assert_eq!(store.get(draft.id).unwrap().agreement, b);
}
