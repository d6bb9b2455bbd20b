//! The funnel calculator: hand-worked cases, clear errors, properties over random funnels, and
//! writing the result into an agreement.

mod common;

use proptest::prelude::*;
use sla_guidance::checks;
use sla_guidance::funnel::{self, CapacityInput, FunnelError, FunnelInput, FunnelStage};
use sla_model::*;

fn stages(rates: &[f64]) -> Vec<FunnelStage> {
    rates
        .iter()
        .enumerate()
        .map(|(i, &r)| FunnelStage {
            name: format!("stage {}", i + 1),
            conversion_percent: r,
        })
        .collect()
}

fn input(goal: f64, deal: f64, rates: &[f64], months: u32, reps: u32) -> FunnelInput {
    FunnelInput {
        revenue_goal: goal,
        period_months: months,
        average_deal_size: deal,
        stages: stages(rates),
        sales_reps: reps,
        capacity: None,
    }
}

/// M. Roberge's funnel at HubSpot: 100 MQLs → 50 connects → 30 discovery → 15 demos → 5 customers.
const ROBERGE: [f64; 4] = [50.0, 60.0, 50.0, 100.0 / 3.0];

#[test]
fn roberge_funnel_takes_twenty_mqls_per_customer() {
    let r = funnel::compute(&input(5.0 * 12_000.0, 12_000.0, &ROBERGE, 1, 1)).unwrap();
    assert_eq!(r.deals_needed, 5);
    assert_eq!(r.mqls_per_deal, 20.0);
    assert_eq!(r.overall_conversion_percent, 5.0);
    assert_eq!(r.mqls_needed, 100);
    assert_eq!(r.mqls_per_month, 100);
    assert_eq!(r.mqls_per_rep_per_month, 100);
    let volumes: Vec<(f64, f64)> = r.stages.iter().map(|s| (s.entering, s.moving_on)).collect();
    assert_eq!(
        volumes,
        [(100.0, 50.0), (50.0, 30.0), (30.0, 15.0), (15.0, 5.0)]
    );
}

#[test]
fn quarterly_goal_for_a_team() {
    // 600,000 a quarter at 20,000 a deal is 30 deals; at 5% that is 600 MQLs a quarter,
    // 200 a month, 50 per rep for 4 reps.
    let r = funnel::compute(&input(600_000.0, 20_000.0, &[25.0, 20.0], 3, 4)).unwrap();
    assert_eq!(
        (
            r.deals_needed,
            r.mqls_needed,
            r.mqls_per_month,
            r.mqls_per_rep_per_month
        ),
        (30, 600, 200, 50)
    );
}

#[test]
fn part_deals_and_part_leads_round_up() {
    // 110,000 / 20,000 = 5.5 deals → 6; 6 / 0.07 = 85.7 MQLs → 86; 86 over 3 reps → 29 each.
    let r = funnel::compute(&input(110_000.0, 20_000.0, &[7.0], 1, 3)).unwrap();
    assert_eq!(
        (r.deals_needed, r.mqls_needed, r.mqls_per_rep_per_month),
        (6, 86, 29)
    );
}

fn capacity_input(response_target_hours: f64) -> CapacityInput {
    CapacityInput {
        response_target_hours,
        attempts_per_lead: 5.0,
        minutes_per_attempt: 6.0,
        rep_hours_per_month: 120.0,
        workdays_per_month: 20.0,
        working_hours_per_day: 8.0,
        after_hours_share_percent: 25.0,
    }
}

#[test]
fn capacity_hand_worked() {
    // 1,200 leads × 5 attempts × 6 minutes = 600 rep-hours; at 120 hours a rep, 5 reps.
    // 60 leads a working day: 15 wait from the night, 45 arrive over 8 hours (5.625 an hour).
    // Within 1 hour: 15 × 0.1 h / 1 h + 5.625 × 0.1 = 2.06 → 3 reps on duty.
    let c = funnel::capacity(1200.0, 4, &capacity_input(1.0)).unwrap();
    assert_eq!(c.rep_hours_needed, 600.0);
    assert_eq!(c.reps_for_workload, 5);
    assert_eq!(c.reps_on_duty_for_response, 3);
    assert_eq!((c.reps_needed, c.reps_short), (5, 1));
    // Within half an hour: 15 × 0.1 / 0.5 + 0.5625 = 3.56 → 4 on duty.
    let c = funnel::capacity(1200.0, 4, &capacity_input(0.5)).unwrap();
    assert_eq!(c.reps_on_duty_for_response, 4);
    // Within 6 minutes the morning backlog alone takes 15 reps.
    let c = funnel::capacity(1200.0, 4, &capacity_input(0.1)).unwrap();
    assert_eq!(
        (c.reps_on_duty_for_response, c.reps_needed, c.reps_short),
        (16, 16, 12)
    );
}

