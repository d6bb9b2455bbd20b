//! One period's figure for every metric: per lead first (the period a lead falls in, by its
//! creation time in the calendar's zone; whether it was delivered, accepted, rejected, contacted
//! and when), then aggregated per metric by its [`Measure`]. Hand-entered figures fill the metrics
//! an export cannot give and override the computed ones.
//!
//! Conventions, so both heads compute the same number:
//! - Counts per rep divide the period's total by the reps who own delivered leads in it (a lead
//!   with no owner counts in the total but adds no rep); every rep's own count is listed.
//! - Time to first contact is taken over the delivered leads. It counts working time per the
//!   calendar when the metric's unit is business hours or the deadlines' basis is business hours,
//!   elapsed time otherwise; "days" of working time are working days of the calendar's length.
//!   The figure is the median of the contacted leads; the 90th percentile is the nearest-rank one
//!   (the smallest time at least 90 % of them reach). Leads never contacted are left out of both,
//!   counted outside the target and reported.
//! - Attempts are counted over the rejected (recycled) leads of the period; when the export has an
//!   attempts column, an empty cell is no attempt.
//! - A column no lead of the whole export fills (first contact, attempts, rejection reason) is
//!   taken as not mapped: the metric has no data rather than a figure of zero.

use chrono::{Months, NaiveDate};
use sla_crm_export::{Lead, StageClass};
use sla_model::{Agreement, Comparator, Metric, TimeBasis, Unit};
use std::collections::BTreeMap;

use crate::business_time::BusinessClock;
use crate::measure::{measures, Overrides};
use crate::{
    ComplianceError, FigureSource, Fraction, ManualActual, Measure, MetricFigure, Missing, Period,
    PeriodFigures, RepFigure, TimeStats,
};

/// Computes every metric of the agreement for `period` from the export's leads (all of them;
/// those created in other periods are left out here) and the hand-entered figures.
pub fn compute_period(
    agreement: &Agreement,
    leads: &[Lead],
    period: Period,
    manual: &[ManualActual],
    overrides: &Overrides,
) -> Result<PeriodFigures, ComplianceError> {
    check_term(agreement, period)?;
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    let measures = measures(agreement, overrides)?;
    check_manual(agreement, manual)?;

    let export = ExportColumns {
        first_contact: leads.iter().any(|l| l.first_contact.is_some()),
        attempts: leads.iter().any(|l| l.attempts.is_some()),
        rejection_reason: leads.iter().any(has_reason),
    };
    let in_period: Vec<&Lead> = leads
        .iter()
        .filter(|l| Period::containing(clock.local_date(l.created)) == period)
        .collect();

    let figures = agreement
        .metrics()
        .zip(measures)
        .map(|((_, metric), (_, measure))| {
            let entered = manual
                .iter()
                .filter(|m| m.metric_id == metric.id && m.period == period)
                .max_by_key(|m| m.entered_at);
            match entered {
                Some(entry) => MetricFigure {
                    metric_id: metric.id.clone(),
                    measure,
                    actual: Some(entry.value),
                    source: FigureSource::Manual {
                        entered_by: entry.entered_by.clone(),
                        note: entry.note.clone(),
                    },
                    per_rep: Vec::new(),
                    time: None,
                    fraction: None,
                },
                None => figure(
                    metric,
                    measure,
                    &in_period,
                    &export,
                    &clock,
                    agreement.deadlines.basis,
                ),
            }
        })
        .collect();
    Ok(PeriodFigures { period, figures })
}

/// The periods an export's leads were created in (by the calendar's zone), oldest first, with how
/// many leads each holds: what the CLI offers when no period is named.
pub fn periods_in_export(
    agreement: &Agreement,
    leads: &[Lead],
) -> Result<Vec<(Period, usize)>, ComplianceError> {
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    let mut periods: BTreeMap<Period, usize> = BTreeMap::new();
    for lead in leads {
        *periods
            .entry(Period::containing(clock.local_date(lead.created)))
            .or_insert(0) += 1;
    }
    Ok(periods.into_iter().collect())
}

/// The first and last day of the agreement's term.
pub fn term_days(agreement: &Agreement) -> (NaiveDate, NaiveDate) {
    let first = agreement.term.effective_date;
    let end = first
        .checked_add_months(Months::new(agreement.term.duration_months))
        .unwrap_or(NaiveDate::MAX);
    (first, end.pred_opt().unwrap_or(first))
}

