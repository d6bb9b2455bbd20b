//! Every check fires on an agreement built to break it, with its id, severity, field and a message
//! and fix in both languages; and stays silent on the complete templates.

use chrono::NaiveDate;
use sla_guidance::checks::{self, Finding, Severity, ALL_CHECKS, ALL_CHECK_IDS};
use sla_guidance::{library, templates};
use sla_i18n::Messages;
use sla_model::*;

const LANGUAGES: [Language; 2] = [Language::En, Language::Ru];

fn complete(language: Language) -> Agreement {
    templates::instantiate("sales-marketing", language).unwrap()
}

/// Asserts that breaking the complete template of each language with `breaks` produces the
/// finding `id` at `field`, worded in both languages.
fn assert_fires(id: &str, field: &str, breaks: impl Fn(&mut Agreement)) {
    let check = checks::by_id(id).unwrap_or_else(|| panic!("`{id}` is not in the catalogue"));
    for template_language in LANGUAGES {
        let mut agreement = complete(template_language);
        breaks(&mut agreement);
        for language in LANGUAGES {
            let findings = checks::check(&agreement, language);
            let Some(found) = findings.iter().find(|f| f.id == id && f.field == field) else {
                panic!("`{id}` at `{field}` not found in {template_language:?} template, {language:?} messages: {findings:#?}");
            };
            assert_eq!(found.severity, check.severity, "{id}");
            assert_worded(found, language, template_language);
        }
    }
}