#[test]
fn compute_includes_capacity_for_the_team_volume() {
    let mut i = input(5.0 * 12_000.0, 12_000.0, &ROBERGE, 1, 1);
    i.capacity = Some(capacity_input(1.0));
    let r = funnel::compute(&i).unwrap();
    let c = r.capacity.unwrap();
    assert_eq!(c.leads_per_month, 100.0);
    assert_eq!(c.rep_hours_needed, 50.0);
    assert_eq!(c.reps_for_workload, 1);
}

fn error(i: &FunnelInput) -> FunnelError {
    funnel::compute(i).unwrap_err()
}

#[test]
fn errors_name_the_field() {
    let ok = input(100_000.0, 10_000.0, &ROBERGE, 1, 2);
    let with = |f: &dyn Fn(&mut FunnelInput)| {
        let mut i = ok.clone();
        f(&mut i);
        error(&i)
    };
    let cases: Vec<(FunnelError, &str)> = vec![
        (with(&|i| i.stages[1].conversion_percent = 0.0), "`stages[1].conversion_percent` is 0%; a conversion rate must be above 0% and at most 100%"),
        (with(&|i| i.stages[2].conversion_percent = -10.0), "`stages[2].conversion_percent` is -10%; a conversion rate must be above 0% and at most 100%"),
        (with(&|i| i.stages[0].conversion_percent = 150.0), "`stages[0].conversion_percent` is 150%; a conversion rate must be above 0% and at most 100%"),
        (with(&|i| i.stages[3].conversion_percent = f64::NAN), "`stages[3].conversion_percent` must be a finite number"),
        (with(&|i| i.average_deal_size = 0.0), "`average_deal_size` must be greater than zero (it is 0)"),
        (with(&|i| i.revenue_goal = -5.0), "`revenue_goal` must be greater than zero (it is -5)"),
        (with(&|i| i.revenue_goal = f64::INFINITY), "`revenue_goal` must be a finite number"),
        (with(&|i| i.sales_reps = 0), "`sales_reps` must be at least 1 (it is 0)"),
        (with(&|i| i.period_months = 0), "`period_months` must be at least 1 (it is 0)"),
        (with(&|i| i.stages.clear()), "`stages` is empty; give at least one conversion rate from MQL to a won deal"),
    ];
    for (err, message) in cases {
        assert_eq!(err.to_string(), message);
    }
    let err = with(&|i| {
        i.revenue_goal = 1e300;
        i.average_deal_size = 1e-300;
    });
    assert!(matches!(err, FunnelError::Unrealistic { .. }), "{err}");
}

#[test]
fn capacity_errors_name_the_field() {
    let with = |f: &dyn Fn(&mut CapacityInput)| {
        let mut c = capacity_input(1.0);
        f(&mut c);
        funnel::capacity(100.0, 1, &c).unwrap_err().to_string()
    };
    assert_eq!(
        with(&|c| c.response_target_hours = 0.0),
        "`capacity.response_target_hours` must be greater than zero (it is 0)"
    );
    assert_eq!(
        with(&|c| c.attempts_per_lead = 0.5),
        "`capacity.attempts_per_lead` is 0.5; it must be between 1 and 100"
    );
    assert_eq!(
        with(&|c| c.after_hours_share_percent = 120.0),
        "`capacity.after_hours_share_percent` is 120; it must be between 0 and 100"
    );
    assert_eq!(
        with(&|c| c.working_hours_per_day = 25.0),
        "`capacity.working_hours_per_day` is 25; it must be between 0 and 24"
    );
    assert_eq!(
        with(&|c| c.rep_hours_per_month = 0.0),
        "`capacity.rep_hours_per_month` must be greater than zero (it is 0)"
    );
    assert_eq!(
        with(&|c| c.minutes_per_attempt = f64::NAN),
        "`capacity.minutes_per_attempt` must be a finite number"
    );
}

fn rates() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(0.5f64..=100.0, 1..6)
}

