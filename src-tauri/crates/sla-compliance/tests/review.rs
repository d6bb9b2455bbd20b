//! The review of a period: status against targets, runs of misses, the escalation steps and
//! remedies that fire, and tiered adjustments under their caps, figures worked out by hand.

mod common;

use chrono::NaiveDate;
use common::{agreement, figures, period};
use sla_compliance::{
    review, AppliedAdjustment, Cap, ConsequenceRef, PeriodFigures, Review, Status,
};
use sla_model::{
    Adjustment, AdjustmentKind, AdjustmentTier, Agreement, EscalationStep, Language, Remedy, Scope,
    Trigger,
};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Two escalation steps over the whole agreement: the other head after 2 misses in a row, the
/// CEO 14 days later after 3; a remedy on marketing's commitment below 80 % of target; and one
/// step with only free text, which never fires here.
fn with_consequences() -> Agreement {
    let mut a = agreement();
    let step = |to: &str, after_days, when| EscalationStep {
        trigger: "free text".into(),
        escalate_to: to.into(),
        after_days,
        action: format!("tell {to}"),
        scope: None,
        when,
    };
    a.consequences.escalation = vec![
        step(
            "Head of Sales",
            0,
            Some(Trigger::MissedInARow { periods: 2 }),
        ),
        step("CEO", 14, Some(Trigger::MissedInARow { periods: 3 })),
        step("Board", 30, None),
    ];
    a.consequences.remedies = vec![Remedy {
        id: "lead-plan".into(),
        scope: Scope::Commitment("mkt-leads".into()),
        trigger: "free text".into(),
        action: "Marketing presents a revised campaign plan.".into(),
        when: Some(Trigger::AchievedBelow { percent: 80.0 }),
    }];
    a
}

fn metric<'a>(r: &'a Review, id: &str) -> &'a sla_compliance::MetricCompliance {
    r.metrics.iter().find(|m| m.metric_id == id).unwrap()
}

#[test]
fn two_misses_in_a_row_escalate_one_does_not() {
    let a = with_consequences();
    // Acceptance (target at least 70 %): October 60 (missed), November 65 (missed), December 50
    // (missed). MQLs per rep (at least 3): 3, 2.8, 3.
    let history = vec![
        figures(
            "2026-10",
            &[("mql-acceptance", Some(60.0)), ("mql-per-rep", Some(3.0))],
        ),
        figures(
            "2026-11",
            &[("mql-acceptance", Some(65.0)), ("mql-per-rep", Some(2.8))],
        ),
        figures(
            "2026-12",
            &[("mql-acceptance", Some(50.0)), ("mql-per-rep", Some(3.0))],
        ),
    ];

    // October: one miss. Nothing escalates; 60 ÷ 70 = 85.7 % of target is not below 80 %, and
    // 3 of 3 MQLs is 100 %: the remedy stays quiet too.
    let october = review(&a, &history, period("2026-10"), Language::En).unwrap();
    assert_eq!(metric(&october, "mql-acceptance").misses_in_a_row, 1);
    assert_eq!(metric(&october, "mql-acceptance").status, Status::Missed);
    assert!(october.fired.is_empty(), "{:?}", october.fired);
    // The review falls due on the first working day after October: Monday 2 November.
    assert_eq!(october.review_date, day("2026-11-02"));

    // November: two misses in a row. The first step fires, due on the review day, Tuesday
    // 1 December (0 days after it). 65 ÷ 70 = 92.9 % and 2.8 ÷ 3 = 93.3 %: no remedy.
    let november = review(&a, &history, period("2026-11"), Language::En).unwrap();
    let acceptance = metric(&november, "mql-acceptance");
    assert_eq!(acceptance.misses_in_a_row, 2);
    assert!((acceptance.achieved_percent.unwrap() - 6500.0 / 70.0).abs() < 1e-9);
    assert_eq!(
        acceptance.trend,
        vec![
            (period("2026-10"), Some(60.0)),
            (period("2026-11"), Some(65.0))
        ]
    );
    assert_eq!(november.review_date, day("2026-12-01"));
    assert_eq!(november.fired.len(), 1, "{:?}", november.fired);
    let first = &november.fired[0];
    assert_eq!(first.source, ConsequenceRef::Escalation { index: 0 });
    assert_eq!(first.escalate_to, "Head of Sales");
    // MQLs per rep missed too, but once (October met): not two in a row, so not named.
    assert_eq!(first.metric_ids, vec!["mql-acceptance"]);
    assert_eq!(first.due, day("2026-12-01"));
    assert_eq!(
        first.reason,
        "“Sales acceptance rate” missed its target 2 periods in a row (October to November 2026)."
    );
    assert_eq!(november.count(Status::Missed), 2);

    // December: three misses in a row. Both steps fire. The review day after December is Monday
    // 11 January 2027 (1 January and 4–8 January are holidays, the 2nd, 3rd, 9th and 10th a
    // weekend); the CEO step falls due 0 + 14 days later, 25 January. 50 ÷ 70 = 71.4 % of target,
    // below 80 %: marketing's remedy fires, due on the review day.
    let december = review(&a, &history, period("2026-12"), Language::Ru).unwrap();
    assert_eq!(december.review_date, day("2027-01-11"));
    let fired: Vec<(&ConsequenceRef, NaiveDate)> =
        december.fired.iter().map(|f| (&f.source, f.due)).collect();
    assert_eq!(
        fired,
        vec![
            (&ConsequenceRef::Escalation { index: 0 }, day("2027-01-11")),
            (&ConsequenceRef::Escalation { index: 1 }, day("2027-01-25")),
            (
                &ConsequenceRef::Remedy {
                    id: "lead-plan".into()
                },
                day("2027-01-11")
            ),
        ]
    );
    assert_eq!(
        december.fired[1].reason,
        "«Sales acceptance rate»: цель не достигнута 3 периода подряд (с октября по декабрь 2026\u{a0}г.)."
    );
    assert_eq!(
        december.fired[2].reason,
        "«Sales acceptance rate»: в декабре 2026\u{a0}г. достигнуто 71,4 % цели, ниже 80 %."
    );
    assert_eq!(december.fired[2].metric_ids, vec!["mql-acceptance"]);
}