fn assert_worded(f: &Finding, language: Language, typed_in: Language) {
    for (what, text) in [("message", &f.message), ("fix", &f.fix)] {
        assert!(
            !text.trim().is_empty(),
            "{} has an empty {what} in {language:?}",
            f.id
        );
        assert!(
            !text.starts_with("check-"),
            "{} has no {what} in {language:?}: {text}",
            f.id
        );
        assert!(
            !text.contains("{$") && !text.contains("{ $"),
            "{} {what} has an unfilled argument: {text}",
            f.id
        );
    }
    // Russian messages are in Cyrillic; English ones have none unless they quote Russian typed text.
    let cyrillic = f
        .message
        .chars()
        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap()));
    if language == Language::Ru || typed_in == Language::En {
        assert_eq!(
            cyrillic,
            language == Language::Ru,
            "{} message in the wrong language: {}",
            f.id,
            f.message
        );
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn library_metric(id: &str, language: Language) -> Metric {
    library::metric(id, language).unwrap().metric
}

fn adjustment(tiers: &[(f64, f64)], month_cap: f64, year_cap: f64) -> Adjustment {
    Adjustment {
        id: "bonus".into(),
        kind: AdjustmentKind::Bonus,
        scope: Scope::Commitment("mkt-leads".into()),
        tiers: tiers
            .iter()
            .map(|&(below, adjust)| AdjustmentTier {
                achieved_below_percent: below,
                adjustment_percent: adjust,
            })
            .collect(),
        cap_per_month_percent: month_cap,
        cap_per_year_percent: year_cap,
    }
}

/// One test per check id, and the list of ids they cover.
macro_rules! breaking_cases {
    ($($test:ident: $id:literal at $field:literal, |$a:ident| $breaks:block)*) => {
        $(
            #[test]
            fn $test() {
                assert_fires($id, $field, |$a: &mut Agreement| $breaks);
            }
        )*
        const COVERED: &[&str] = &[$($id),*];
    };
}

breaking_cases! {
    title_empty: "title-empty" at "title", |a| { a.title = "  ".into(); }
    party_department_empty: "party-department-empty" at "parties.sales.department", |a| {
        a.parties.sales.department.clear();
    }
    party_head_no_name: "party-head-no-name" at "parties.marketing.head.name", |a| {
        a.parties.marketing.head.name.clear();
    }
    party_head_no_role: "party-head-no-role" at "parties.sales.head.role", |a| { a.parties.sales.head.role.clear(); }
    term_no_duration: "term-no-duration" at "term.duration_months", |a| { a.term.duration_months = 0; }
    term_no_review_date: "term-no-review-date" at "term.review_dates", |a| { a.term.review_dates.clear(); }
    review_date_outside_term: "review-date-outside-term" at "term.review_dates[1]", |a| {
        a.term.review_dates[1] = date(2029, 1, 1);
    }
    signatory_missing: "signatory-missing" at "signatories", |a| { a.signatories.retain(|s| s.side != Side::Sales); }
    signatory_no_name: "signatory-no-name" at "signatories[1].name", |a| { a.signatories[1].name.clear(); }
    id_empty: "id-empty" at "commitments[1].metrics[2].id", |a| { a.commitments[1].metrics[2].id.clear(); }
    duplicate_id: "duplicate-id" at "commitments[1].metrics[3].id", |a| {
        a.commitments[1].metrics[3].id = "connect-rate".into();
    }
    direction_missing: "direction-missing" at "commitments", |a| { a.commitments.remove(1); }
    commitment_no_service: "commitment-no-service" at "commitments[0].service", |a| { a.commitments[0].service.clear(); }
    commitment_without_metrics: "commitment-without-metrics" at "commitments[2].metrics", |a| {
        let mut extra = a.commitments[1].clone();
        extra.id = "sales-extra".into();
        extra.metrics.clear();
        a.commitments.push(extra);
    }
    too_few_metrics: "too-few-metrics" at "commitments[0].metrics", |a| { a.commitments[0].metrics.truncate(1); }
    too_many_metrics: "too-many-metrics" at "commitments[1].metrics[7]", |a| {
        for id in ["first-contact-time-tier-b", "mql-decision-time", "leads-within-sla", "never-contacted"] {
            let metric = library_metric(id, a.language);
            a.commitments[1].metrics.push(metric);
        }
    }
    metric_no_name: "metric-no-name" at "commitments[0].metrics[2].name", |a| { a.commitments[0].metrics[2].name.clear(); }
    metric_no_definition: "metric-no-definition" at "commitments[1].metrics[0].definition", |a| {
        a.commitments[1].metrics[0].definition.clear();
    }
    metric_owner_not_provider: "metric-owner-not-provider" at "commitments[0].metrics[1].owner", |a| {
        a.commitments[0].metrics[1].owner = Side::Sales;
    }
    metric_no_data_source: "metric-no-data-source" at "commitments[1].metrics[1].data_source", |a| {
        a.commitments[1].metrics[1].data_source = " ".into();
    }
    metric_manual_no_reason: "metric-manual-no-reason" at "commitments[1].metrics[3].collection.reason", |a| {
        a.commitments[1].metrics[3].collection = Collection::Manual { reason: String::new() };
    }
    metric_collected_by_hand: "metric-collected-by-hand" at "commitments[1].metrics[3].collection", |a| {
        a.commitments[1].metrics[3].collection = Collection::Manual { reason: "The CRM has no reason field yet".into() };
    }
    volume_without_quality: "volume-without-quality" at "commitments[0].metrics[0]", |a| {
        a.commitments[0].metrics.remove(1);
    }
    target_unit_mismatch: "target-unit-mismatch" at "commitments[1].metrics[0].unit", |a| {
        a.commitments[1].metrics[0].unit = Unit::Count;
    }
    target_out_of_range: "target-out-of-range" at "commitments[0].metrics[1].target", |a| {
        a.commitments[0].metrics[1].target = 120.0;
    }
    target_unattainable: "target-unattainable" at "commitments[0].metrics[2].target", |a| {
        a.commitments[0].metrics[2].target = 100.0;
    }
    target_always_met: "target-always-met" at "commitments[0].metrics[0].target", |a| {
        a.commitments[0].metrics[0].target = 0.0;
    }
    conflicting_targets: "conflicting-targets" at "commitments[0].metrics[3].target", |a| {
        let mut again = a.commitments[0].metrics[1].clone();
        again.id = "mql-acceptance-2".into();
        again.comparator = Comparator::AtMost;
        again.target = 50.0;
        a.commitments[0].metrics.push(again);
    }
    metric_repeated: "metric-repeated" at "commitments[0].metrics[3]", |a| {
        let mut again = a.commitments[0].metrics[1].clone();
        again.id = "mql-acceptance-2".into();
        a.commitments[0].metrics.push(again);
    }
    monitoring_no_data_collection: "monitoring-no-data-collection" at "monitoring.data_collection", |a| {
        a.monitoring.data_collection.clear();
    }
    monitoring_no_data_processing: "monitoring-no-data-processing" at "monitoring.data_processing", |a| {
        a.monitoring.data_processing.clear();
    }
    monitoring_no_reports: "monitoring-no-reports" at "monitoring.reports", |a| { a.monitoring.reports.clear(); }
    report_without_owner: "report-without-owner" at "monitoring.reports[1].owner", |a| {
        a.monitoring.reports[1].owner.clear();
    }
    review_no_cadence: "review-no-cadence" at "monitoring.review_cadence", |a| { a.monitoring.review_cadence = None; }
    review_no_reviewers: "review-no-reviewers" at "monitoring.reviewers", |a| { a.monitoring.reviewers = vec![" ".into()]; }
    deadlines_none: "deadlines-none" at "deadlines.rules", |a| { a.deadlines.rules.clear(); }
    deadline_no_subject: "deadline-no-subject" at "deadlines.rules[2].applies_to", |a| {
        a.deadlines.rules[2].applies_to.clear();
    }
    deadline_no_response: "deadline-no-response" at "deadlines.rules[1].response", |a| {
        a.deadlines.rules[1].response = None;
    }
    deadline_no_resolution: "deadline-no-resolution" at "deadlines.rules[0].resolution", |a| {
        a.deadlines.rules[0].resolution = None;
    }
    deadline_not_positive: "deadline-not-positive" at "deadlines.rules[0].response.value", |a| {
        a.deadlines.rules[0].response = Some(Duration { value: 0.0, unit: DurationUnit::Hours });
    }
    deadline_resolution_before_response: "deadline-resolution-before-response" at "deadlines.rules[2].resolution", |a| {
        a.deadlines.rules[2].resolution = Some(Duration { value: 30.0, unit: DurationUnit::Minutes });
    }
    calendar_invalid: "calendar-invalid" at "deadlines.calendar.day_end", |a| {
        a.deadlines.calendar.day_end = "08:00".into();
    }
    commitment_without_consequence: "commitment-without-consequence" at "commitments[1]", |a| {
        a.consequences.remedies.retain(|r| r.id == "lead-plan");
    }
    escalation_none: "escalation-none" at "consequences.escalation", |a| { a.consequences.escalation.clear(); }
    consequence_without_trigger: "consequence-without-trigger" at "consequences.remedies[1].trigger", |a| {
        a.consequences.remedies[1].trigger.clear();
    }
    consequence_without_action: "consequence-without-action" at "consequences.remedies[2].action", |a| {
        a.consequences.remedies[2].action.clear();
    }
    scope_unknown_id: "scope-unknown-id" at "consequences.remedies[0].scope.id", |a| {
        a.consequences.remedies[0].scope = Scope::Metric("first-contact".into());
    }
    escalation_scope_unknown_id: "escalation-scope-unknown-id" at "consequences.escalation[1].scope.id", |a| {
        a.consequences.escalation[1].scope = Some(Scope::Metric("first-contact".into()));
    }
    trigger_out_of_range: "trigger-out-of-range" at "consequences.escalation[0].when.periods", |a| {
        a.consequences.escalation[0].when = Some(Trigger::MissedInARow { periods: 0 });
    }
    triggers_not_structured: "triggers-not-structured" at "consequences.escalation[0].when", |a| {
        a.consequences.escalation.iter_mut().for_each(|s| s.when = None);
        a.consequences.remedies.iter_mut().for_each(|r| r.when = None);
    }
    adjustment_cap_out_of_range: "adjustment-cap-out-of-range" at "consequences.adjustments[0].cap_per_year_percent", |a| {
        a.consequences.adjustments.push(adjustment(&[(95.0, -2.0)], 10.0, 150.0));
    }
    adjustment_cap_order: "adjustment-cap-order" at "consequences.adjustments[0].cap_per_month_percent", |a| {
        a.consequences.adjustments.push(adjustment(&[(95.0, -2.0)], 30.0, 20.0));
    }
    adjustment_tiers_unordered: "adjustment-tiers-unordered" at "consequences.adjustments[0].tiers[1].achieved_below_percent", |a| {
        a.consequences.adjustments.push(adjustment(&[(90.0, -5.0), (95.0, -2.0)], 10.0, 20.0));
    }
    adjustment_tier_above_cap: "adjustment-tier-above-cap" at "consequences.adjustments[0].tiers[1].adjustment_percent", |a| {
        a.consequences.adjustments.push(adjustment(&[(95.0, -2.0), (80.0, -15.0)], 10.0, 20.0));
    }
}

#[test]
fn every_check_id_has_a_breaking_case() {
    let mut covered = COVERED.to_vec();
    covered.sort_unstable();
    let mut all = ALL_CHECK_IDS.to_vec();
    all.sort_unstable();
    assert_eq!(covered, all);
}

#[test]
fn complete_templates_pass_every_check_in_both_languages() {
    for template_language in LANGUAGES {
        for language in LANGUAGES {
            let findings = checks::check(&complete(template_language), language);
            assert!(
                findings.is_empty(),
                "{template_language:?} template, {language:?}: {findings:#?}"
            );
        }
    }
}

#[test]
fn blank_template_is_flagged_with_errors() {
    for language in LANGUAGES {
        let findings = checks::check(
            &templates::instantiate("blank", language).unwrap(),
            language,
        );
        assert!(checks::has_errors(&findings));
        let ids: Vec<_> = findings.iter().map(|f| f.id).collect();
        for id in [
            "direction-missing",
            "signatory-missing",
            "review-no-cadence",
            "deadlines-none",
        ] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
    }
}

#[test]
fn every_check_has_a_message_and_a_fix_in_both_languages() {
    for language in LANGUAGES {
        let messages = Messages::new(language);
        for check in ALL_CHECKS {
            assert!(
                messages.has(&check.message_id()),
                "{} has no message in {language:?}",
                check.id
            );
            assert!(
                messages.has(&check.fix_id()),
                "{} has no fix in {language:?}",
                check.id
            );
        }
    }
}

#[test]
fn checks_ftl_holds_no_message_for_an_unknown_check() {
    for id in sla_i18n::coverage()
        .into_keys()
        .filter(|id| id.starts_with("check-"))
    {
        let check_id = id.trim_start_matches("check-").trim_end_matches("-fix");
        assert!(
            ALL_CHECK_IDS.contains(&check_id),
            "{id} belongs to no check"
        );
    }
}

#[test]
fn check_ids_are_unique_and_kebab_case() {
    let mut ids = ALL_CHECK_IDS.to_vec();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), ALL_CHECK_IDS.len());
    for id in ALL_CHECK_IDS {
        assert!(
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{id}"
        );
    }
}