proptest! {
    #[test]
    fn more_revenue_never_needs_fewer_mqls(
        goal in 1_000.0f64..1e8, extra in 0.0f64..1e8, deal in 100.0f64..1e6, rates in rates(),
        months in 1u32..13, reps in 1u32..50,
    ) {
        let low = funnel::compute(&input(goal, deal, &rates, months, reps)).unwrap();
        let high = funnel::compute(&input(goal + extra, deal, &rates, months, reps)).unwrap();
        prop_assert!(high.deals_needed >= low.deals_needed);
        prop_assert!(high.mqls_needed >= low.mqls_needed);
        prop_assert!(high.mqls_per_rep_per_month >= low.mqls_per_rep_per_month);
    }

    #[test]
    fn a_lower_conversion_rate_never_needs_fewer_mqls(
        goal in 1_000.0f64..1e8, deal in 100.0f64..1e6, rates in rates(), which in any::<prop::sample::Index>(),
        factor in 0.01f64..=1.0, reps in 1u32..50,
    ) {
        let before = funnel::compute(&input(goal, deal, &rates, 1, reps)).unwrap();
        let mut lowered = rates.clone();
        let i = which.index(lowered.len());
        lowered[i] *= factor;
        let after = funnel::compute(&input(goal, deal, &lowered, 1, reps)).unwrap();
        prop_assert!(after.mqls_needed >= before.mqls_needed);
        prop_assert!(after.mqls_per_rep_per_month >= before.mqls_per_rep_per_month);
    }

    #[test]
    fn mqls_are_enough_and_not_more_than_needed(
        goal in 1_000.0f64..1e8, deal in 100.0f64..1e6, rates in rates(),
    ) {
        let r = funnel::compute(&input(goal, deal, &rates, 1, 1)).unwrap();
        let conversion: f64 = rates.iter().map(|r| r / 100.0).product();
        let deals = r.deals_needed as f64;
        prop_assert!(deals * deal >= goal * (1.0 - 1e-9));
        prop_assert!((deals - 1.0) * deal < goal);
        prop_assert!(r.mqls_needed as f64 * conversion >= deals * (1.0 - 1e-6));
        prop_assert!((r.mqls_needed as f64 - 1.0) * conversion < deals);
    }

    #[test]
    fn more_reps_share_the_same_volume(
        goal in 1_000.0f64..1e8, deal in 100.0f64..1e6, rates in rates(), reps in 1u32..50, more in 1u32..50,
    ) {
        let few = funnel::compute(&input(goal, deal, &rates, 1, reps)).unwrap();
        let many = funnel::compute(&input(goal, deal, &rates, 1, reps + more)).unwrap();
        prop_assert_eq!(few.mqls_per_month, many.mqls_per_month);
        prop_assert!(many.mqls_per_rep_per_month <= few.mqls_per_rep_per_month);
        prop_assert!(many.mqls_per_rep_per_month * u64::from(reps + more) >= many.mqls_per_month);
    }

    #[test]
    fn a_rate_outside_zero_to_a_hundred_is_refused(
        bad in prop_oneof![-1e6f64..=0.0, 100.000001f64..1e6], rates in rates(), which in any::<prop::sample::Index>(),
    ) {
        let mut rates = rates;
        let i = which.index(rates.len());
        rates[i] = bad;
        let err = funnel::compute(&input(50_000.0, 1_000.0, &rates, 1, 1)).unwrap_err();
        prop_assert_eq!(err, FunnelError::RateOutOfRange { field: format!("stages[{i}].conversion_percent"), value: bad });
    }

    #[test]
    fn a_tighter_response_target_never_needs_fewer_reps(
        leads in 0.0f64..1e5, target in 0.05f64..48.0, tighter in 0.01f64..=1.0, after_hours in 0.0f64..=100.0,
    ) {
        let mut c = capacity_input(target);
        c.after_hours_share_percent = after_hours;
        let loose = funnel::capacity(leads, 3, &c).unwrap();
        c.response_target_hours = target * tighter;
        let tight = funnel::capacity(leads, 3, &c).unwrap();
        prop_assert!(tight.reps_on_duty_for_response >= loose.reps_on_duty_for_response);
        prop_assert!(tight.reps_needed >= tight.reps_for_workload.max(tight.reps_on_duty_for_response));
        prop_assert_eq!(tight.reps_short, tight.reps_needed.saturating_sub(3));
    }
}

fn roberge_input(reps: u32, goal_customers: f64) -> FunnelInput {
    input(goal_customers * 12_000.0, 12_000.0, &ROBERGE, 1, reps)
}

/// Computes the Roberge funnel for `reps` and writes it into `a`.
fn apply_roberge(a: &mut Agreement, reps: u32, goal_customers: f64) -> funnel::AppliedTarget {
    let input = roberge_input(reps, goal_customers);
    funnel::apply(a, &input, &funnel::compute(&input).unwrap())
}

