//! Review periods kept with a draft: results replaced only as history, entered figures, actions,
//! the column mapping; all on real database files, surviving a reopen and an emptied trash.

mod common;

use common::{english, temp_store};
use sla_store::{NewImport, NewPeriodResult, Store, StoreError};

fn result<'a>(
    period: &'a str,
    figures: &'a str,
    import: Option<NewImport<'a>>,
) -> NewPeriodResult<'a> {
    NewPeriodResult {
        period,
        version: 1,
        import,
        definition_json: r#"[{"id":"mql"}]"#,
        mapping_json: r#"{"id":"ID"}"#,
        figures_json: figures,
        entered: None,
    }
}

const EXPORT: NewImport<'static> = NewImport {
    file_name: "amocrm-november.csv",
    fingerprint: "ab12",
    format: "CSV, UTF-8, `;`",
    row_count: 3,
    leads_json: r#"[{"id":"1"},{"id":"2"},{"id":"3"}]"#,
};

#[test]
fn a_recomputed_period_keeps_the_earlier_result_as_history() {
    let (dir, mut store) = temp_store();
    let draft = store.create(&english(), "").unwrap();

    let first = store
        .save_period_result(draft.id, &result("2026-11", r#"{"n":1}"#, Some(EXPORT)))
        .unwrap();
    assert_eq!(first.import.as_ref().unwrap().row_count, 3);
    assert_eq!(first.replaced_at, None);

    // A hand-entered figure recomputes the period: the export stays the period's export.
    let second = store
        .save_period_result(draft.id, &result("2026-11", r#"{"n":2}"#, None))
        .unwrap();
    assert_eq!(
        second.import.as_ref().map(|i| i.id),
        first.import.as_ref().map(|i| i.id)
    );
    store
        .save_period_result(draft.id, &result("2026-10", r#"{"n":0}"#, None))
        .unwrap();

    drop(store);
    let store = Store::open(&common::db_path(&dir)).unwrap();
    let current = store.period_results(draft.id).unwrap();
    let periods: Vec<_> = current
        .iter()
        .map(|r| (r.period.as_str(), r.figures_json.as_str()))
        .collect();
    assert_eq!(
        periods,
        [("2026-10", r#"{"n":0}"#), ("2026-11", r#"{"n":2}"#)]
    );
    assert_eq!(current[0].import, None);

    let history = store.period_history(draft.id, "2026-11").unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].id, second.id);
    assert_eq!(history[1].id, first.id);
    assert!(history[1].replaced_at.is_some());
    assert_eq!(
        store
            .import_leads(first.import.unwrap().id)
            .unwrap()
            .as_deref(),
        Some(EXPORT.leads_json)
    );
    assert_eq!(store.period_result(draft.id, "2027-01").unwrap(), None);
}

#[test]
fn entered_figures_actions_and_the_mapping_are_kept_per_draft() {
    let (_dir, mut store) = temp_store();
    let draft = store.create(&english(), "").unwrap();
    let other = store.create(&english(), "").unwrap();

    store
        .set_actual(
            draft.id,
            "2026-11",
            "nps",
            41.0,
            "Anna Petrova",
            "survey of 12 reps",
        )
        .unwrap();
    let replaced = store
        .set_actual(
            draft.id,
            "2026-11",
            "nps",
            43.5,
            "Ivan Sokolov",
            "two late answers",
        )
        .unwrap();
    let actuals = store.actuals(draft.id).unwrap();
    assert_eq!(actuals, [replaced]);
    assert_eq!(actuals[0].value, 43.5);
    assert!(store.actuals(other.id).unwrap().is_empty());

    store
        .mark_action(draft.id, "2026-11", "escalation:0", "called on 3 Dec", true)
        .unwrap();
    store
        .mark_action(draft.id, "2026-11", "remedy:r1", "", true)
        .unwrap();
    store
        .mark_action(draft.id, "2026-11", "remedy:r1", "", false)
        .unwrap();
    let done = store.done_actions(draft.id).unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(
        (done[0].consequence.as_str(), done[0].note.as_str()),
        ("escalation:0", "called on 3 Dec")
    );

    assert_eq!(store.review_mapping(draft.id).unwrap(), None);
    store
        .set_review_mapping(draft.id, r#"{"id":"ID"}"#)
        .unwrap();
    store
        .set_review_mapping(draft.id, r#"{"id":"Record ID"}"#)
        .unwrap();
    assert_eq!(
        store.review_mapping(draft.id).unwrap().as_deref(),
        Some(r#"{"id":"Record ID"}"#)
    );
}

#[test]
fn a_missing_draft_is_named_and_nothing_is_written() {
    let (_dir, mut store) = temp_store();
    let err = store
        .save_period_result(41, &result("2026-11", "{}", Some(EXPORT)))
        .unwrap_err();
    assert!(matches!(err, StoreError::DraftNotFound(41)), "{err}");
    let err = store
        .set_actual(41, "2026-11", "nps", 1.0, "", "")
        .unwrap_err();
    assert!(matches!(err, StoreError::DraftNotFound(41)), "{err}");
    assert!(store.period_results(41).unwrap().is_empty());
}

#[test]
fn emptying_the_trash_takes_a_drafts_reviews_with_it() {
    let (_dir, mut store) = temp_store();
    let draft = store.create(&english(), "").unwrap();
    let kept = store.create(&english(), "").unwrap();
    for id in [draft.id, kept.id] {
        store
            .save_period_result(id, &result("2026-11", "{}", Some(EXPORT)))
            .unwrap();
        store
            .save_period_result(id, &result("2026-11", "{}", None))
            .unwrap();
        store.set_actual(id, "2026-11", "nps", 1.0, "", "").unwrap();
        store
            .mark_action(id, "2026-11", "remedy:r1", "", true)
            .unwrap();
        store.set_review_mapping(id, "{}").unwrap();
    }
    store.trash(draft.id).unwrap();
    // In the trash, the reviews are still there to come back with the draft.
    assert_eq!(store.period_results(draft.id).unwrap().len(), 1);
    assert_eq!(store.empty_trash().unwrap(), 1);
    assert!(store.period_results(draft.id).unwrap().is_empty());
    assert!(store
        .period_history(draft.id, "2026-11")
        .unwrap()
        .is_empty());
    assert_eq!(store.period_history(kept.id, "2026-11").unwrap().len(), 2);
    assert_eq!(store.actuals(kept.id).unwrap().len(), 1);
}