#[test]
fn finding_serialises_for_the_cli_and_the_ui() {
    let mut a = complete(Language::En);
    a.commitments[0].metrics[1].owner = Side::Sales;
    let findings = checks::check(&a, Language::En);
    let json = serde_json::to_value(&findings).unwrap();
    assert_eq!(json[0]["id"], "metric-owner-not-provider");
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(json[0]["field"], "commitments[0].metrics[1].owner");
    let message = json[0]["message"].as_str().unwrap();
    assert!(
        message.contains("Sales acceptance rate") && message.contains("owned by Sales"),
        "{message}"
    );
    assert!(json[0]["fix"]
        .as_str()
        .unwrap()
        .contains("Make Marketing the owner"));
    assert!(checks::has_errors(&findings));
    assert_eq!(serde_json::to_value(Severity::Warning).unwrap(), "warning");
    assert_eq!(serde_json::to_value(Severity::Info).unwrap(), "info");
}

#[test]
fn messages_name_the_metric_and_use_russian_plurals() {
    let mut a = complete(Language::Ru);
    a.commitments[0].metrics.truncate(1);
    let findings = checks::check(&a, Language::Ru);
    let few = findings.iter().find(|f| f.id == "too-few-metrics").unwrap();
    assert!(few.message.contains("только 1 метрика"), "{}", few.message);
    let unpaired = findings
        .iter()
        .find(|f| f.id == "volume-without-quality")
        .unwrap();
    assert!(
        unpaired.message.contains("«MQL на менеджера по продажам»"),
        "{}",
        unpaired.message
    );
    assert!(
        unpaired.message.contains("по потоку «mql»"),
        "{}",
        unpaired.message
    );
}

