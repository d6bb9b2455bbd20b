//! Shared by the report's test and bench: the shipped templates with an adjustment added, and
//! reviews made by hand.
#![allow(dead_code)]

use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use sla_compliance::*;
use sla_model::*;
use sla_review_report::ReportOptions;

/// The shipped template of `language`, with a tiered budget adjustment on the sales follow-up.
pub fn agreement(language: Language) -> Agreement {
    let file = match language {
        Language::En => "sales-marketing.en.json",
        Language::Ru => "sales-marketing.ru.json",
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../sla-templates/builtin")
        .join(file);
    let mut a = sla_model::read_file(&path).expect("the template reads");
    a.consequences.adjustments.push(Adjustment {
        id: "sales-budget".into(),
        kind: AdjustmentKind::Budget,
        scope: Scope::Commitment("sales-follow-up".into()),
        tiers: vec![
            AdjustmentTier {
                achieved_below_percent: 90.0,
                adjustment_percent: -5.0,
            },
            AdjustmentTier {
                achieved_below_percent: 75.0,
                adjustment_percent: -10.0,
            },
        ],
        cap_per_month_percent: 8.0,
        cap_per_year_percent: 25.0,
    });
    a
}

pub fn options(language: Language) -> ReportOptions {
    ReportOptions {
        language,
        created: Utc.with_ymd_and_hms(2026, 12, 3, 9, 30, 0).unwrap(),
        draft_id: Some(42),
        version: Some(7),
    }
}

pub fn period(text: &str) -> Period {
    text.parse().unwrap()
}

fn metric(
    a: &Agreement,
    id: &str,
    trend: &[Option<f64>],
    first: Period,
    time: Option<TimeStats>,
) -> MetricCompliance {
    let (_, m) = a
        .commitments
        .iter()
        .flat_map(|c| c.metrics.iter().map(move |m| (c, m)))
        .find(|(_, m)| m.id == id)
        .expect("the template has the metric");
    let mut periods = Vec::new();
    let mut p = first;
    for value in trend {
        periods.push((p, *value));
        p = p.next();
    }
    let met = |v: f64| match m.comparator {
        Comparator::AtLeast => v >= m.target,
        Comparator::AtMost => v <= m.target,
        Comparator::Exactly => v == m.target,
    };
    let actual = *trend.last().unwrap();
    let status = match actual {
        None => Status::NoData,
        Some(v) if met(v) => Status::Met,
        Some(_) => Status::Missed,
    };
    let misses_in_a_row = trend
        .iter()
        .rev()
        .take_while(|v| v.is_some_and(|v| !met(v)))
        .count() as u32;
    let achieved_percent = actual.map(|v| match m.comparator {
        Comparator::AtMost => m.target / v * 100.0,
        _ => v / m.target * 100.0,
    });
    MetricCompliance {
        metric_id: m.id.clone(),
        name: m.name.clone(),
        unit: m.unit,
        comparator: m.comparator,
        target: m.target,
        actual,
        status,
        achieved_percent,
        misses_in_a_row,
        time,
        source: Some(match actual {
            Some(_) => FigureSource::Export { leads: 412 },
            None => FigureSource::NoData {
                reason: Missing::ManualEntry.describe(Language::En),
                cause: Missing::ManualEntry,
            },
        }),
        trend: periods,
    }
}

/// November 2026 after four periods (August to November): six metrics, three met, two missed
/// (the acceptance rate for the second period running), one without data; the first escalation
/// step, two remedies and the budget adjustment (cut to its monthly cap) apply.
pub fn review(a: &Agreement) -> Review {
    let first = period("2026-08");
    let metrics = vec![
        metric(
            a,
            "mql-per-rep",
            &[Some(96.0), Some(104.0), Some(101.0), Some(108.0)],
            first,
            None,
        ),
        // Missed in October and November: 62 % of a 70 % target is 88.57 % achieved.
        metric(
            a,
            "mql-acceptance",
            &[Some(72.0), Some(71.0), Some(66.0), Some(62.0)],
            first,
            None,
        ),
        metric(
            a,
            "mql-data-complete",
            &[Some(96.5), Some(97.0), None, None],
            first,
            None,
        ),
        // At most 1 business hour; 1.4 hours is 71.43 % achieved.
        metric(
            a,
            "first-contact-time",
            &[Some(0.9), Some(1.1), Some(0.8), Some(1.4)],
            first,
            Some(TimeStats {
                count: 412,
                median: 1.4,
                p90: 5.25,
                within_target_percent: 38.5,
                never_contacted: 9,
            }),
        ),
        metric(
            a,
            "follow-up-attempts",
            &[Some(88.0), Some(91.0), Some(93.0), Some(95.0)],
            first,
            None,
        ),
        MetricCompliance {
            source: Some(FigureSource::Manual {
                entered_by: "RevOps".into(),
                note: if a.language == Language::Ru {
                    "по отчёту телефонии".into()
                } else {
                    "from the call system's report".into()
                },
            }),
            ..metric(
                a,
                "connect-rate",
                &[Some(48.0), Some(52.0), Some(55.0), Some(57.5)],
                first,
                None,
            )
        },
    ];
    let due = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
    let ru = a.language == Language::Ru;
    let fired = vec![
        FiredConsequence {
            source: ConsequenceRef::Escalation { index: 0 },
            metric_ids: vec!["mql-acceptance".into()],
            escalate_to: a.consequences.escalation[0].escalate_to.clone(),
            trigger: Trigger::MissedInARow { periods: 2 },
            action: a.consequences.escalation[0].action.clone(),
            reason: if ru {
                "цель не достигнута 2 периода подряд (с октября по ноябрь 2026 г.)".into()
            } else {
                "missed its target 2 periods in a row (October to November 2026)".into()
            },
            due: due(7),
        },
        FiredConsequence {
            source: ConsequenceRef::Remedy {
                id: "lead-plan".into(),
            },
            metric_ids: vec!["first-contact-time".into()],
            escalate_to: String::new(),
            action: remedy(a, "lead-plan").action.clone(),
            trigger: Trigger::AchievedBelow { percent: 80.0 },
            reason: if ru {
                "достигнуто 71,43 % цели, ниже 80 %".into()
            } else {
                "reached 71.43 % of its target, below 80 %".into()
            },
            due: due(10),
        },
        FiredConsequence {
            source: ConsequenceRef::Remedy {
                id: "follow-up-plan".into(),
            },
            metric_ids: vec!["mql-acceptance".into(), "first-contact-time".into()],
            escalate_to: String::new(),
            action: remedy(a, "follow-up-plan").action.clone(),
            trigger: Trigger::MissedInARow { periods: 1 },
            reason: if ru {
                "цель не достигнута в ноябре".into()
            } else {
                "missed its target in November".into()
            },
            due: due(14),
        },
    ];
    // First contact at 71.43 % falls in the "below 75 %" tier (−10 %), cut to the 8 % monthly
    // cap; −5 % applied in October makes −13 % for the year.
    let adjustments = vec![AppliedAdjustment {
        adjustment_id: "sales-budget".into(),
        kind: AdjustmentKind::Budget,
        scope: Scope::Commitment("sales-follow-up".into()),
        level_percent: 100.0 / 1.4,
        tier_percent: -10.0,
        applied_percent: -8.0,
        capped_by: Some(Cap::Month),
        year_total_percent: -13.0,
    }];
    Review {
        period: period("2026-11"),
        review_date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        metrics,
        fired,
        adjustments,
    }
}

fn remedy<'a>(a: &'a Agreement, id: &str) -> &'a Remedy {
    a.consequences.remedies.iter().find(|r| r.id == id).unwrap()
}

