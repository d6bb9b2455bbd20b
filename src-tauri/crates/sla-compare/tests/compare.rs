//! Comparisons of the shipped templates with edits a head of department makes: what is found,
//! under which key, and how it reads in English and Russian.

mod common;

use common::*;
use serde_json::json;
use sla_compare::{compare, ChangeKind, CompareError};
use sla_model::*;

#[test]
fn identical_agreements_have_no_changes() {
    for language in ["en", "ru"] {
        let a = full(language);
        let comparison = compare(&a, &a.clone());
        assert!(comparison.is_empty(), "{:#?}", keys(&comparison));
        assert_eq!(comparison.apply_all(&a).unwrap(), a);
    }
}

#[test]
fn a_target_change_reads_with_its_clause_unit_and_period() {
    let a = template("en");
    let mut b = a.clone();
    b.commitments[0].metrics[0].target = 120.0;
    b.commitments[1].metrics[0].target = 2.0;
    b.commitments[0].metrics[1].target = 75.0;
    let comparison = compare(&a, &b);
    assert_eq!(
        texts(&comparison, Language::En),
        [
            "3.1.1 MQLs per sales rep: target 100 → 120 a month",
            "3.1.2 Sales acceptance rate: target 70% → 75% a month",
            "3.2.1 Time to first contact: target 1 business hour → 2 business hours a week",
        ]
    );
    assert_eq!(
        texts(&comparison, Language::Ru),
        [
            "3.1.1 MQLs per sales rep: целевое значение 100 → 120 за месяц",
            "3.1.2 Sales acceptance rate: целевое значение 70\u{a0}% → 75\u{a0}% за месяц",
            "3.2.1 Time to first contact: целевое значение 1 рабочий час → 2 рабочих часа за неделю",
        ]
    );
    let change = &comparison.changes[0];
    assert_eq!(
        change.key,
        "commitments[mkt-leads].metrics[mql-per-rep].target"
    );
    assert_eq!(change.kind, ChangeKind::Changed);
    assert_eq!(change.step.as_str(), "performance");
    assert_eq!(change.old, Some(json!(100.0)));
    assert_eq!(change.new, Some(json!(120.0)));
    assert_eq!(change.subject.en, "3.1.1 MQLs per sales rep, target");
}

#[test]
fn russian_agreements_read_in_russian_words() {
    let a = template("ru");
    let mut b = a.clone();
    b.commitments[0].metrics[0].target = 120.0;
    b.deadlines.calendar.holidays.push(date(2027, 1, 7));
    b.signatories[1].name = "Ольга Иванова".into();
    b.term.review_dates.remove(0);
    let comparison = compare(&a, &b);
    assert_eq!(
        texts(&comparison, Language::Ru),
        [
            "1.2 дата пересмотра удалена: 31\u{a0}марта 2027\u{a0}г.",
            "3.1.1 MQL на менеджера по продажам: целевое значение 100 → 120 за месяц",
            "5.1 праздничный день добавлен: 7\u{a0}января 2027\u{a0}г.",
            "8. подписант от продаж: Игорь Смирнов → Ольга Иванова",
        ]
    );
    assert_eq!(
        texts(&comparison, Language::En),
        [
            "1.2 review date removed: 31 March 2027",
            "3.1.1 MQL на менеджера по продажам: target 100 → 120 a month",
            "5.1 holiday added: 7 January 2027",
            "8. signatory for Sales: Игорь Смирнов → Ольга Иванова",
        ]
    );
    assert_eq!(
        keys(&comparison),
        [
            "term.review_dates[2027-03-31]",
            "commitments[mkt-leads].metrics[mql-per-rep].target",
            "deadlines.calendar.holidays[2027-01-07]",
            "signatories[sales].name",
        ]
    );
}

/// A metric for the tests to insert.
fn lead_quality(id: &str) -> Metric {
    Metric {
        id: id.into(),
        name: "Lead quality score".into(),
        definition: "Average score sales gives delivered MQLs.".into(),
        kind: MetricKind::Quality,
        flow: "mql".into(),
        unit: Unit::Percent,
        comparator: Comparator::AtLeast,
        target: 80.0,
        window: Window::Month,
        data_source: "CRM survey".into(),
        collection: Collection::Automatic,
        owner: Side::Marketing,
    }
}