#[test]
fn apply_sets_the_existing_mql_target() {
    let mut a = common::complete(Language::En);
    let applied = apply_roberge(&mut a, 4, 30.0); // 600 MQLs a month over 4 reps
    assert_eq!(applied.metric_id, "mql-per-rep");
    assert_eq!(applied.field, "commitments[0].metrics[0].target");
    assert_eq!(
        (applied.previous_target, applied.target),
        (Some(100.0), 150.0)
    );
    assert!(!applied.created_metric && !applied.created_commitment);
    assert_eq!(
        applied.changed_fields,
        ["commitments[0].metrics[0].target", "plan"]
    );
    assert_eq!(a.commitments[0].metrics[0].target, 150.0);
    // The plan now says four reps and the calculator's stages; the first stage keeps no link, as
    // its name changed.
    assert_eq!(a.plan.sales_reps, 4);
    assert_eq!(a.plan.funnel.len(), ROBERGE.len());
    // 150 leads of five six-minute attempts are 75 hours, and the plan gives each rep 60.
    let ids: Vec<_> = checks::check(&a, Language::En)
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(ids, ["volume-beyond-capacity"]);

    let again = apply_roberge(&mut a, 4, 30.0);
    assert!(
        again.changed_fields.is_empty(),
        "applying twice changes nothing: {again:?}"
    );
}

#[test]
fn apply_adds_the_library_metric_when_absent() {
    let mut a = common::complete(Language::Ru);
    a.commitments[0].metrics.remove(0);
    let applied = apply_roberge(&mut a, 1, 5.0);
    assert!(applied.created_metric && !applied.created_commitment);
    assert_eq!(applied.previous_target, None);
    assert_eq!(applied.field, "commitments[0].metrics[2].target");
    let m = &a.commitments[0].metrics[2];
    assert_eq!(
        (m.id.as_str(), m.name.as_str(), m.target),
        ("mql-per-rep", "MQL на менеджера по продажам", 100.0)
    );
    assert!(checks::check(&a, Language::Ru).is_empty());
}

#[test]
fn apply_creates_marketing_commitment_in_a_blank_agreement() {
    let mut a = common::blank(Language::En);
    let applied = apply_roberge(&mut a, 2, 10.0);
    assert!(applied.created_metric && applied.created_commitment);
    assert_eq!(
        applied.changed_fields,
        [
            "commitments[0]",
            "commitments[0].metrics[0]",
            "commitments[0].metrics[0].target",
            "plan"
        ]
    );
    assert_eq!(
        a.plan.lead_volume,
        Some(LeadVolume {
            metric: "mql-per-rep".into(),
            per_rep: true
        })
    );
    assert_eq!(a.commitments[0].provider, Side::Marketing);
    assert_eq!(a.commitments[0].service, "Marketing-qualified leads");
    assert_eq!(a.commitments[0].metrics[0].target, 100.0);
}

#[test]
fn apply_keeps_ids_unique_and_makes_the_target_a_monthly_minimum() {
    let mut a = common::complete(Language::En);
    // The id is taken by a metric that is not the MQL count any more.
    a.commitments[0].metrics[0].unit = Unit::Percent;
    a.commitments[0].metrics[0].target = 50.0;
    let applied = apply_roberge(&mut a, 1, 5.0);
    assert_eq!(applied.metric_id, "mql-per-rep-2");

    let mut a = common::complete(Language::En);
    a.commitments[0].metrics[0].comparator = Comparator::AtMost;
    a.commitments[0].metrics[0].window = Window::Week;
    let applied = apply_roberge(&mut a, 1, 5.0);
    assert_eq!(
        applied.changed_fields,
        [
            "commitments[0].metrics[0].comparator",
            "commitments[0].metrics[0].window",
            "plan"
        ],
        "the target was already 100"
    );
    assert_eq!(a.commitments[0].metrics[0].comparator, Comparator::AtLeast);
    assert_eq!(a.commitments[0].metrics[0].window, Window::Month);
}

#[test]
fn funnel_input_and_result_round_trip_as_json() {
    let mut i = input(5.0 * 12_000.0, 12_000.0, &ROBERGE, 1, 1);
    i.capacity = Some(capacity_input(1.0));
    let json = serde_json::to_string(&i).unwrap();
    assert_eq!(serde_json::from_str::<FunnelInput>(&json).unwrap(), i);
    let result = serde_json::to_value(funnel::compute(&i).unwrap()).unwrap();
    assert_eq!(result["mqls_per_rep_per_month"], 100);
    assert_eq!(result["capacity"]["reps_needed"], 1);
}
