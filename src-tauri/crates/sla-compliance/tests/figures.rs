//! Business time and each period's figures from leads, with every expected figure worked out by
//! hand in the comments.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::{agreement, msk, period, L};
use sla_compliance::{
    compute_period, measure_of, median, percentile, periods_in_export, BusinessClock,
    ComplianceError, FigureSource, Fraction, ManualActual, Measure, MetricFigure, Missing,
    Overrides, PeriodFigures, RepFigure,
};
use sla_crm_export::{Lead, StageClass};
use sla_model::BusinessCalendar;

const ACCEPTED: Option<StageClass> = Some(StageClass::Accepted);
const REJECTED: Option<StageClass> = Some(StageClass::Rejected);
const DELIVERED: Option<StageClass> = Some(StageClass::Delivered);

fn calendar(
    zone: &str,
    workdays: &[u8],
    start: &str,
    end: &str,
    holidays: &[&str],
) -> BusinessCalendar {
    BusinessCalendar {
        timezone: zone.to_string(),
        workdays: workdays.to_vec(),
        day_start: start.to_string(),
        day_end: end.to_string(),
        holidays: holidays.iter().map(|d| d.parse().unwrap()).collect(),
    }
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn business_minutes_across_a_weekend_and_a_holiday() {
    // Moscow, Mon–Fri 09:00–18:00, Monday 9 November 2026 declared a holiday.
    let clock = BusinessClock::new(&calendar(
        "Europe/Moscow",
        &[1, 2, 3, 4, 5],
        "09:00",
        "18:00",
        &["2026-11-09"],
    ))
    .unwrap();
    // Friday 6 Nov 17:00 → Tuesday 10 Nov 10:30: Friday 17:00–18:00 is 60 minutes; Saturday and
    // Sunday are no workdays, Monday is the holiday; Tuesday 09:00–10:30 is 90. 150 minutes.
    assert_eq!(
        clock.minutes_between(msk("2026-11-06 17:00"), msk("2026-11-10 10:30")),
        150.0
    );
    // Created Saturday 7 Nov at 23:00 (night, weekend): counting starts Tuesday 09:00 (Monday is
    // the holiday); contact at 09:45 is 45 minutes.
    assert_eq!(
        clock.minutes_between(msk("2026-11-07 23:00"), msk("2026-11-10 09:45")),
        45.0
    );
    // Both ends outside working hours on the same evening: nothing.
    assert_eq!(
        clock.minutes_between(msk("2026-11-06 18:30"), msk("2026-11-06 23:00")),
        0.0
    );
    // A whole working week, Monday 2 to Monday 9 Nov 09:00 (no holiday in it): 5 × 9 h = 2700.
    assert_eq!(
        clock.minutes_between(msk("2026-11-02 09:00"), msk("2026-11-09 09:00")),
        2700.0
    );
    // Contact before creation is no time, not negative time.
    assert_eq!(
        clock.minutes_between(msk("2026-11-10 10:00"), msk("2026-11-10 09:00")),
        0.0
    );
    // The review after November: Tuesday 1 December; after December 2026 with 1 January a
    // holiday: 1 Jan is Friday, so Monday 4 January.
    let with_new_year = BusinessClock::new(&calendar(
        "Europe/Moscow",
        &[1, 2, 3, 4, 5],
        "09:00",
        "18:00",
        &["2027-01-01"],
    ))
    .unwrap();
    assert_eq!(
        with_new_year.working_day_from(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()),
        NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
    );
}

#[test]
fn business_minutes_across_a_clock_change() {
    // Berlin, every day 01:00–05:00, so the working day contains the clock change.
    let clock = BusinessClock::new(&calendar(
        "Europe/Berlin",
        &[1, 2, 3, 4, 5, 6, 7],
        "01:00",
        "05:00",
        &[],
    ))
    .unwrap();
    // Sunday 25 Oct 2026 the clocks go back at 03:00 CEST to 02:00 CET: 01:00 local is 23:00 UTC
    // (Saturday), 05:00 local is 04:00 UTC, so that working day is 5 real hours.
    // Created Saturday 24 Oct 04:00 CEST (02:00 UTC), contact Sunday 04:00 CET (03:00 UTC):
    // Saturday 04:00–05:00 is 60 minutes; Sunday 01:00 CEST to 04:00 CET is 23:00 to 03:00 UTC,
    // 240 minutes. 300 in all (a count by the wall clock would say 240).
    assert_eq!(
        clock.minutes_between(utc("2026-10-24T02:00:00Z"), utc("2026-10-25T03:00:00Z")),
        300.0
    );
    // Sunday 28 March 2027 the clocks go forward at 02:00 CET to 03:00 CEST: 01:00 local is 00:00
    // UTC and 05:00 local is 03:00 UTC, a working day of 3 real hours. From 00:30 CET (23:30 UTC
    // Saturday) to 06:00 CEST (04:00 UTC): 180 minutes.
    assert_eq!(
        clock.minutes_between(utc("2027-03-27T23:30:00Z"), utc("2027-03-28T04:00:00Z")),
        180.0
    );
    // A day starting at 02:30, a time that does not exist on 28 March, starts at 03:30 CEST
    // (01:30 UTC): 02:30–05:00 that day is 01:30 to 03:00 UTC, 90 minutes.
    let gap = BusinessClock::new(&calendar(
        "Europe/Berlin",
        &[1, 2, 3, 4, 5, 6, 7],
        "02:30",
        "05:00",
        &[],
    ))
    .unwrap();
    assert_eq!(
        gap.minutes_between(utc("2027-03-27T22:00:00Z"), utc("2027-03-28T22:00:00Z")),
        90.0
    );
}

#[test]
fn the_timeline_counts_as_the_day_by_day_walk() {
    // Every pair of instants 7 hours 13 minutes apart over five weeks around Berlin's autumn clock
    // change, with a holiday and a Saturday half-day: the precomputed timeline (used for many
    // leads at once) gives exactly the walk's figure.
    let clock = BusinessClock::new(&calendar(
        "Europe/Berlin",
        &[1, 2, 3, 4, 5, 6],
        "01:30",
        "12:00",
        &["2026-10-27"],
    ))
    .unwrap();
    let first = NaiveDate::from_ymd_opt(2026, 10, 10).unwrap();
    let last = NaiveDate::from_ymd_opt(2026, 11, 14).unwrap();
    let timeline = clock.timeline(first, last);
    let instants: Vec<DateTime<Utc>> = (0..110)
        .map(|i| utc("2026-10-10T00:00:00Z") + chrono::Duration::minutes(433 * i))
        .collect();
    for &a in &instants {
        for &b in &instants {
            assert_eq!(
                timeline.minutes_between(a, b),
                clock.minutes_between(a, b),
                "{a} → {b}"
            );
        }
    }
    // Outside the span it falls back to the walk.
    let late = utc("2026-12-01T10:00:00Z");
    assert_eq!(
        timeline.minutes_between(instants[0], late),
        clock.minutes_between(instants[0], late)
    );
}

#[test]
fn a_bad_calendar_is_named() {
    let error = |c: BusinessCalendar| BusinessClock::new(&c).unwrap_err().to_string();
    assert_eq!(
        error(calendar("Mars/Olympus", &[1], "09:00", "18:00", &[])),
        "deadlines.calendar.timezone: `Mars/Olympus` is not an IANA time zone; write one such as Europe/Moscow or America/New_York"
    );
    assert_eq!(
        error(calendar("Europe/Moscow", &[1], "9am", "18:00", &[])),
        "deadlines.calendar.day_start: `9am` is not a time of day; write it as HH:MM, e.g. 09:00"
    );
    assert_eq!(
        error(calendar("Europe/Moscow", &[1], "09:00", "25:00", &[])),
        "deadlines.calendar.day_end: `25:00` is not a time of day; write it as HH:MM, e.g. 09:00"
    );
    assert!(
        error(calendar("Europe/Moscow", &[1], "18:00", "09:00", &[]))
            .contains("ends (09:00) before it starts (18:00)")
    );
    assert!(
        error(calendar("Europe/Moscow", &[8], "09:00", "18:00", &[]))
            .contains("8 is not a weekday")
    );
    assert!(error(calendar("Europe/Moscow", &[], "09:00", "18:00", &[])).contains("is empty"));
    // "24:00" closes the day at midnight.
    let clock = BusinessClock::new(&calendar(
        "UTC",
        &[1, 2, 3, 4, 5, 6, 7],
        "00:00",
        "24:00",
        &[],
    ))
    .unwrap();
    assert_eq!(
        clock.minutes_between(utc("2026-11-02T22:00:00Z"), utc("2026-11-03T02:00:00Z")),
        240.0
    );
}

#[test]
fn measures_inferred_from_the_metrics() {
    let a = agreement();
    let inferred: Vec<(String, Measure)> = a
        .metrics()
        .map(|(_, m)| (m.id.clone(), measure_of(m)))
        .collect();
    let expected = [
        ("mql-per-rep", Measure::Delivered { per_rep: true }),
        ("mql-acceptance", Measure::AcceptanceRate),
        ("mql-data-complete", Measure::Manual),
        ("first-contact-time", Measure::TimeToFirstContact),
        ("rejection-reasons", Measure::RejectedWithReason),
        (
            "follow-up-attempts",
            Measure::ShareWithAttempts { at_least: 5 },
        ),
        ("attempts-median", Measure::AttemptsBeforeRecycling),
    ];
    assert_eq!(
        inferred,
        expected.map(|(id, m)| (id.to_string(), m)).to_vec()
    );
    // The built-in library's own metrics, in both languages: per rep by the Russian name too,
    // routing and decision times (no lead row holds them) by hand.
    let mut ru = a.commitments[0].metrics[0].clone();
    ru.name = "MQL на менеджера по продажам".into();
    ru.definition = "Лиды со статусом MQL в расчёте на одного штатного менеджера.".into();
    assert_eq!(measure_of(&ru), Measure::Delivered { per_rep: true });
    ru.name = "MQL за месяц".into();
    ru.definition = "Все лиды со статусом MQL.".into();
    assert_eq!(measure_of(&ru), Measure::Delivered { per_rep: false });
    ru.flow = "sql".into();
    assert_eq!(measure_of(&ru), Measure::Accepted { per_rep: false });
    let mut routing = a.commitments[1].metrics[0].clone();
    routing.id = "lead-routing-time".into();
    routing.name = "Lead routing time".into();
    routing.definition =
        "Median minutes from a form submission to the MQL being assigned to a rep in the CRM."
            .into();
    assert_eq!(measure_of(&routing), Measure::Manual);
}

/// November 2026 in Moscow (UTC+3), Mon–Fri 09:00–18:00, 4 November a holiday. Business hours to
/// first contact, lead by lead:
/// - L1 Anna, accepted: Mon 2 Nov 10:00 → 10:30 = 0.5
/// - L2 Anna, accepted: Mon 17:00 → Tue 3 Nov 10:00 = 1 h Monday + 1 h Tuesday = 2.0
/// - L3 Anna, rejected "budget", 5 attempts: Tue 17:30 → Thu 5 Nov 09:30, the holiday between:
///   0.5 + 0.5 = 1.0
/// - L4 Boris, accepted: Fri 6 Nov 17:00 → Mon 9 Nov 11:00 = 1 + 2 = 3.0
/// - L5 Boris, rejected without a reason, 2 attempts: Sat 7 Nov 12:00 → Mon 09:15 = 0.25
/// - L6 Boris, delivered, created Sun 1 Nov 00:30 Moscow (31 Oct 21:30 UTC: November here, by
///   the calendar's zone), never contacted
/// - L7 Vera, accepted: Mon 9 Nov 09:00 → 13:00 = 4.0
/// - L8 Vera, rejected "duplicate", attempts cell empty (0): Wed 11 Nov 12:00 → 12:45 = 0.75
/// - L9 nobody, accepted: Thu 12 Nov 10:00 → 11:30 = 1.5
/// - L10 Vera, a raw inquiry never delivered: not counted
/// - L11 Anna, 31 Oct 22:30 Moscow: October. L12 Boris, 1 Dec 01:00 Moscow (30 Nov 22:00 UTC):
///   December.
fn november_leads() -> Vec<Lead> {
    let rows = [
        L {
            id: "L1",
            owner: "Anna",
            created: "2026-11-02 10:00",
            class: ACCEPTED,
            contact: Some("2026-11-02 10:30"),
            reason: None,
            attempts: Some(1),
        },
        L {
            id: "L2",
            owner: "Anna",
            created: "2026-11-02 17:00",
            class: ACCEPTED,
            contact: Some("2026-11-03 10:00"),
            reason: None,
            attempts: Some(2),
        },
        L {
            id: "L3",
            owner: "Anna",
            created: "2026-11-03 17:30",
            class: REJECTED,
            contact: Some("2026-11-05 09:30"),
            reason: Some("budget"),
            attempts: Some(5),
        },
        L {
            id: "L4",
            owner: "Boris",
            created: "2026-11-06 17:00",
            class: ACCEPTED,
            contact: Some("2026-11-09 11:00"),
            reason: None,
            attempts: None,
        },
        L {
            id: "L5",
            owner: "Boris",
            created: "2026-11-07 12:00",
            class: REJECTED,
            contact: Some("2026-11-09 09:15"),
            reason: Some("  "),
            attempts: Some(2),
        },
        L {
            id: "L6",
            owner: "Boris",
            created: "2026-11-01 00:30",
            class: DELIVERED,
            contact: None,
            reason: None,
            attempts: None,
        },
        L {
            id: "L7",
            owner: "Vera",
            created: "2026-11-09 09:00",
            class: ACCEPTED,
            contact: Some("2026-11-09 13:00"),
            reason: None,
            attempts: None,
        },
        L {
            id: "L8",
            owner: "Vera",
            created: "2026-11-11 12:00",
            class: REJECTED,
            contact: Some("2026-11-11 12:45"),
            reason: Some("duplicate"),
            attempts: None,
        },
        L {
            id: "L9",
            owner: "",
            created: "2026-11-12 10:00",
            class: ACCEPTED,
            contact: Some("2026-11-12 11:30"),
            reason: None,
            attempts: None,
        },
        L {
            id: "L10",
            owner: "Vera",
            created: "2026-11-12 10:00",
            class: None,
            contact: None,
            reason: None,
            attempts: None,
        },
        L {
            id: "L11",
            owner: "Anna",
            created: "2026-10-31 22:30",
            class: ACCEPTED,
            contact: Some("2026-11-02 09:10"),
            reason: None,
            attempts: None,
        },
        L {
            id: "L12",
            owner: "Boris",
            created: "2026-12-01 01:00",
            class: DELIVERED,
            contact: None,
            reason: None,
            attempts: None,
        },
    ];
    rows.iter()
        .enumerate()
        .map(|(i, l)| l.lead(i + 2))
        .collect()
}

fn find<'a>(figures: &'a PeriodFigures, id: &str) -> &'a MetricFigure {
    figures.figures.iter().find(|f| f.metric_id == id).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn november_figures_lead_by_lead() {
    let figures = compute_period(
        &agreement(),
        &november_leads(),
        period("2026-11"),
        &[],
        &Overrides::new(),
    )
    .unwrap();

    // Delivered: L1–L9 = 9 leads; reps owning them: Anna 3, Boris 3, Vera 2 (L9 has no owner and
    // adds no rep). Per rep: 9 ÷ 3 = 3.
    let per_rep = find(&figures, "mql-per-rep");
    assert_eq!(per_rep.actual, Some(3.0));
    assert_eq!(per_rep.source, FigureSource::Export { leads: 9 });
    let reps = |list: &[(&str, f64)]| {
        list.iter()
            .map(|&(owner, value)| RepFigure {
                owner: owner.into(),
                value,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        per_rep.per_rep,
        reps(&[("Anna", 3.0), ("Boris", 3.0), ("Vera", 2.0)])
    );

    // Accepted: L1, L2, L4, L7, L9 = 5 of 9 = 55.6 %.
    let acceptance = find(&figures, "mql-acceptance");
    assert!(close(acceptance.actual.unwrap(), 500.0 / 9.0));
    assert_eq!(acceptance.fraction, Some(Fraction { part: 5, whole: 9 }));

    // Contacted: 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0 (8 leads; L6 never).
    // Median: (1.0 + 1.5) ÷ 2 = 1.25. 90th percentile, nearest rank: ⌈0.9 × 8⌉ = 8th = 4.0.
    // Within 2 business hours: the first six of 9 delivered (L6 counts outside) = 66.7 %.
    let contact = find(&figures, "first-contact-time");
    assert_eq!(contact.actual, Some(1.25));
    let time = contact.time.unwrap();
    assert_eq!(
        (time.count, time.median, time.p90, time.never_contacted),
        (8, 1.25, 4.0, 1)
    );
    assert!(close(time.within_target_percent, 600.0 / 9.0));

    // Rejected: L3, L5, L8; with a reason L3 and L8 (L5's is blank) = 66.7 %.
    let reasons = find(&figures, "rejection-reasons");
    assert_eq!(reasons.fraction, Some(Fraction { part: 2, whole: 3 }));
    // At least 5 attempts among the rejected: L3 only (L5 2, L8 empty = 0): 1 of 3.
    let attempts_share = find(&figures, "follow-up-attempts");
    assert_eq!(
        attempts_share.fraction,
        Some(Fraction { part: 1, whole: 3 })
    );
    // Median attempts on the rejected: 0, 2, 5 → 2.
    assert_eq!(find(&figures, "attempts-median").actual, Some(2.0));

    // Complete records: no export gives it and nobody entered it.
    let records = find(&figures, "mql-data-complete");
    assert_eq!(records.actual, None);
    assert!(matches!(
        &records.source,
        FigureSource::NoData {
            cause: Missing::ManualEntry,
            ..
        }
    ));

    // The export spans three months in Moscow's calendar: L11 alone in October, L12 in December.
    assert_eq!(
        periods_in_export(&agreement(), &november_leads()).unwrap(),
        vec![
            (period("2026-10"), 1),
            (period("2026-11"), 10),
            (period("2026-12"), 1)
        ]
    );
    // The same leads in October hold only L11 (22:30 Moscow on 31 Oct); in December only L12.
    let october = compute_period(
        &agreement(),
        &november_leads(),
        period("2026-10"),
        &[],
        &Overrides::new(),
    )
    .unwrap();
    assert_eq!(find(&october, "mql-per-rep").actual, Some(1.0));
    let december = compute_period(
        &agreement(),
        &november_leads(),
        period("2026-12"),
        &[],
        &Overrides::new(),
    )
    .unwrap();
    assert_eq!(find(&december, "mql-acceptance").actual, Some(0.0));

    // Stored as JSON and read back unchanged.
    let json = serde_json::to_string(&figures).unwrap();
    assert_eq!(
        serde_json::from_str::<PeriodFigures>(&json).unwrap(),
        figures
    );
}

#[test]
fn an_override_changes_the_computation() {
    // The person says the volume is the team's total: 9 delivered leads.
    let overrides = Overrides::from([(
        "mql-per-rep".to_string(),
        Measure::Delivered { per_rep: false },
    )]);
    let figures = compute_period(
        &agreement(),
        &november_leads(),
        period("2026-11"),
        &[],
        &overrides,
    )
    .unwrap();
    assert_eq!(find(&figures, "mql-per-rep").actual, Some(9.0));

    let bad = BTreeMap::from([("first-contact-time".to_string(), Measure::AcceptanceRate)]);
    assert_eq!(
        compute_period(
            &agreement(),
            &november_leads(),
            period("2026-11"),
            &[],
            &bad
        )
        .unwrap_err()
        .to_string(),
        "metric `first-contact-time` is measured in business_hours; a share of leads needs percent"
    );
    let unknown = BTreeMap::from([("nope".to_string(), Measure::AcceptanceRate)]);
    assert!(matches!(
        compute_period(
            &agreement(),
            &november_leads(),
            period("2026-11"),
            &[],
            &unknown
        ),
        Err(ComplianceError::UnknownMetric { .. })
    ));
}

#[test]
fn hand_entered_figures_fill_and_override() {
    let entry = |metric: &str, value: f64, minute: u32, by: &str| ManualActual {
        metric_id: metric.into(),
        period: period("2026-11"),
        value,
        entered_by: by.into(),
        note: "from the data-quality report".into(),
        entered_at: Utc.with_ymd_and_hms(2026, 12, 1, 10, minute, 0).unwrap(),
    };
    let manual = [
        entry("mql-data-complete", 97.0, 0, "Olga (RevOps)"),
        // Two entries for acceptance: the later one (10:05) wins over the export's 55.6 %.
        entry("mql-acceptance", 72.0, 5, "Igor"),
        entry("mql-acceptance", 71.0, 1, "Igor"),
        // Another period's entry changes nothing here.
        ManualActual {
            period: period("2026-10"),
            ..entry("mql-per-rep", 50.0, 0, "Anna")
        },
    ];
    let figures = compute_period(
        &agreement(),
        &november_leads(),
        period("2026-11"),
        &manual,
        &Overrides::new(),
    )
    .unwrap();
    let records = find(&figures, "mql-data-complete");
    assert_eq!(records.actual, Some(97.0));
    assert_eq!(
        records.source,
        FigureSource::Manual {
            entered_by: "Olga (RevOps)".into(),
            note: "from the data-quality report".into()
        }
    );
    assert_eq!(find(&figures, "mql-acceptance").actual, Some(72.0));
    assert_eq!(find(&figures, "mql-per-rep").actual, Some(3.0));

    let unknown = [entry("no-such-metric", 1.0, 0, "Igor")];
    assert_eq!(
        compute_period(
            &agreement(),
            &november_leads(),
            period("2026-11"),
            &unknown,
            &Overrides::new()
        )
        .unwrap_err()
        .to_string(),
        "a hand-entered figure names metric `no-such-metric`, which the agreement does not have"
    );
    let not_a_number = [entry("mql-data-complete", f64::NAN, 0, "Igor")];
    assert!(matches!(
        compute_period(
            &agreement(),
            &november_leads(),
            period("2026-11"),
            &not_a_number,
            &Overrides::new()
        ),
        Err(ComplianceError::BadManualValue { .. })
    ));
}

#[test]
fn missing_columns_give_no_data_not_zero() {
    // An export without first-contact times, attempts or reasons (the columns were not mapped).
    let leads: Vec<Lead> = november_leads()
        .into_iter()
        .map(|l| Lead {
            first_contact: None,
            attempts: None,
            rejection_reason: None,
            ..l
        })
        .collect();
    let figures = compute_period(
        &agreement(),
        &leads,
        period("2026-11"),
        &[],
        &Overrides::new(),
    )
    .unwrap();
    for (id, cause) in [
        ("first-contact-time", Missing::FirstContactTimes),
        ("rejection-reasons", Missing::RejectionReasons),
        ("follow-up-attempts", Missing::AttemptCounts),
    ] {
        let figure = find(&figures, id);
        assert_eq!(figure.actual, None, "{id}");
        match &figure.source {
            FigureSource::NoData { cause: c, reason } => {
                assert_eq!(*c, cause);
                assert!(reason.contains("map the"), "{reason}");
            }
            other => panic!("{id}: {other:?}"),
        }
    }
    // A period of the term with no lead at all: no counts either.
    let figures = compute_period(
        &agreement(),
        &leads,
        period("2027-02"),
        &[],
        &Overrides::new(),
    )
    .unwrap();
    assert!(figures.figures.iter().all(|f| f.actual.is_none()));
    assert!(matches!(
        find(&figures, "mql-per-rep").source,
        FigureSource::NoData {
            cause: Missing::LeadsInPeriod,
            ..
        }
    ));
}

#[test]
fn a_period_outside_the_term_is_refused() {
    // The term runs 1 September 2026 for 12 months: to 31 August 2027.
    for outside in ["2026-08", "2027-09"] {
        let error = compute_period(
            &agreement(),
            &november_leads(),
            period(outside),
            &[],
            &Overrides::new(),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("period {outside} is outside the agreement's term (2026-09-01 to 2027-08-31)")
        );
    }
    assert!(compute_period(&agreement(), &[], period("2027-08"), &[], &Overrides::new()).is_ok());
}

#[test]
fn median_and_90th_percentile() {
    // 1..10: median (5 + 6) ÷ 2 = 5.5; nearest rank ⌈0.9 × 10⌉ = 9th = 9.
    let ten: Vec<f64> = (1..=10).map(f64::from).collect();
    assert_eq!(median(&ten), Some(5.5));
    assert_eq!(percentile(&ten, 90.0), Some(9.0));
    // Three: median the middle one; ⌈2.7⌉ = 3rd.
    assert_eq!(median(&[1.0, 2.0, 30.0]), Some(2.0));
    assert_eq!(percentile(&[1.0, 2.0, 30.0], 90.0), Some(30.0));
    assert_eq!(median(&[]), None);
    assert_eq!(percentile(&[7.0], 90.0), Some(7.0));
}