/// A period is in the term when any of its days is.
pub fn check_term(agreement: &Agreement, period: Period) -> Result<(), ComplianceError> {
    let (first, last) = term_days(agreement);
    let overlaps =
        agreement.term.duration_months > 0 && period.start() <= last && period.end() > first;
    if overlaps {
        Ok(())
    } else {
        Err(ComplianceError::OutsideTerm {
            period,
            first,
            last,
        })
    }
}

fn check_manual(agreement: &Agreement, manual: &[ManualActual]) -> Result<(), ComplianceError> {
    for entry in manual {
        if !agreement.metrics().any(|(_, m)| m.id == entry.metric_id) {
            return Err(ComplianceError::UnknownMetric {
                what: "a hand-entered figure",
                metric_id: entry.metric_id.clone(),
            });
        }
        if !entry.value.is_finite() {
            return Err(ComplianceError::BadManualValue {
                metric_id: entry.metric_id.clone(),
                period: entry.period,
                value: entry.value,
            });
        }
    }
    Ok(())
}

/// Which optional columns the export fills at all.
struct ExportColumns {
    first_contact: bool,
    attempts: bool,
    rejection_reason: bool,
}

fn has_reason(lead: &Lead) -> bool {
    lead.rejection_reason
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty())
}

fn figure(
    metric: &Metric,
    measure: Measure,
    leads: &[&Lead],
    export: &ExportColumns,
    clock: &BusinessClock,
    basis: TimeBasis,
) -> MetricFigure {
    let mut out = MetricFigure {
        metric_id: metric.id.clone(),
        measure,
        actual: None,
        source: FigureSource::Export { leads: 0 },
        per_rep: Vec::new(),
        time: None,
        fraction: None,
    };
    let delivered: Vec<&Lead> = leads.iter().copied().filter(|l| l.delivered()).collect();
    let rejected: Vec<&Lead> = delivered
        .iter()
        .copied()
        .filter(|l| l.class == Some(StageClass::Rejected))
        .collect();
    let result = match measure {
        Measure::Manual => Err(Missing::ManualEntry),
        Measure::Delivered { per_rep } => counts(&mut out, leads, &delivered, per_rep, |_| true),
        Measure::Accepted { per_rep } => counts(&mut out, leads, &delivered, per_rep, |l| {
            l.class == Some(StageClass::Accepted)
        }),
        Measure::AcceptanceRate => share(&mut out, &delivered, Missing::DeliveredLeads, |l| {
            l.class == Some(StageClass::Accepted)
        }),
        Measure::RejectedWithReason if !export.rejection_reason => Err(Missing::RejectionReasons),
        Measure::RejectedWithReason => share(&mut out, &rejected, Missing::RejectedLeads, |l| {
            has_reason(l)
        }),
        Measure::AttemptsBeforeRecycling | Measure::ShareWithAttempts { .. }
            if !export.attempts =>
        {
            Err(Missing::AttemptCounts)
        }
        Measure::AttemptsBeforeRecycling => {
            let mut attempts: Vec<f64> = rejected
                .iter()
                .map(|l| f64::from(l.attempts.unwrap_or(0)))
                .collect();
            attempts.sort_by(f64::total_cmp);
            out.source = FigureSource::Export {
                leads: attempts.len(),
            };
            median(&attempts).ok_or(Missing::RejectedLeads)
        }
        Measure::ShareWithAttempts { at_least } => {
            share(&mut out, &rejected, Missing::RejectedLeads, |l| {
                l.attempts.unwrap_or(0) >= at_least
            })
        }
        Measure::TimeToFirstContact if !export.first_contact => Err(Missing::FirstContactTimes),
        Measure::TimeToFirstContact => first_contact(&mut out, metric, &delivered, clock, basis),
    };
    match result {
        Ok(actual) => out.actual = Some(actual),
        Err(cause) => {
            out.source = FigureSource::NoData {
                reason: cause.describe(sla_model::Language::En),
                cause,
            }
        }
    }
    out
}

/// A count of delivered leads that pass `counted`, in total or per rep.
fn counts(
    out: &mut MetricFigure,
    in_period: &[&Lead],
    delivered: &[&Lead],
    per_rep: bool,
    counted: impl Fn(&Lead) -> bool,
) -> Result<f64, Missing> {
    if in_period.is_empty() {
        return Err(Missing::LeadsInPeriod);
    }
    let mut reps: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total = 0;
    for lead in delivered {
        let owner = lead.owner.trim();
        let rep = (!owner.is_empty()).then(|| reps.entry(owner).or_insert(0));
        if counted(lead) {
            total += 1;
            if let Some(n) = rep {
                *n += 1;
            }
        }
    }
    out.source = FigureSource::Export {
        leads: delivered.len(),
    };
    out.per_rep = reps
        .iter()
        .map(|(owner, &n)| RepFigure {
            owner: owner.to_string(),
            value: n as f64,
        })
        .collect();
    if !per_rep || total == 0 {
        Ok(total as f64)
    } else if reps.is_empty() {
        Err(Missing::Owners)
    } else {
        Ok(total as f64 / reps.len() as f64)
    }
}