#[test]
fn an_insertion_in_the_middle_is_one_addition() {
    let a = template("en");
    let mut b = a.clone();
    b.commitments[0]
        .metrics
        .insert(1, lead_quality("lead-quality"));
    let comparison = compare(&a, &b);
    assert_eq!(
        keys(&comparison),
        ["commitments[mkt-leads].metrics[lead-quality]"]
    );
    assert_eq!(
        texts(&comparison, Language::En),
        ["3.1.2 metric added: “Lead quality score”, at least 80% a month"]
    );
    assert_eq!(
        texts(&comparison, Language::Ru),
        ["3.1.2 показатель добавлен: «Lead quality score», не менее 80\u{a0}% за месяц"]
    );
    let change = &comparison.changes[0];
    assert_eq!(change.kind, ChangeKind::Added);
    assert_eq!(change.old, None);
    assert_eq!(change.new.as_ref().unwrap()["id"], "lead-quality");
    assert_eq!(comparison.apply_all(&a).unwrap(), b);
}

#[test]
fn a_removal_is_one_change_named_from_the_old_version() {
    let a = template("en");
    let mut b = a.clone();
    b.commitments[1].metrics.remove(1);
    b.consequences.remedies.remove(0);
    let comparison = compare(&a, &b);
    assert_eq!(
        keys(&comparison),
        [
            "commitments[sales-follow-up].metrics[follow-up-attempts]",
            "consequences.remedies[recycle]",
        ]
    );
    assert_eq!(
        texts(&comparison, Language::En),
        [
            "3.2.2 metric removed: “Follow-up attempts before recycling”",
            "6.2.1 remedy removed: “An MQL is not contacted within its deadline”",
        ]
    );
    assert_eq!(
        texts(&comparison, Language::Ru),
        [
            "3.2.2 показатель удалён: «Follow-up attempts before recycling»",
            "6.2.1 мера удалена: «An MQL is not contacted within its deadline»",
        ]
    );
    assert!(comparison.changes.iter().all(|c| c.new.is_none()));
    assert_eq!(comparison.apply_all(&a).unwrap(), b);
}

#[test]
fn a_reorder_is_one_change_and_nothing_else() {
    let a = template("en");
    let mut b = a.clone();
    b.commitments[1].metrics.reverse();
    b.commitments.swap(0, 1);
    let comparison = compare(&a, &b);
    assert_eq!(
        keys(&comparison),
        ["commitments", "commitments[sales-follow-up].metrics"]
    );
    assert!(comparison
        .changes
        .iter()
        .all(|c| c.kind == ChangeKind::Moved));
    assert_eq!(
        texts(&comparison, Language::En),
        [
            "2. order of services changed",
            "3.1 order of metrics changed"
        ]
    );
    assert_eq!(
        texts(&comparison, Language::Ru),
        [
            "2. порядок услуг изменён",
            "3.1 порядок показателей изменён"
        ]
    );
    let moved = &comparison.changes[1];
    assert_eq!(
        moved.new,
        Some(json!([
            "rejection-reasons",
            "connect-rate",
            "follow-up-attempts",
            "first-contact-time"
        ]))
    );
    assert_eq!(comparison.apply_all(&a).unwrap(), b);
}

#[test]
fn a_moved_and_edited_item_is_a_reorder_and_its_edit() {
    let a = template("en");
    let mut b = a.clone();
    b.consequences.remedies.rotate_left(1);
    b.consequences.remedies.push(Remedy {
        id: "joint-review".into(),
        scope: Scope::Agreement,
        trigger: "Two metrics missed in one month".into(),
        action: "Joint review of the funnel.".into(),
        when: None,
    });
    b.consequences.remedies[2].action = "The lead goes to the team lead.".into();
    let comparison = compare(&a, &b);
    assert_eq!(
        texts(&comparison, Language::En),
        [
            "6.2 order of remedies changed",
            "6.2.3 remedy: action reworded",
            "6.2.4 remedy added: “Two metrics missed in one month”",
        ]
    );
    assert_eq!(
        texts(&comparison, Language::Ru),
        [
            "6.2 порядок мер изменён",
            "6.2.3 мера: действие — новая редакция",
            "6.2.4 мера добавлена: «Two metrics missed in one month»",
        ]
    );
    assert_eq!(comparison.apply_all(&a).unwrap(), b);
}