/// An agreement of 20 metrics reviewed over 12 periods (the benchmark's case).
pub fn large(language: Language) -> (Agreement, Review) {
    let mut a = agreement(language);
    let template = a.commitments[0].metrics.clone();
    for (c, commitment) in a.commitments.iter_mut().enumerate() {
        commitment.metrics = (0..10)
            .map(|i| {
                let mut m = template[i % template.len()].clone();
                m.id = format!("metric-{c}-{i}");
                m.name = format!("{} ({})", m.name, c * 10 + i + 1);
                m
            })
            .collect();
    }
    let mut review = review(&agreement(language));
    let first = period("2025-12");
    review.metrics = a
        .commitments
        .iter()
        .flat_map(|c| c.metrics.iter())
        .enumerate()
        .map(|(k, m)| {
            let trend: Vec<Option<f64>> = (0..12)
                .map(|p| {
                    if (k + p) % 11 == 5 {
                        None
                    } else {
                        Some(m.target * (0.8 + 0.04 * ((k * 7 + p * 3) % 10) as f64))
                    }
                })
                .collect();
            metric(&a, &m.id, &trend, first, None)
        })
        .collect();
    for fired in &mut review.fired {
        fired.metric_ids = vec!["metric-0-1".into()];
    }
    (a, review)
}