#[test]
fn warnings_and_info_alone_are_not_errors() {
    let mut a = complete(Language::En);
    a.commitments[1].metrics[3].collection = Collection::Manual {
        reason: "No CRM field yet".into(),
    };
    a.term.review_dates.clear();
    let findings = checks::check(&a, Language::En);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert!(!checks::has_errors(&findings));
}

fn ids_at(a: &Agreement) -> Vec<(&'static str, String)> {
    checks::check(a, Language::En)
        .into_iter()
        .map(|f| (f.id, f.field))
        .collect()
}

#[test]
fn volume_needs_quality_from_the_same_provider_on_the_same_flow() {
    // Sales' volume metric on follow-up is paired by connect-rate; take that away.
    let mut a = complete(Language::En);
    a.commitments[1].metrics.remove(2);
    assert!(ids_at(&a).contains(&("volume-without-quality", "commitments[1].metrics[1]".into())));

    // A quality metric on the flow, but provided by the other side, does not pair it.
    let mut a = complete(Language::En);
    let mut moved = a.commitments[1].metrics.remove(2);
    moved.owner = Side::Marketing;
    a.commitments[0].metrics.push(moved);
    assert!(ids_at(&a).contains(&("volume-without-quality", "commitments[1].metrics[1]".into())));

    // A volume metric with no flow cannot be paired at all, and says so.
    let mut a = complete(Language::En);
    a.commitments[0].metrics[0].flow.clear();
    let findings = checks::check(&a, Language::En);
    let f = findings
        .iter()
        .find(|f| f.id == "volume-without-quality")
        .unwrap();
    assert!(f.message.contains("names no flow"), "{}", f.message);

    // Flow names match regardless of case and spaces.
    let mut a = complete(Language::En);
    a.commitments[0].metrics[1].flow = " MQL ".into();
    assert!(ids_at(&a).is_empty());
}