#[test]
fn nested_lists_compare_inside_their_items() {
    let a = full("en");
    let mut b = a.clone();
    let tiers = &mut b.consequences.adjustments[0].tiers;
    tiers[2].adjustment_percent = -15.0;
    tiers.remove(0);
    tiers.push(AdjustmentTier {
        achieved_below_percent: 40.0,
        adjustment_percent: -20.0,
    });
    tiers.swap(0, 1);
    b.consequences.escalation.insert(
        1,
        EscalationStep {
            trigger: "Still missed after a week".into(),
            escalate_to: "Revenue operations lead".into(),
            after_days: 7,
            action: "Checks the data.".into(),
            scope: None,
            when: None,
        },
    );
    let comparison = compare(&a, &b);
    assert_eq!(
        keys(&comparison),
        [
            "consequences.escalation[Revenue operations lead]",
            "consequences.adjustments[bonus-mql].tiers",
            "consequences.adjustments[bonus-mql].tiers[95.0]",
            "consequences.adjustments[bonus-mql].tiers[60.0].adjustment_percent",
            "consequences.adjustments[bonus-mql].tiers[40.0]",
        ]
    );
    assert_eq!(
        texts(&comparison, Language::En),
        [
            "6.1 escalation step 2 added: “Revenue operations lead”",
            "6.3.1 order of tiers changed",
            "6.3.1 tier removed: below 95% of target: −2%",
            "6.3.1 below 60% of target: adjustment −10% → −15%",
            "6.3.1 tier added: below 40% of target: −20%",
        ]
    );
    assert_eq!(
        texts(&comparison, Language::Ru),
        [
            "6.1 этап эскалации 2 добавлен: «Revenue operations lead»",
            "6.3.1 порядок ступеней изменён",
            "6.3.1 ступень удалена: ниже 95\u{a0}% от цели: −2\u{a0}%",
            "6.3.1 ниже 60\u{a0}% от цели: корректировка −10\u{a0}% → −15\u{a0}%",
            "6.3.1 ступень добавлена: ниже 40\u{a0}% от цели: −20\u{a0}%",
        ]
    );
    assert_eq!(comparison.apply_all(&a).unwrap(), b);
}

#[test]
fn a_new_service_carries_its_metrics_in_one_addition() {
    let a = template("en");
    let mut b = a.clone();
    b.commitments.insert(
        1,
        Commitment {
            id: "content".into(),
            provider: Side::Marketing,
            service: "Sales content".into(),
            description: String::new(),
            metrics: vec![lead_quality("content-use")],
        },
    );
    let comparison = compare(&a, &b);
    assert_eq!(keys(&comparison), ["commitments[content]"]);
    assert_eq!(
        texts(&comparison, Language::En),
        ["2.2 service added: “Sales content”"]
    );
    assert_eq!(comparison.changes[0].step.as_str(), "parties");
    assert_eq!(comparison.apply_all(&a).unwrap(), b);
}

#[test]
fn signatories_are_matched_by_side() {
    let a = template("en");
    let mut b = a.clone();
    b.signatories[1].name = "Olga Ivanova".into();
    b.signatories.push(Signatory {
        side: Side::Sales,
        name: "Pavel Egorov".into(),
        role: "CEO".into(),
        email: String::new(),
    });
    let comparison = compare(&a, &b);
    assert_eq!(
        keys(&comparison),
        ["signatories[sales].name", "signatories[sales#2]"]
    );
    assert_eq!(
        texts(&comparison, Language::En),
        [
            "8. signatory for Sales: Igor Smirnov → Olga Ivanova",
            "8. signatory for Sales (2) added: Pavel Egorov, CEO",
        ]
    );
    assert_eq!(
        texts(&comparison, Language::Ru),
        [
            "8. подписант от продаж: Igor Smirnov → Olga Ivanova",
            "8. подписант от продаж (2) добавлен: Pavel Egorov, CEO",
        ]
    );
    assert_eq!(comparison.apply_all(&a).unwrap(), b);
}

