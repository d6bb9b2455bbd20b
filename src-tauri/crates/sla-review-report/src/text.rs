//! Values the report prints that the agreement never does: periods, statuses and trends.

use sla_compliance::{Period, Status};
use sla_i18n::{month_name, MonthForm};
use sla_model::{Comparator, Language, Unit};
use sla_pdf::kit::{Case, Words};

/// "November 2026" / "ноябрь 2026 г.".
pub fn period(w: &Words, period: Period) -> String {
    let month = month_name(period.month, w.language(), MonthForm::Nominative);
    match w.language() {
        Language::En => format!("{month} {}", period.year),
        Language::Ru => format!("{month} {}\u{a0}г.", period.year),
    }
}

/// "Nov" / "ноя".
pub fn short_month(w: &Words, period: Period) -> &'static str {
    month_name(period.month, w.language(), MonthForm::Short)
}

/// The period's first and last days: "1 November 2026 – 30 November 2026".
pub fn period_days(w: &Words, period: Period) -> String {
    let last = period.end().pred_opt().unwrap_or(period.end());
    format!("{}\u{a0}– {}", w.date(period.start()), w.date(last))
}

/// A status as a symbol and a word, so that it never rests on colour alone.
pub fn status(w: &Words, status: Status) -> String {
    let (symbol, id) = match status {
        Status::Met => ('\u{2713}', "report-status-met"),
        Status::Missed => ('\u{2717}', "report-status-missed"),
        Status::NoData => ('\u{2013}', "report-status-no_data"),
    };
    format!("{symbol}\u{a0}{}", w.t(id))
}

/// A figure with its unit: "74%", "0,8 рабочего часа".
pub fn quantity(w: &Words, value: Option<f64>, unit: Unit) -> String {
    match value {
        Some(v) if v.is_finite() => w.quantity(v, unit, Case::Nominative),
        _ => w.t("pdf-empty"),
    }
}

/// Whether `value` meets the target; used for a chart's points of earlier periods.
pub fn meets(comparator: Comparator, target: f64, value: f64) -> bool {
    match comparator {
        Comparator::AtLeast => value >= target,
        Comparator::AtMost => value <= target,
        Comparator::Exactly => (value - target).abs() < 1e-9,
    }
}

/// The last periods' figures as text, oldest first, and which way the last two go:
/// "Aug 62 · Sep 65 · Oct n/d · Nov 74" and "improving".
pub fn trend(
    w: &Words,
    trend: &[(Period, Option<f64>)],
    comparator: Comparator,
    target: f64,
    last: usize,
) -> (String, Option<String>) {
    let shown = &trend[trend.len().saturating_sub(last)..];
    let values = shown
        .iter()
        .map(|(p, v)| {
            let value = match v {
                Some(v) if v.is_finite() => w.number(*v),
                _ => w.t("report-chart-no-data"),
            };
            format!("{}\u{a0}{value}", short_month(w, *p))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let known: Vec<f64> = shown
        .iter()
        .filter_map(|(_, v)| v.filter(|v| v.is_finite()))
        .collect();
    let direction = match known.as_slice() {
        [.., before, now] => {
            // Better means closer to the target's good side.
            let gain = match comparator {
                Comparator::AtLeast => now - before,
                Comparator::AtMost => before - now,
                Comparator::Exactly => (before - target).abs() - (now - target).abs(),
            };
            let id = if gain.abs() < 1e-9 {
                "report-trend-flat"
            } else if gain > 0.0 {
                "report-trend-better"
            } else {
                "report-trend-worse"
            };
            Some(w.t(id))
        }
        _ => None,
    };
    (values, direction)
}
