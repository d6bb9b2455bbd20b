//! Three-way merges of the shipped template edited by the two heads.

mod common;

use common::*;
use serde_json::json;
use sla_compare::{compare, merge3, Choice, CompareError, ConflictKind, Origin};
use sla_model::*;

fn origins(merge: &sla_compare::Merge) -> Vec<(String, Origin)> {
    merge
        .clean
        .iter()
        .map(|m| (m.change.key.clone(), m.origin))
        .collect()
}

#[test]
fn edits_on_one_side_each_merge_cleanly() {
    let base = template("en");
    let mut ours = base.clone();
    ours.commitments[0].metrics[0].target = 120.0;
    let mut theirs = base.clone();
    theirs.deadlines.calendar.holidays.push(date(2027, 1, 7));
    theirs.consequences.remedies[0].action = "Reassigned within the hour.".into();

    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert!(merge.is_clean());
    assert_eq!(
        origins(&merge),
        [
            (
                "commitments[mkt-leads].metrics[mql-per-rep].target".into(),
                Origin::Ours
            ),
            (
                "deadlines.calendar.holidays[2027-01-07]".into(),
                Origin::Theirs
            ),
            (
                "consequences.remedies[recycle].action".into(),
                Origin::Theirs
            ),
        ]
    );
    let mut expected = ours.clone();
    expected.deadlines.calendar.holidays.push(date(2027, 1, 7));
    expected.consequences.remedies[0].action = "Reassigned within the hour.".into();
    assert_eq!(merge.merged, expected);
    assert_eq!(merge.resolve(&[] as &[(&str, Choice)]).unwrap(), expected);
}

#[test]
fn the_same_edit_on_both_sides_is_no_conflict() {
    let base = template("en");
    let mut ours = base.clone();
    ours.commitments[0].metrics[0].target = 120.0;
    ours.commitments[0].metrics.remove(2);
    let mut theirs = ours.clone();
    theirs.notes.push_str(" Partners' leads too.");

    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert!(merge.is_clean());
    assert_eq!(
        origins(&merge),
        [
            (
                "commitments[mkt-leads].metrics[mql-data-complete]".into(),
                Origin::Both
            ),
            (
                "commitments[mkt-leads].metrics[mql-per-rep].target".into(),
                Origin::Both
            ),
            ("notes".into(), Origin::Theirs),
        ]
    );
    assert_eq!(merge.merged, theirs);
}

#[test]
fn two_different_edits_of_one_field_conflict_with_all_three_values() {
    let base = template("en");
    let mut ours = base.clone();
    ours.commitments[0].metrics[0].target = 120.0;
    let mut theirs = base.clone();
    theirs.commitments[0].metrics[0].target = 130.0;
    theirs.title = "Sales and Marketing SLA".into();

    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert_eq!(merge.conflicts.len(), 1);
    let conflict = &merge.conflicts[0];
    assert_eq!(
        conflict.key,
        "commitments[mkt-leads].metrics[mql-per-rep].target"
    );
    assert_eq!(conflict.kind, ConflictKind::BothChanged);
    assert_eq!(conflict.step.as_str(), "performance");
    assert_eq!(
        (&conflict.base, &conflict.ours, &conflict.theirs),
        (
            &Some(json!(100.0)),
            &Some(json!(120.0)),
            &Some(json!(130.0))
        )
    );
    assert_eq!(
        conflict.text.en,
        "3.1.1 MQLs per sales rep, target: edited differently in the two versions"
    );
    assert_eq!(
        conflict.text.ru,
        "3.1.1 MQLs per sales rep, целевое значение: в версиях разные правки"
    );
    assert_eq!(
        conflict.ours_changes[0].text.en,
        "3.1.1 MQLs per sales rep: target 100 → 120 a month"
    );
    assert_eq!(
        conflict.theirs_changes[0].text.en,
        "3.1.1 MQLs per sales rep: target 100 → 130 a month"
    );
    // The clean edits merge; the conflict keeps the base until it is settled.
    assert_eq!(origins(&merge), [("title".into(), Origin::Theirs)]);
    assert_eq!(merge.merged.commitments[0].metrics[0].target, 100.0);
    assert_eq!(merge.merged.title, "Sales and Marketing SLA");

    let key = conflict.key.as_str();
    let target = |choice| {
        let resolved = merge.resolve(&[(key, choice)]).unwrap();
        assert_eq!(resolved.title, "Sales and Marketing SLA");
        resolved.commitments[0].metrics[0].target
    };
    assert_eq!(target(Choice::Ours), 120.0);
    assert_eq!(target(Choice::Theirs), 130.0);
    assert_eq!(target(Choice::Base), 100.0);

    assert_eq!(
        merge.resolve(&[] as &[(&str, Choice)]),
        Err(CompareError::Unresolved(key.into()))
    );
    assert_eq!(
        merge.resolve(&[(key, Choice::Ours), ("title", Choice::Ours)]),
        Err(CompareError::UnknownConflict("title".into()))
    );
}