/// Percent of `population` that passes `counted`.
fn share(
    out: &mut MetricFigure,
    population: &[&Lead],
    when_empty: Missing,
    counted: impl Fn(&Lead) -> bool,
) -> Result<f64, Missing> {
    if population.is_empty() {
        return Err(when_empty);
    }
    let part = population.iter().filter(|l| counted(l)).count();
    out.source = FigureSource::Export {
        leads: population.len(),
    };
    out.fraction = Some(Fraction {
        part,
        whole: population.len(),
    });
    Ok(part as f64 * 100.0 / population.len() as f64)
}

fn first_contact(
    out: &mut MetricFigure,
    metric: &Metric,
    delivered: &[&Lead],
    clock: &BusinessClock,
    basis: TimeBasis,
) -> Result<f64, Missing> {
    if delivered.is_empty() {
        return Err(Missing::DeliveredLeads);
    }
    let business = metric.unit == Unit::BusinessHours || basis == TimeBasis::BusinessHours;
    // Each day's working hours are worked out once for the whole span of these leads; a span
    // longer than a few decades (a mistyped year) is counted lead by lead instead.
    let first = delivered.iter().map(|l| clock.local_date(l.created)).min();
    let last = delivered
        .iter()
        .filter_map(|l| l.first_contact.map(|t| clock.local_date(t)))
        .max();
    let timeline = match (first, last) {
        (Some(first), Some(last)) if business && (last - first).num_days() <= MAX_TIMELINE_DAYS => {
            Some(clock.timeline(first, last))
        }
        _ => None,
    };
    let mut times: Vec<f64> = delivered
        .iter()
        .filter_map(|lead| {
            let contact = lead.first_contact?;
            let minutes = if business {
                match &timeline {
                    Some(t) => t.minutes_between(lead.created, contact),
                    None => clock.minutes_between(lead.created, contact),
                }
            } else {
                (contact - lead.created).num_seconds().max(0) as f64 / 60.0
            };
            Some(in_unit(minutes, metric.unit, business, clock))
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let never_contacted = delivered.len() - times.len();
    let within = times
        .iter()
        .filter(|&&t| meets(metric.comparator, t, metric.target))
        .count();
    out.source = FigureSource::Export {
        leads: delivered.len(),
    };
    let median = median(&times);
    out.time = Some(TimeStats {
        count: times.len(),
        median: median.unwrap_or(0.0),
        p90: percentile(&times, 90.0).unwrap_or(0.0),
        within_target_percent: within as f64 * 100.0 / delivered.len() as f64,
        never_contacted,
    });
    median.ok_or(Missing::Contacts)
}

/// About 50 years of days.
const MAX_TIMELINE_DAYS: i64 = 20_000;

/// Minutes in the metric's unit; a day of working time is one working day of the calendar.
fn in_unit(minutes: f64, unit: Unit, business: bool, clock: &BusinessClock) -> f64 {
    match unit {
        Unit::Minutes => minutes,
        Unit::Days if business => minutes / clock.day_minutes(),
        Unit::Days => minutes / (24.0 * 60.0),
        _ => minutes / 60.0,
    }
}

/// Whether a figure meets a target by the comparator. "Exactly" allows [`EXACT_TOLERANCE`].
pub fn meets(comparator: Comparator, actual: f64, target: f64) -> bool {
    match comparator {
        Comparator::AtLeast => actual >= target,
        Comparator::AtMost => actual <= target,
        Comparator::Exactly => (actual - target).abs() <= exact_tolerance(target),
    }
}

/// "Exactly" is met within half a percent of the target (at least 0.000001), so a rate computed
/// from whole leads is not missed by rounding.
pub const EXACT_TOLERANCE: f64 = 0.005;

fn exact_tolerance(target: f64) -> f64 {
    (target.abs() * EXACT_TOLERANCE).max(1e-6)
}

/// The median of sorted figures: the middle one, or the mean of the two middle ones.
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// Nearest-rank percentile of sorted figures: the smallest one that at least `p` percent of them
/// do not exceed.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}