#[test]
fn a_period_without_data_neither_breaks_nor_extends_a_run() {
    let a = with_consequences();
    // October missed, November not computed for acceptance, December missed: two misses in a row.
    let history = vec![
        figures("2026-10", &[("mql-acceptance", Some(60.0))]),
        figures("2026-11", &[("mql-acceptance", None)]),
        figures("2026-12", &[("mql-acceptance", Some(69.0))]),
    ];
    let november = review(&a, &history, period("2026-11"), Language::En).unwrap();
    assert_eq!(metric(&november, "mql-acceptance").status, Status::NoData);
    // No data fires nothing, even after a miss.
    assert!(november.fired.is_empty());
    let december = review(&a, &history, period("2026-12"), Language::En).unwrap();
    assert_eq!(metric(&december, "mql-acceptance").misses_in_a_row, 2);
    assert_eq!(december.fired.len(), 1);
    assert_eq!(
        december.fired[0].reason,
        "“Sales acceptance rate” missed its target 2 periods in a row (October to December 2026)."
    );
    // A met period ends the run.
    let history = vec![
        figures("2026-10", &[("mql-acceptance", Some(60.0))]),
        figures("2026-11", &[("mql-acceptance", Some(70.0))]),
        figures("2026-12", &[("mql-acceptance", Some(60.0))]),
    ];
    let december = review(&a, &history, period("2026-12"), Language::En).unwrap();
    assert_eq!(metric(&december, "mql-acceptance").misses_in_a_row, 1);
    assert!(december.fired.is_empty());
}

#[test]
fn comparators_and_percent_of_target() {
    let mut a = agreement();
    // First contact: at most 2 business hours. Actual 2.5: missed, 2 ÷ 2.5 = 80 % of target.
    // Per rep made "exactly 3": 3.01 is within half a percent (0.015), 3.02 is not.
    a.commitments[0].metrics[0].comparator = sla_model::Comparator::Exactly;
    let history = vec![figures(
        "2026-11",
        &[
            ("first-contact-time", Some(2.5)),
            ("mql-per-rep", Some(3.01)),
        ],
    )];
    let r = review(&a, &history, period("2026-11"), Language::En).unwrap();
    let contact = metric(&r, "first-contact-time");
    assert_eq!(contact.status, Status::Missed);
    assert_eq!(contact.achieved_percent, Some(80.0));
    assert_eq!(metric(&r, "mql-per-rep").status, Status::Met);
    let history = vec![figures("2026-11", &[("mql-per-rep", Some(3.02))])];
    let r = review(&a, &history, period("2026-11"), Language::En).unwrap();
    assert_eq!(metric(&r, "mql-per-rep").status, Status::Missed);
    assert_eq!(
        metric(&r, "mql-per-rep").source,
        Some(sla_compliance::FigureSource::Export { leads: 10 })
    );
    // A metric the period's figures do not list at all: no data, and no source to show.
    assert_eq!(metric(&r, "rejection-reasons").source, None);
    // Every other metric has no data in that period.
    assert_eq!(r.count(Status::NoData), 6);
    // Outside the term, the review is refused as the computation is.
    assert!(review(&a, &history, period("2027-09"), Language::En).is_err());
}