#[test]
fn an_item_removed_on_one_side_and_edited_on_the_other_conflicts() {
    let base = template("en");
    let mut ours = base.clone();
    ours.commitments[1].metrics.remove(2);
    let mut theirs = base.clone();
    theirs.commitments[1].metrics[2].target = 60.0;
    theirs.commitments[1].metrics[2].name = "Two-way conversations".into();
    theirs.commitments[0].metrics[0].target = 110.0;

    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert_eq!(merge.conflicts.len(), 1);
    let conflict = &merge.conflicts[0];
    assert_eq!(
        conflict.key,
        "commitments[sales-follow-up].metrics[connect-rate]"
    );
    assert_eq!(conflict.kind, ConflictKind::RemovedAndChanged);
    assert_eq!(
        conflict.base.as_ref().unwrap()["name"],
        "Connected conversations"
    );
    assert_eq!(conflict.ours, None);
    assert_eq!(conflict.theirs.as_ref().unwrap()["target"], 60.0);
    assert_eq!(
        conflict.text.en,
        "3.2.3 Connected conversations: removed in one version and edited in the other"
    );
    assert_eq!(
        conflict.text.ru,
        "3.2.3 Connected conversations: в одной версии удаление, в другой правка"
    );
    assert_eq!(conflict.ours_changes.len(), 1);
    assert_eq!(conflict.theirs_changes.len(), 2);
    assert_eq!(
        origins(&merge),
        [(
            "commitments[mkt-leads].metrics[mql-per-rep].target".into(),
            Origin::Theirs
        )]
    );

    let key = conflict.key.as_str();
    let removed = merge.resolve(&[(key, Choice::Ours)]).unwrap();
    let mut expected = ours.clone();
    expected.commitments[0].metrics[0].target = 110.0;
    assert_eq!(removed, expected);
    let kept = merge.resolve(&[(key, Choice::Theirs)]).unwrap();
    assert_eq!(kept, theirs);
}

#[test]
fn a_service_removed_while_the_other_side_adds_a_metric_to_it_conflicts() {
    let base = template("en");
    let mut ours = base.clone();
    ours.commitments.remove(1);
    let mut theirs = base.clone();
    let mut metric = theirs.commitments[1].metrics[0].clone();
    metric.id = "second-contact-time".into();
    theirs.commitments[1].metrics.push(metric);

    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert_eq!(merge.conflicts.len(), 1);
    assert_eq!(merge.conflicts[0].key, "commitments[sales-follow-up]");
    assert_eq!(merge.conflicts[0].kind, ConflictKind::RemovedAndChanged);
    assert_eq!(merge.merged, base);
    assert_eq!(
        merge
            .resolve(&[("commitments[sales-follow-up]", Choice::Ours)])
            .unwrap(),
        ours
    );
    assert_eq!(
        merge
            .resolve(&[("commitments[sales-follow-up]", Choice::Theirs)])
            .unwrap(),
        theirs
    );
}

#[test]
fn the_same_item_added_differently_conflicts_and_added_alike_merges() {
    let base = template("en");
    let remedy = |action: &str| Remedy {
        id: "joint-review".into(),
        scope: Scope::Agreement,
        trigger: "Two metrics missed in one month".into(),
        action: action.into(),
        when: None,
    };
    let mut ours = base.clone();
    ours.consequences
        .remedies
        .push(remedy("Joint review of the funnel."));
    let mut theirs = base.clone();
    theirs
        .consequences
        .remedies
        .insert(0, remedy("Joint review of the funnel."));
    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert!(merge.is_clean());
    assert_eq!(
        origins(&merge),
        [("consequences.remedies[joint-review]".into(), Origin::Both)]
    );
    assert_eq!(merge.merged, ours);

    theirs.consequences.remedies[0] = remedy("Joint review with the CEO.");
    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert_eq!(merge.conflicts.len(), 1);
    let conflict = &merge.conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::BothChanged);
    assert_eq!(conflict.base, None);
    assert_eq!(
        conflict.ours_changes[0].text.en,
        "6.2.4 remedy added: “Two metrics missed in one month”"
    );
    assert_eq!(
        conflict.theirs_changes[0].text.en,
        "6.2.1 remedy added: “Two metrics missed in one month”"
    );
    let resolved = merge
        .resolve(&[("consequences.remedies[joint-review]", Choice::Theirs)])
        .unwrap();
    assert_eq!(resolved, theirs);
}

