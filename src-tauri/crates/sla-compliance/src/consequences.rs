//! What the agreement's consequences do in a reviewed period.
//!
//! - Escalation steps and remedies fire from their structured `when` trigger only; one without
//!   `when` never fires here (its free text is shown with the agreement). A trigger is checked on
//!   every metric in the consequence's scope (one metric, a commitment's metrics, or every metric
//!   of the agreement, the default for an escalation step) and fires when any of them meets it.
//!   "Missed N periods in a row" needs the reviewed period itself missed, with at least N misses in
//!   the run; "achieved below X %" compares the reviewed period's percent of target.
//! - The review falls due on the first working day after the period. A remedy is due that day;
//!   an escalation step `after_days` calendar days after the step before it, so each step's days
//!   add up from the review date.
//! - Adjustments are service credits as in Accord Project's SLA template: the level is the percent
//!   of target achieved (for a commitment or the whole agreement, its lowest metric's); the tier is
//!   the lowest one whose `achieved_below_percent` the level is under (tiers may be listed in any
//!   order); its size is cut to the monthly cap, then to what the yearly cap leaves after the
//!   earlier periods of the same calendar year in the history (each capped in turn the same way).

use chrono::{Days, NaiveDate};
use sla_model::{Adjustment, Agreement, Language, Scope, Trigger};

use crate::compliance::{achieved_percent, History};
use crate::words::trigger_reason;
use crate::{
    AppliedAdjustment, Cap, ConsequenceRef, FiredConsequence, MetricCompliance, Period, Status,
};

pub(crate) fn fired(
    agreement: &Agreement,
    metrics: &[MetricCompliance],
    period: Period,
    review_date: NaiveDate,
    language: Language,
) -> Vec<FiredConsequence> {
    let mut out = Vec::new();
    let mut days = 0u64;
    for (index, step) in agreement.consequences.escalation.iter().enumerate() {
        days += u64::from(step.after_days);
        let Some(trigger) = step.when else { continue };
        let scope = step.scope.clone().unwrap_or(Scope::Agreement);
        if let Some((metric_ids, reason)) =
            check(agreement, metrics, &scope, trigger, period, language)
        {
            out.push(FiredConsequence {
                source: ConsequenceRef::Escalation { index },
                metric_ids,
                escalate_to: step.escalate_to.clone(),
                action: step.action.clone(),
                trigger,
                reason,
                due: review_date
                    .checked_add_days(Days::new(days))
                    .unwrap_or(NaiveDate::MAX),
            });
        }
    }
    for remedy in &agreement.consequences.remedies {
        let Some(trigger) = remedy.when else { continue };
        if let Some((metric_ids, reason)) =
            check(agreement, metrics, &remedy.scope, trigger, period, language)
        {
            out.push(FiredConsequence {
                source: ConsequenceRef::Remedy {
                    id: remedy.id.clone(),
                },
                metric_ids,
                escalate_to: String::new(),
                action: remedy.action.clone(),
                trigger,
                reason,
                due: review_date,
            });
        }
    }
    out
}

/// The ids of the metrics a scope covers.
fn scope_metrics<'a>(agreement: &'a Agreement, scope: &'a Scope) -> Vec<&'a str> {
    agreement
        .metrics()
        .filter(|(c, m)| match scope {
            Scope::Agreement => true,
            Scope::Commitment(id) => &c.id == id,
            Scope::Metric(id) => &m.id == id,
        })
        .map(|(_, m)| m.id.as_str())
        .collect()
}

/// The metrics in scope that meet the trigger, with the reason in words; `None` when none does.
fn check(
    agreement: &Agreement,
    metrics: &[MetricCompliance],
    scope: &Scope,
    trigger: Trigger,
    period: Period,
    language: Language,
) -> Option<(Vec<String>, String)> {
    let in_scope = scope_metrics(agreement, scope);
    let hits: Vec<&MetricCompliance> = metrics
        .iter()
        .filter(|m| in_scope.contains(&m.metric_id.as_str()))
        .filter(|m| match trigger {
            Trigger::MissedInARow { periods } => {
                m.status == Status::Missed && m.misses_in_a_row >= periods.max(1)
            }
            Trigger::AchievedBelow { percent } => m.achieved_percent.is_some_and(|a| a < percent),
        })
        .collect();
    if hits.is_empty() {
        return None;
    }
    let reason = hits
        .iter()
        .map(|m| {
            trigger_reason(
                language,
                &m.name,
                trigger,
                m.misses_in_a_row,
                first_of_run(m).unwrap_or(period),
                period,
                m.achieved_percent.unwrap_or(0.0),
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some((hits.iter().map(|m| m.metric_id.clone()).collect(), reason))
}

/// The first period of the run of misses that ends in the reviewed period.
fn first_of_run(metric: &MetricCompliance) -> Option<Period> {
    metric
        .trend
        .iter()
        .rev()
        .filter(|(_, actual)| actual.is_some())
        .take(metric.misses_in_a_row as usize)
        .last()
        .map(|(p, _)| *p)
}

pub(crate) fn adjustments(
    agreement: &Agreement,
    history: &History,
    period: Period,
) -> Vec<AppliedAdjustment> {
    agreement
        .consequences
        .adjustments
        .iter()
        .filter_map(|adjustment| adjust(agreement, history, adjustment, period))
        .collect()
}

/// The adjustment in `period`, after running the calendar year's earlier periods through the same
/// caps.
fn adjust(
    agreement: &Agreement,
    history: &History,
    adjustment: &Adjustment,
    period: Period,
) -> Option<AppliedAdjustment> {
    let month_cap = adjustment.cap_per_month_percent.abs();
    let year_cap = adjustment.cap_per_year_percent.abs();
    let mut used = 0.0; // size applied so far this year
    let mut total = 0.0; // signed
    let mut result = None;
    for p in history.periods(period).filter(|p| p.year == period.year) {
        let Some(level) = level(agreement, history, &adjustment.scope, p) else {
            continue;
        };
        let Some(tier) = adjustment
            .tiers
            .iter()
            .filter(|t| level < t.achieved_below_percent)
            .min_by(|a, b| {
                a.achieved_below_percent
                    .total_cmp(&b.achieved_below_percent)
            })
        else {
            continue;
        };
        let size = tier.adjustment_percent.abs();
        let after_month = size.min(month_cap);
        let year_left = (year_cap - used).max(0.0);
        let applied = after_month.min(year_left);
        let capped_by = if year_left < after_month {
            Some(Cap::Year)
        } else if month_cap < size {
            Some(Cap::Month)
        } else {
            None
        };
        let signed = applied.copysign(tier.adjustment_percent);
        used += applied;
        total += signed;
        if p == period {
            result = Some(AppliedAdjustment {
                adjustment_id: adjustment.id.clone(),
                kind: adjustment.kind,
                scope: adjustment.scope.clone(),
                level_percent: level,
                tier_percent: tier.adjustment_percent,
                applied_percent: signed,
                capped_by,
                year_total_percent: total,
            });
        }
    }
    result
}

/// The percent of target achieved in a period by the scope's lowest metric with data.
fn level(agreement: &Agreement, history: &History, scope: &Scope, period: Period) -> Option<f64> {
    let in_scope = scope_metrics(agreement, scope);
    agreement
        .metrics()
        .filter(|(_, m)| in_scope.contains(&m.id.as_str()))
        .filter_map(|(_, m)| {
            let actual = history.actual(&m.id, period)?;
            Some(achieved_percent(m.comparator, actual, m.target))
        })
        .min_by(f64::total_cmp)
}