#[test]
fn tiered_adjustment_hits_its_monthly_then_its_yearly_cap() {
    let mut a = agreement();
    // Marketing's bonus on acceptance (target 70 %), tiers listed out of order: below 90 % of
    // target −5 %, below 70 % −15 %, below 80 % −10 %; at most 10 % a month, 25 % a year.
    a.consequences.adjustments = vec![Adjustment {
        id: "bonus".into(),
        kind: AdjustmentKind::Bonus,
        scope: Scope::Metric("mql-acceptance".into()),
        tiers: vec![
            AdjustmentTier {
                achieved_below_percent: 90.0,
                adjustment_percent: -5.0,
            },
            AdjustmentTier {
                achieved_below_percent: 70.0,
                adjustment_percent: -15.0,
            },
            AdjustmentTier {
                achieved_below_percent: 80.0,
                adjustment_percent: -10.0,
            },
        ],
        cap_per_month_percent: 10.0,
        cap_per_year_percent: 25.0,
    }];
    let history: Vec<PeriodFigures> = [
        // December 2026: 42 ÷ 70 = 60 % → −15, cut to −10 by the month. Another calendar year:
        // it uses none of 2027's cap.
        ("2026-12", 42.0),
        // January 2027: 60 % → −15 → −10 (month). Year so far −10.
        ("2027-01", 42.0),
        // February: 45.5 ÷ 70 = 65 % → −15 → −10 (month). Year −20.
        ("2027-02", 45.5),
        // March: 60 % → −15 → −10 by the month, but only 5 of the 25 are left: −5 (year). Year −25.
        ("2027-03", 42.0),
        // April: 59.5 ÷ 70 = 85 % → below 90 only: −5, nothing left of the year: 0 (year).
        ("2027-04", 59.5),
        // May: 70 ÷ 70 = 100 %: no tier, no adjustment.
        ("2027-05", 70.0),
    ]
    .iter()
    .map(|&(p, actual)| figures(p, &[("mql-acceptance", Some(actual))]))
    .collect();
    let applied = |p: &str| -> Vec<AppliedAdjustment> {
        review(&a, &history, period(p), Language::En)
            .unwrap()
            .adjustments
    };
    let summary = |p: &str| {
        applied(p)
            .iter()
            .map(|x| {
                (
                    x.tier_percent,
                    x.applied_percent,
                    x.capped_by,
                    x.year_total_percent,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        summary("2026-12"),
        vec![(-15.0, -10.0, Some(Cap::Month), -10.0)]
    );
    assert_eq!(
        summary("2027-01"),
        vec![(-15.0, -10.0, Some(Cap::Month), -10.0)]
    );
    assert_eq!(
        summary("2027-02"),
        vec![(-15.0, -10.0, Some(Cap::Month), -20.0)]
    );
    assert_eq!(
        summary("2027-03"),
        vec![(-15.0, -5.0, Some(Cap::Year), -25.0)]
    );
    assert_eq!(
        summary("2027-04"),
        vec![(-5.0, 0.0, Some(Cap::Year), -25.0)]
    );
    assert_eq!(summary("2027-05"), vec![]);
    let march = &applied("2027-03")[0];
    assert_eq!(march.level_percent, 60.0);
    assert_eq!(march.kind, AdjustmentKind::Bonus);

    // A level exactly on a threshold is not under it: 56 ÷ 70 = 80 % → the "below 90" tier, −5,
    // within both caps.
    let history = vec![figures("2027-06", &[("mql-acceptance", Some(56.0))])];
    let june = review(&a, &history, period("2027-06"), Language::En).unwrap();
    assert_eq!(june.adjustments[0].applied_percent, -5.0);
    assert_eq!(june.adjustments[0].capped_by, None);

    // The review is kept as JSON.
    let json = serde_json::to_string(&june).unwrap();
    assert_eq!(serde_json::from_str::<Review>(&json).unwrap(), june);
}
