//! Every check fires on an agreement built to break it, with its id, severity, field and a message
//! and fix in both languages; and stays silent on the complete templates.

mod common;

use chrono::NaiveDate;
use sla_guidance::checks::{self, Finding, Severity, ALL_CHECKS, ALL_CHECK_IDS};
use sla_guidance::library;
use sla_i18n::Messages;
use sla_model::*;

const LANGUAGES: [Language; 2] = [Language::En, Language::Ru];

fn complete(language: Language) -> Agreement {
    common::complete(language)
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
    // Every finding says which rule of the article or which source it applies.
    assert!(
        !f.citation.trim().is_empty() && !f.citation.starts_with("cite-"),
        "{} cites nothing in {language:?}: {}",
        f.id,
        f.citation
    );
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
    timezone_unknown: "timezone-unknown" at "deadlines.calendar.timezone", |a| {
        a.deadlines.calendar.timezone = "Europe/Moskow".into();
    }
    holiday_outside_term: "holiday-outside-term" at "deadlines.calendar.holidays[0]", |a| {
        a.deadlines.calendar.holidays = vec![date(2026, 12, 31)];
    }
    duration_exceeds_window: "duration-exceeds-window" at "commitments[1].metrics[0].target", |a| {
        a.commitments[1].metrics[0].window = Window::Day;
        a.commitments[1].metrics[0].target = 10.0;
    }
    email_invalid: "email-invalid" at "parties.sales.head.email", |a| {
        a.parties.sales.head.email = "igor.smirnov(at)example.com".into();
    }
    plan_invalid: "plan-invalid" at "plan.funnel[1].conversion_percent", |a| {
        a.plan.funnel[1].conversion_percent = 120.0;
    }
    volume_beyond_capacity: "volume-beyond-capacity" at "commitments[0].metrics[0].target", |a| {
        a.commitments[0].metrics[0].target = 150.0;
    }
    response_beyond_capacity: "response-beyond-capacity" at "deadlines.rules[0].response.value", |a| {
        a.deadlines.rules[0].response = Some(Duration { value: 5.0, unit: DurationUnit::Minutes });
    }
    response_outside_working_hours: "response-outside-working-hours" at "deadlines.rules[0].response.value", |a| {
        a.deadlines.basis = TimeBasis::Calendar;
    }
    funnel_rate_contradicts_target: "funnel-rate-contradicts-target" at "plan.funnel[0].conversion_percent", |a| {
        a.plan.funnel[0].conversion_percent = 30.0;
    }
    target_far_from_typical: "target-far-from-typical" at "commitments[1].metrics[0].target", |a| {
        a.commitments[1].metrics[0].target = 0.1;
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
        let findings = checks::check(&common::blank(language), language);
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
        // The plan counts leads with this metric; the test gives it other units.
        a.plan = Plan::default();
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
        // The plan counts leads with the first metric; this test turns it into a percentage.
        a.plan = Plan::default();
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

/// The ids of the findings at `field` after `change`, in English.
fn fired_at(field: &str, change: impl Fn(&mut Agreement)) -> Vec<&'static str> {
    let mut a = complete(Language::En);
    change(&mut a);
    checks::check(&a, Language::En)
        .into_iter()
        .filter(|f| f.field == field)
        .map(|f| f.id)
        .collect()
}

/// The finding `id` after `change`, in `language`.
fn finding(id: &str, language: Language, change: impl Fn(&mut Agreement)) -> Finding {
    let mut a = complete(language);
    change(&mut a);
    checks::check(&a, language)
        .into_iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn time_zones_must_exist_and_a_near_miss_gets_the_real_name() {
    let zone = "deadlines.calendar.timezone";
    for fine in [
        "Europe/Moscow",
        "UTC",
        "America/Argentina/Buenos_Aires",
        "Asia/Yekaterinburg",
    ] {
        assert!(
            fired_at(zone, |a| a.deadlines.calendar.timezone = fine.into()).is_empty(),
            "{fine}"
        );
    }
    let f = finding("timezone-unknown", Language::En, |a| {
        a.deadlines.calendar.timezone = "moscow".into()
    });
    assert!(f.fix.contains("Europe/Moscow"), "{}", f.fix);
    assert!(f.citation.contains("IANA"), "{}", f.citation);
    assert_eq!(checks::closest_zone("europe/london"), Some("Europe/London"));
}

#[test]
fn holidays_count_inside_the_term_to_its_last_day() {
    let field = "deadlines.calendar.holidays[0]";
    assert!(fired_at(field, |a| a.deadlines.calendar.holidays =
        vec![date(2027, 12, 31)])
    .is_empty());
    assert!(fired_at(field, |a| a.deadlines.calendar.holidays =
        vec![date(2027, 1, 1)])
    .is_empty());
    assert_eq!(
        fired_at(field, |a| a.deadlines.calendar.holidays =
            vec![date(2028, 1, 1)]),
        ["holiday-outside-term"]
    );
}

#[test]
fn a_time_target_fits_its_window_by_the_working_calendar() {
    let field = "commitments[1].metrics[0].target";
    let daily = |target: f64| {
        move |a: &mut Agreement| {
            a.commitments[1].metrics[0].window = Window::Day;
            a.commitments[1].metrics[0].target = target;
        }
    };
    // The working day is 09:00 to 18:00: nine business hours fit a day, nine and a half do not.
    assert!(!fired_at(field, daily(9.0)).contains(&"duration-exceeds-window"));
    assert!(fired_at(field, daily(9.5)).contains(&"duration-exceeds-window"));
    let f = finding("duration-exceeds-window", Language::Ru, daily(9.5));
    assert!(f.message.contains("не более 9"), "{}", f.message);
    // Calendar days in a week: seven fit, eight do not.
    let weekly_days = |target: f64| {
        move |a: &mut Agreement| {
            a.commitments[1].metrics[0].unit = Unit::Days;
            a.commitments[1].metrics[0].target = target;
        }
    };
    assert!(!fired_at(field, weekly_days(7.0)).contains(&"duration-exceeds-window"));
    assert!(fired_at(field, weekly_days(8.0)).contains(&"duration-exceeds-window"));
}

#[test]
fn e_mail_addresses_must_be_addresses_or_empty() {
    let field = "signatories[0].email";
    for fine in ["a.petrova@example.com", "anna+sla@mail.example.ru", ""] {
        assert!(
            fired_at(field, |a| a.signatories[0].email = fine.into()).is_empty(),
            "{fine}"
        );
    }
    for bad in [
        "a.petrova",
        "anna@localhost",
        "anna @example.com",
        "anna@example..com",
        "@example.com",
    ] {
        assert_eq!(
            fired_at(field, |a| a.signatories[0].email = bad.into()),
            ["email-invalid"],
            "{bad}"
        );
    }
}

#[test]
fn lead_volume_is_checked_against_the_hours_the_team_has() {
    let field = "commitments[0].metrics[0].target";
    // Five attempts of six minutes: 120 leads take exactly the 60 hours each rep has.
    assert!(
        !fired_at(field, |a| a.commitments[0].metrics[0].target = 120.0)
            .contains(&"volume-beyond-capacity")
    );
    assert!(
        fired_at(field, |a| a.commitments[0].metrics[0].target = 121.0)
            .contains(&"volume-beyond-capacity")
    );
    let f = finding("volume-beyond-capacity", Language::En, |a| {
        a.commitments[0].metrics[0].target = 150.0
    });
    assert!(
        f.message.contains("75 hours") && f.message.contains("60 hours"),
        "{}",
        f.message
    );
    assert!(
        f.fix.contains("at most 120") && f.fix.contains("7 reps"),
        "{}",
        f.fix
    );
    // A team target is shared by the reps: 600 a month for five reps is 120 each.
    let team = |target: f64| {
        move |a: &mut Agreement| {
            a.plan.lead_volume.as_mut().unwrap().per_rep = false;
            a.commitments[0].metrics[0].target = target;
        }
    };
    assert!(!fired_at(field, team(600.0)).contains(&"volume-beyond-capacity"));
    let f = finding("volume-beyond-capacity", Language::Ru, team(700.0));
    assert!(f.fix.contains("не больше 600"), "{}", f.fix);
    // Without the team's figures there is nothing to compare with.
    assert!(!fired_at(field, |a| {
        a.plan.minutes_per_attempt = None;
        a.commitments[0].metrics[0].target = 150.0;
    })
    .contains(&"volume-beyond-capacity"));
}

#[test]
fn a_response_time_needs_the_reps_on_duty_to_keep_it() {
    let field = "deadlines.rules[0].response.value";
    let response = |minutes: f64| {
        move |a: &mut Agreement| {
            a.deadlines.rules[0].response = Some(Duration {
                value: minutes,
                unit: DurationUnit::Minutes,
            });
        }
    };
    // 500 leads a month, 30% of them waiting from the night: ten minutes take about 4.3 reps on
    // duty, five minutes about 8.5.
    assert!(!fired_at(field, response(10.0)).contains(&"response-beyond-capacity"));
    let f = finding("response-beyond-capacity", Language::En, response(5.0));
    assert!(
        f.message.contains("9 reps") || f.message.contains("takes 9"),
        "{}",
        f.message
    );
    assert!(f.fix.contains("about 10 minutes"), "{}", f.fix);
    assert!(
        f.citation.contains("Harvard Business Review"),
        "{}",
        f.citation
    );
    let f = finding("response-beyond-capacity", Language::Ru, response(5.0));
    assert!(f.fix.contains("около 10 мин"), "{}", f.fix);
}

#[test]
fn a_calendar_time_response_must_outlast_the_night() {
    let field = "deadlines.rules[0].response.value";
    let calendar = |hours: f64| {
        move |a: &mut Agreement| {
            a.deadlines.basis = TimeBasis::Calendar;
            a.deadlines.rules[0].response = Some(Duration {
                value: hours,
                unit: DurationUnit::Hours,
            });
        }
    };
    // 09:00 to 18:00 leaves fifteen hours closed.
    assert!(!fired_at(field, calendar(16.0)).contains(&"response-outside-working-hours"));
    let f = finding(
        "response-outside-working-hours",
        Language::En,
        calendar(2.0),
    );
    assert!(f.message.contains("15 hours"), "{}", f.message);
    // Counted in business hours, the night does not count.
    assert!(
        !fired_at(field, |a| a.deadlines.basis = TimeBasis::BusinessHours)
            .contains(&"response-outside-working-hours")
    );
}

#[test]
fn a_funnel_stage_and_its_metric_tell_one_story() {
    let field = "plan.funnel[0].conversion_percent";
    let stage = |rate: f64| move |a: &mut Agreement| a.plan.funnel[0].conversion_percent = rate;
    assert!(fired_at(field, stage(45.0)).is_empty());
    assert!(fired_at(field, stage(55.0)).is_empty());
    assert_eq!(
        fired_at(field, stage(44.0)),
        ["funnel-rate-contradicts-target"]
    );
    let f = finding("funnel-rate-contradicts-target", Language::En, stage(70.0));
    assert!(
        f.message.contains("70%")
            && f.message.contains("50%")
            && f.message.contains("fewer leads convert"),
        "{}",
        f.message
    );
    // Figures the funnel calculator refuses are refused here too: half an attempt per lead is
    // not a plan, one attempt is.
    assert_eq!(
        fired_at("plan.attempts_per_lead", |a| a.plan.attempts_per_lead =
            Some(0.5)),
        ["plan-invalid"]
    );
    assert!(
        fired_at("plan.attempts_per_lead", |a| a.plan.attempts_per_lead =
            Some(1.0))
        .is_empty()
    );
    assert_eq!(
        fired_at("plan.minutes_per_attempt", |a| a.plan.minutes_per_attempt =
            Some(481.0)),
        ["plan-invalid"]
    );
    // A link to a metric that is not there, or not a percentage, is reported where it is.
    assert_eq!(
        fired_at("plan.funnel[1].metric", |a| a.plan.funnel[1].metric =
            Some("nope".into())),
        ["plan-invalid"]
    );
    assert_eq!(
        fired_at("plan.lead_volume.metric", |a| a
            .plan
            .lead_volume
            .as_mut()
            .unwrap()
            .metric =
            "connect-rate".into()),
        ["plan-invalid"]
    );
}

#[test]
fn a_target_far_from_its_sources_range_cites_the_source() {
    let field = "commitments[1].metrics[0].target";
    let target = |t: f64| move |a: &mut Agreement| a.commitments[1].metrics[0].target = t;
    // First contact usually within 0.5 to 4 business hours: half the low end is still usual.
    assert!(!fired_at(field, target(0.25)).contains(&"target-far-from-typical"));
    assert!(fired_at(field, target(0.2)).contains(&"target-far-from-typical"));
    assert!(!fired_at(field, target(8.0)).contains(&"target-far-from-typical"));
    let f = finding("target-far-from-typical", Language::En, target(9.0));
    assert!(
        f.message.contains("far above the usual 0.5–4") && f.message.contains("motivates nothing"),
        "{}",
        f.message
    );
    assert!(
        f.citation.contains("Short Life of Online Sales Leads"),
        "{}",
        f.citation
    );
    assert_eq!(f.cites, "library");
    let f = finding("target-far-from-typical", Language::Ru, target(0.2));
    assert!(
        f.message.contains("сильно ниже") && f.message.contains("немногие команды"),
        "{}",
        f.message
    );
    // An English agreement read in Russian cites the source in Russian, one full stop at the end.
    let mut a = complete(Language::En);
    a.commitments[1].metrics[0].target = 0.2;
    let f = checks::check(&a, Language::Ru)
        .into_iter()
        .find(|f| f.id == "target-far-from-typical")
        .unwrap();
    assert!(
        f.citation
            .starts_with("Источник обычного диапазона: Harvard Business Review"),
        "{}",
        f.citation
    );
    assert!(
        f.citation.ends_with(')') || (f.citation.ends_with('.') && !f.citation.ends_with("..")),
        "{}",
        f.citation
    );
    let f = finding("target-far-from-typical", Language::En, target(0.2));
    assert!(
        f.message.contains("far below") && f.fix.contains("near 0.5"),
        "{} {}",
        f.message,
        f.fix
    );
}