#[test]
fn accepted_changes_apply_and_rejected_ones_do_not() {
    let a = template("en");
    let mut b = a.clone();
    b.commitments[0].metrics[0].target = 120.0;
    b.commitments[0]
        .metrics
        .insert(0, lead_quality("lead-quality"));
    b.commitments[1].metrics.remove(3);
    b.deadlines.calendar.holidays = vec![date(2027, 1, 7)];
    let comparison = compare(&a, &b);
    let accepted = [
        "commitments[mkt-leads].metrics[lead-quality]",
        "deadlines.calendar.holidays[2027-01-07]",
    ];
    let result = comparison.apply(&a, &accepted).unwrap();
    let mut expected = a.clone();
    expected.commitments[0]
        .metrics
        .insert(0, lead_quality("lead-quality"));
    expected.deadlines.calendar.holidays = vec![date(2027, 1, 7)];
    assert_eq!(result, expected);
    assert_eq!(comparison.apply(&a, &[] as &[&str]).unwrap(), a);

    assert_eq!(
        comparison.apply(&a, &["no.such.key"]),
        Err(CompareError::UnknownChange("no.such.key".into()))
    );
    // Applied to a version that no longer has the metric, the change cannot find it.
    let mut elsewhere = a.clone();
    elsewhere.commitments[1].metrics.clear();
    assert_eq!(
        comparison.apply(
            &elsewhere,
            &["commitments[sales-follow-up].metrics[rejection-reasons]"]
        ),
        Err(CompareError::Missing(
            "commitments[sales-follow-up].metrics[rejection-reasons]".into()
        ))
    );
    assert_eq!(
        comparison.apply(&b, &["commitments[mkt-leads].metrics[lead-quality]"]),
        Err(CompareError::AlreadyPresent(
            "commitments[mkt-leads].metrics[lead-quality]".into()
        ))
    );
}

#[test]
fn an_added_item_keeps_its_place_when_its_neighbour_is_rejected() {
    let a = template("en");
    let mut b = a.clone();
    b.commitments[0].metrics.insert(1, lead_quality("first"));
    b.commitments[0].metrics.insert(2, lead_quality("second"));
    let comparison = compare(&a, &b);
    let result = comparison
        .apply(&a, &["commitments[mkt-leads].metrics[second]"])
        .unwrap();
    let ids: Vec<&str> = result.commitments[0]
        .metrics
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "mql-per-rep",
            "second",
            "mql-acceptance",
            "mql-data-complete"
        ]
    );
}

#[test]
fn optional_fields_set_and_cleared_keep_the_models_json() {
    let a = template("en");
    let mut b = a.clone();
    b.consequences.escalation[1].when = None;
    b.consequences.escalation[1].scope = Some(Scope::Metric("connect-rate".into()));
    let comparison = compare(&a, &b);
    assert_eq!(
        texts(&comparison, Language::En),
        [
            "6.1 step 2 (CEO): applies to the whole agreement → metric 3.2.3 “Connected conversations”",
            "6.1 step 2 (CEO): measurable condition 3 misses in a row → not measured",
        ]
    );
    assert_eq!(comparison.changes[0].old, Some(serde_json::Value::Null));
    let result = comparison.apply_all(&a).unwrap();
    assert_eq!(result, b);
    assert_eq!(to_canonical_json(&result), to_canonical_json(&b));
}

#[test]
fn changes_serialise_for_the_window() {
    let a = template("en");
    let mut b = a.clone();
    b.monitoring.review_cadence = Some(Cadence::Weekly);
    let value = serde_json::to_value(compare(&a, &b)).unwrap();
    assert_eq!(
        value,
        json!({"changes": [{
            "key": "monitoring.review_cadence",
            "kind": "changed",
            "step": "monitoring",
            "old": "monthly",
            "new": "weekly",
            "subject": {
                "en": "4.4 Review schedule, joint review",
                "ru": "4.4 График контроля, совместный разбор"
            },
            "text": {
                "en": "4.4 Review schedule: joint review monthly → weekly",
                "ru": "4.4 График контроля: совместный разбор ежемесячно → еженедельно"
            }
        }]})
    );
}