#[test]
fn target_ranges_follow_the_unit() {
    let target = |unit: Unit, comparator: Comparator, target: f64| {
        let mut a = complete(Language::En);
        let m = &mut a.commitments[0].metrics[0];
        (m.unit, m.comparator, m.target) = (unit, comparator, target);
        ids_at(&a).into_iter().map(|(id, _)| id).collect::<Vec<_>>()
    };
    assert_eq!(
        target(Unit::Count, Comparator::AtLeast, -5.0),
        ["target-out-of-range"]
    );
    assert_eq!(
        target(Unit::Percent, Comparator::AtLeast, -1.0),
        ["target-out-of-range"]
    );
    assert_eq!(
        target(Unit::Count, Comparator::AtLeast, f64::NAN),
        ["target-out-of-range"]
    );
    assert_eq!(
        target(Unit::Percent, Comparator::AtMost, 0.0),
        ["target-unattainable"]
    );
    assert_eq!(
        target(Unit::Percent, Comparator::Exactly, 100.0),
        ["target-unattainable"]
    );
    assert_eq!(
        target(Unit::Percent, Comparator::AtMost, 100.0),
        ["target-always-met"]
    );
    assert_eq!(
        target(Unit::Count, Comparator::AtMost, 0.0),
        Vec::<&str>::new(),
        "zero of a count is a fair target"
    );
    assert_eq!(
        target(Unit::Count, Comparator::AtLeast, 250.0),
        Vec::<&str>::new()
    );

    let mut a = complete(Language::En);
    a.commitments[1].metrics[0].target = 0.0;
    assert_eq!(
        ids_at(&a),
        [(
            "target-unattainable",
            "commitments[1].metrics[0].target".to_string()
        )]
    );
}

