//! The review of one period: every metric's actual against its target, runs of misses, the
//! trend, and (from [`crate::consequences`]) what now applies.
//!
//! Conventions:
//! - `history` holds every computed period, the reviewed one included, in any order; periods
//!   after the reviewed one are ignored, and when a period appears twice the later entry wins
//!   (a recomputation).
//! - Percent of target achieved: actual ÷ target for "at least", target ÷ actual for "at most";
//!   for "exactly", the smaller of the two ratios. Where the ratio would divide by zero, a met
//!   target counts as 100 % and a missed one as 0 %.
//! - A period without data (not computed, or its figure missing) breaks no run of misses and adds
//!   nothing to it: two misses with a month of no data between them are two misses in a row.

use std::collections::BTreeMap;

use sla_model::{Agreement, Comparator, Language, Metric};

use crate::business_time::BusinessClock;
use crate::compute::{check_term, meets};
use crate::consequences::{adjustments, fired};
use crate::{
    ComplianceError, MetricCompliance, MetricFigure, Period, PeriodFigures, Review, Status,
};

/// Reviews `period`: each metric against its target, the escalation steps and remedies whose
/// triggers fire, and the adjustments by tier after their caps. Reasons are written in `language`.
pub fn review(
    agreement: &Agreement,
    history: &[PeriodFigures],
    period: Period,
    language: Language,
) -> Result<Review, ComplianceError> {
    check_term(agreement, period)?;
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    let by_period = History::new(history, period);
    let metrics: Vec<MetricCompliance> = agreement
        .metrics()
        .map(|(_, metric)| by_period.compliance(metric, period))
        .collect();
    let review_date = clock.working_day_from(period.end());
    let fired = fired(agreement, &metrics, period, review_date, language);
    let adjustments = adjustments(agreement, &by_period, period);
    Ok(Review {
        period,
        review_date,
        metrics,
        fired,
        adjustments,
    })
}

/// The computed periods up to the reviewed one, by period.
pub(crate) struct History<'a> {
    periods: BTreeMap<Period, &'a PeriodFigures>,
}

impl<'a> History<'a> {
    fn new(history: &'a [PeriodFigures], up_to: Period) -> History<'a> {
        let periods = history
            .iter()
            .filter(|p| p.period <= up_to)
            .map(|p| (p.period, p))
            .collect();
        History { periods }
    }

    /// The periods up to and including `up_to`, oldest first.
    pub(crate) fn periods(&self, up_to: Period) -> impl Iterator<Item = Period> + '_ {
        self.periods.keys().copied().filter(move |p| *p <= up_to)
    }

    fn figure(&self, metric_id: &str, period: Period) -> Option<&'a MetricFigure> {
        self.periods
            .get(&period)?
            .figures
            .iter()
            .find(|f| f.metric_id == metric_id)
    }

    pub(crate) fn actual(&self, metric_id: &str, period: Period) -> Option<f64> {
        self.figure(metric_id, period)?
            .actual
            .filter(|a| a.is_finite())
    }

    fn compliance(&self, metric: &Metric, period: Period) -> MetricCompliance {
        let mut trend: Vec<(Period, Option<f64>)> = self
            .periods(period)
            .map(|p| (p, self.actual(&metric.id, p)))
            .collect();
        if trend.last().map(|(p, _)| *p) != Some(period) {
            trend.push((period, None));
        }
        let misses_in_a_row = trend
            .iter()
            .rev()
            .filter_map(|(_, actual)| actual.map(|a| status(metric, Some(a))))
            .take_while(|s| *s == Status::Missed)
            .count() as u32;
        let actual = self.actual(&metric.id, period);
        MetricCompliance {
            metric_id: metric.id.clone(),
            name: metric.name.clone(),
            unit: metric.unit,
            comparator: metric.comparator,
            target: metric.target,
            actual,
            status: status(metric, actual),
            achieved_percent: actual.map(|a| achieved_percent(metric.comparator, a, metric.target)),
            misses_in_a_row,
            time: self.figure(&metric.id, period).and_then(|f| f.time),
            source: self.figure(&metric.id, period).map(|f| f.source.clone()),
            trend,
        }
    }
}

pub(crate) fn status(metric: &Metric, actual: Option<f64>) -> Status {
    match actual {
        None => Status::NoData,
        Some(a) if meets(metric.comparator, a, metric.target) => Status::Met,
        Some(_) => Status::Missed,
    }
}

/// Percent of the target achieved; see the module's conventions.
pub fn achieved_percent(comparator: Comparator, actual: f64, target: f64) -> f64 {
    let met = meets(comparator, actual, target);
    let ratio = |num: f64, den: f64| {
        if den == 0.0 {
            if met {
                100.0
            } else {
                0.0
            }
        } else {
            num / den * 100.0
        }
    };
    match comparator {
        Comparator::AtLeast => ratio(actual, target),
        Comparator::AtMost => ratio(target, actual),
        Comparator::Exactly if met => 100.0,
        Comparator::Exactly => ratio(actual, target).min(ratio(target, actual)).max(0.0),
    }
}