#[test]
fn a_reorder_accepted_without_a_removal_leaves_the_kept_item_in_place() {
    let a = template("en");
    let mut b = a.clone();
    let metrics = &mut b.commitments[1].metrics;
    metrics.remove(1);
    metrics.reverse();
    let comparison = compare(&a, &b);
    assert_eq!(
        keys(&comparison),
        [
            "commitments[sales-follow-up].metrics",
            "commitments[sales-follow-up].metrics[follow-up-attempts]",
        ]
    );
    let result = comparison
        .apply(&a, &["commitments[sales-follow-up].metrics"])
        .unwrap();
    let ids: Vec<&str> = result.commitments[1]
        .metrics
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "rejection-reasons",
            "follow-up-attempts",
            "connect-rate",
            "first-contact-time"
        ]
    );
}

#[test]
fn a_change_names_its_field_by_position_in_the_version_given() {
    let a = template("en");
    let mut b = a.clone();
    // A metric moved first: the changed target is found where it now is.
    b.commitments[0].metrics.swap(0, 2);
    b.commitments[0].metrics[2].target = 120.0;
    b.deadlines.calendar.holidays.push(date(2027, 1, 7));
    let comparison = compare(&a, &b);
    let target = comparison
        .get("commitments[mkt-leads].metrics[mql-per-rep].target")
        .unwrap();
    assert_eq!(
        target.field_path(&b).as_deref(),
        Some("commitments[0].metrics[2].target")
    );
    assert_eq!(
        target.field_path(&a).as_deref(),
        Some("commitments[0].metrics[0].target")
    );
    let holiday = comparison
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::Added && c.key.starts_with("deadlines"))
        .unwrap();
    let n = b.deadlines.calendar.holidays.len() - 1;
    assert_eq!(
        holiday.field_path(&b),
        Some(format!("deadlines.calendar.holidays[{n}]"))
    );
    assert_eq!(holiday.field_path(&a), None, "not in the older version");
}

#[test]
fn a_field_and_its_key_turn_into_each_other_whatever_the_items_order() {
    let mut a = template("en");
    a.consequences.adjustments.push(adjustment("bonus"));
    a.deadlines.calendar.holidays.push(date(2027, 1, 7));
    let n = a.deadlines.calendar.holidays.len();
    for field in [
        "title",
        "parties.sales.head.name",
        "commitments[0].metrics[2].target",
        "commitments[1]",
        "consequences.escalation[1].after_days",
        "consequences.adjustments[0].tiers[1].adjustment_percent",
        "signatories[1].name",
        &format!("deadlines.calendar.holidays[{}]", n - 1),
    ] {
        let key = sla_compare::key_for_field(&a, field).unwrap_or_else(|| panic!("{field}"));
        assert_eq!(
            sla_compare::field_for_key(&a, &key).as_deref(),
            Some(field),
            "{field} → {key}"
        );
    }
    assert_eq!(
        sla_compare::key_for_field(&a, "commitments[0].metrics[0].target").as_deref(),
        Some("commitments[mkt-leads].metrics[mql-per-rep].target")
    );
    // Ids with the key's own punctuation are escaped and read back.
    let mut odd = a.clone();
    odd.commitments[1].metrics[0].id = "a]b#c\\d".into();
    let key = sla_compare::key_for_field(&odd, "commitments[1].metrics[0].name").unwrap();
    assert_eq!(
        key,
        "commitments[sales-follow-up].metrics[a\\]b\\#c\\\\d].name"
    );
    assert_eq!(
        sla_compare::field_for_key(&odd, &key).as_deref(),
        Some("commitments[1].metrics[0].name")
    );
    // The key stays on its metric when the metrics move.
    let mut b = a.clone();
    b.commitments[0].metrics.reverse();
    let last = b.commitments[0].metrics.len() - 1;
    assert_eq!(
        sla_compare::field_for_key(&b, "commitments[mkt-leads].metrics[mql-per-rep].target"),
        Some(format!("commitments[0].metrics[{last}].target"))
    );
    // Gone, unknown or malformed: no field.
    b.commitments[0].metrics.retain(|m| m.id != "mql-per-rep");
    for key in [
        "commitments[mkt-leads].metrics[mql-per-rep].target",
        "no_such_field",
        "commitments[mkt-leads",
        "title[0]",
    ] {
        assert_eq!(sla_compare::field_for_key(&b, key), None, "{key}");
    }
    for field in [
        "commitments[9]",
        "title.x",
        "commitments[x]",
        "",
        "commitments[0]]",
    ] {
        assert_eq!(sla_compare::key_for_field(&b, field), None, "{field}");
    }
}