#[test]
fn targets_conflict_only_when_no_figure_meets_both() {
    let with_second = |comparator: Comparator, target: f64, window: Window, unit: Unit| {
        let mut a = complete(Language::En);
        let first = &mut a.commitments[0].metrics[0];
        (first.unit, first.target) = (unit, 90.0);
        let mut again = first.clone();
        again.id = "mql-per-rep-2".into();
        (again.comparator, again.target, again.window) = (comparator, target, window);
        a.commitments[0].metrics.push(again);
        ids_at(&a).into_iter().map(|(id, _)| id).collect::<Vec<_>>()
    };
    // The first is "at least 90 a month".
    assert_eq!(
        with_second(Comparator::AtMost, 80.0, Window::Month, Unit::Count),
        ["conflicting-targets"]
    );
    assert_eq!(
        with_second(Comparator::Exactly, 85.0, Window::Month, Unit::Count),
        ["conflicting-targets"]
    );
    assert_eq!(
        with_second(Comparator::AtMost, 90.0, Window::Month, Unit::Count),
        ["metric-repeated"]
    );
    assert_eq!(
        with_second(Comparator::AtLeast, 120.0, Window::Month, Unit::Count),
        ["metric-repeated"]
    );
    // 80 a week and 100 a month are different demands on a count...
    assert_eq!(
        with_second(Comparator::AtMost, 80.0, Window::Week, Unit::Count),
        Vec::<&str>::new()
    );
    // ...but not on a percentage.
    assert_eq!(
        with_second(Comparator::AtMost, 80.0, Window::Week, Unit::Percent),
        ["conflicting-targets"]
    );
}

#[test]
fn calendar_problems_point_at_their_field() {
    let mut a = complete(Language::En);
    a.deadlines.calendar.timezone.clear();
    a.deadlines.calendar.workdays = vec![0, 8];
    a.deadlines.calendar.day_start = "9am".into();
    let found = ids_at(&a);
    for field in [
        "deadlines.calendar.timezone",
        "deadlines.calendar.workdays",
        "deadlines.calendar.day_start",
    ] {
        assert!(
            found.contains(&("calendar-invalid", field.into())),
            "{field}: {found:?}"
        );
    }
}

#[test]
fn a_deadline_with_neither_time_gets_both_findings() {
    let mut a = complete(Language::En);
    a.deadlines.rules[1].response = None;
    a.deadlines.rules[1].resolution = None;
    assert_eq!(
        ids_at(&a),
        [
            (
                "deadline-no-response",
                "deadlines.rules[1].response".to_string()
            ),
            (
                "deadline-no-resolution",
                "deadlines.rules[1].resolution".to_string()
            )
        ]
    );
}

#[test]
fn a_well_formed_adjustment_adds_no_finding() {
    let mut a = complete(Language::En);
    a.consequences.adjustments.push(adjustment(
        &[(95.0, -2.0), (90.0, -5.0), (80.0, -10.0)],
        10.0,
        20.0,
    ));
    assert!(ids_at(&a).is_empty(), "{:?}", ids_at(&a));
}