#[test]
fn reorders_merge_with_edits_and_conflict_with_each_other() {
    let base = template("en");
    let mut ours = base.clone();
    ours.consequences.remedies.reverse();
    let mut theirs = base.clone();
    theirs.consequences.remedies[1].action = "A revised plan in a week.".into();
    let extra = Remedy {
        id: "joint-review".into(),
        scope: Scope::Agreement,
        trigger: "Two metrics missed".into(),
        action: "Joint review.".into(),
        when: None,
    };
    theirs.consequences.remedies.insert(1, extra.clone());

    // Ours reorders, theirs edits one remedy and adds another: both apply.
    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert!(merge.is_clean(), "{:#?}", merge.conflicts);
    let ids: Vec<&str> = merge
        .merged
        .consequences
        .remedies
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["follow-up-plan", "lead-plan", "recycle", "joint-review"]
    );
    assert_eq!(
        merge.merged.consequences.remedies[1].action,
        "A revised plan in a week."
    );

    // Two different orders conflict; theirs's edit still merges.
    theirs.consequences.remedies.rotate_left(1);
    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert_eq!(merge.conflicts.len(), 1);
    assert_eq!(merge.conflicts[0].key, "consequences.remedies");
    assert_eq!(
        merge.conflicts[0].text.en,
        "6.2 order of remedies: edited differently in the two versions"
    );
    let resolved = merge
        .resolve(&[("consequences.remedies", Choice::Theirs)])
        .unwrap();
    assert_eq!(resolved, theirs);
}

#[test]
fn comments_are_not_changes_and_both_sides_comments_survive_a_merge() {
    let comment = |thread: &str, id: &str, side: Side, text: &str| Thread {
        id: thread.into(),
        on: "commitments[mkt-leads].metrics[mql-per-rep].target".into(),
        messages: vec![Message {
            id: id.into(),
            side,
            author: "Igor Smirnov".into(),
            at: "2026-11-03T09:00:00Z".into(),
            text: text.into(),
        }],
        resolved_at: None,
        resolved_by: None,
    };
    let base = template("en");
    let mut ours = base.clone();
    ours.negotiation.comments = vec![comment("t1", "m1", Side::Marketing, "Why 100?")];
    let mut theirs = base.clone();
    theirs.commitments[0].metrics[0].target = 120.0;
    theirs.negotiation.from = Some(Side::Sales);
    theirs.negotiation.comments = vec![comment("t2", "m2", Side::Sales, "120 is too high")];

    assert!(
        compare(&base, &ours).is_empty(),
        "a comment is not a change"
    );
    let merge = merge3(&base, &ours, &theirs).unwrap();
    assert!(merge.is_clean());
    assert_eq!(merge.clean.len(), 1);
    let threads: Vec<&str> = merge
        .merged
        .negotiation
        .comments
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(threads, ["t1", "t2"]);
    // The result is ours: it says nothing of where their file came from.
    assert_eq!(merge.merged.negotiation.from, None);
    assert_eq!(merge.merged.commitments[0].metrics[0].target, 120.0);
    let resolved = merge.resolve::<&str>(&[]).unwrap();
    assert_eq!(resolved.negotiation.comments.len(), 2);
    // Applying a comparison keeps the comments of the agreement it is applied to.
    let applied = compare(&base, &theirs).apply_all(&ours).unwrap();
    assert_eq!(applied.negotiation, ours.negotiation);
}

#[test]
fn their_edits_can_be_rejected_one_by_one_but_not_ours() {
    let base = template("en");
    let mut ours = base.clone();
    ours.title = "Our title".into();
    let mut theirs = base.clone();
    theirs.commitments[0].metrics[0].target = 120.0;
    theirs.commitments[0].metrics[1].target = 75.0;
    let merge = merge3(&base, &ours, &theirs).unwrap();
    let theirs_keys: Vec<String> = merge
        .clean
        .iter()
        .filter(|m| m.origin == Origin::Theirs)
        .map(|m| m.change.key.clone())
        .collect();
    assert_eq!(theirs_keys.len(), 2);
    let settled = merge
        .settle(&[&theirs_keys[1]], &[] as &[(&str, Choice)])
        .unwrap();
    assert_eq!(settled.title, "Our title");
    assert_eq!(settled.commitments[0].metrics[0].target, 120.0);
    assert_eq!(
        settled.commitments[0].metrics[1].target,
        base.commitments[0].metrics[1].target
    );
    let ours_key = merge
        .clean
        .iter()
        .find(|m| m.origin == Origin::Ours)
        .unwrap()
        .change
        .key
        .clone();
    assert_eq!(
        merge.settle(&[&ours_key], &[] as &[(&str, Choice)]),
        Err(CompareError::UnknownChange(ours_key))
    );
}