#[test]
fn an_agreement_wide_remedy_covers_every_commitment() {
    let mut a = complete(Language::En);
    a.consequences.remedies.retain(|r| r.id == "lead-plan");
    a.consequences.remedies[0].scope = Scope::Agreement;
    assert!(ids_at(&a).is_empty(), "{:?}", ids_at(&a));
}

#[test]
fn remedy_and_adjustment_ids_share_one_namespace() {
    let mut a = complete(Language::En);
    let mut adj = adjustment(&[(95.0, -2.0)], 10.0, 20.0);
    adj.id = "recycle".into();
    a.consequences.adjustments.push(adj);
    assert_eq!(
        ids_at(&a),
        [("duplicate-id", "consequences.adjustments[0].id".to_string())]
    );
}

#[test]
fn percent_targets_show_their_sign_and_escalations_get_their_own_fix() {
    let mut a = complete(Language::En);
    a.commitments[0].metrics[2].target = 100.0;
    a.consequences.escalation[1].escalate_to.clear();
    let findings = checks::check(&a, Language::En);
    assert!(
        findings[0]
            .message
            .starts_with("The target 100% of \"Complete lead records\""),
        "{}",
        findings[0].message
    );
    assert_eq!(findings[1].field, "consequences.escalation[1].escalate_to");
    assert!(findings[1].fix.contains("CEO"), "{}", findings[1].fix);
}

#[test]
fn structured_triggers_name_the_step_and_their_bounds() {
    let mut a = complete(Language::En);
    a.consequences.escalation[1].scope = Some(Scope::Commitment("nope".into()));
    a.consequences.remedies[1].when = Some(Trigger::AchievedBelow { percent: 120.0 });
    a.consequences.remedies[2].when = Some(Trigger::AchievedBelow { percent: 0.0 });
    let findings = checks::check(&a, Language::En);
    let at = |field: &str| {
        findings
            .iter()
            .find(|f| f.field == field)
            .unwrap_or_else(|| panic!("nothing at {field}: {findings:#?}"))
    };
    let scope = at("consequences.escalation[1].scope.id");
    assert_eq!(scope.severity, Severity::Error);
    assert!(
        scope.message.contains("Escalation step 2 (to \"CEO\")")
            && scope.message.contains("commitment \"nope\""),
        "{}",
        scope.message
    );
    let above = at("consequences.remedies[1].when.percent");
    assert_eq!(above.id, "trigger-out-of-range");
    assert!(
        above.message.contains("\"lead-plan\"") && above.message.contains("120%"),
        "{}",
        above.message
    );
    assert_eq!(
        at("consequences.remedies[2].when.percent").id,
        "trigger-out-of-range"
    );
    let ru = checks::check(&a, Language::Ru);
    let scope = ru
        .iter()
        .find(|f| f.field == "consequences.escalation[1].scope.id")
        .unwrap();
    assert!(
        scope.message.contains("Ступень эскалации 2"),
        "{}",
        scope.message
    );

    // The edges: one period and exactly 100 % are sound; a warning only when nothing at all is
    // structured, not when some steps are left in words.
    let mut sound = complete(Language::En);
    sound.consequences.escalation[0].when = Some(Trigger::MissedInARow { periods: 1 });
    sound.consequences.escalation[1].when = None;
    sound.consequences.remedies[1].when = Some(Trigger::AchievedBelow { percent: 100.0 });
    assert_eq!(checks::check(&sound, Language::En), vec![]);
    let mut no_ladder = complete(Language::En);
    no_ladder
        .consequences
        .remedies
        .iter_mut()
        .for_each(|r| r.when = None);
    no_ladder.consequences.escalation.clear();
    let ids: Vec<_> = checks::check(&no_ladder, Language::En)
        .iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(ids, ["escalation-none"]);
}
