//! Targets: the article asks for reasonable, achievable levels. A target must be measurable in its
//! unit, possible to meet (no 100%, no zero minutes), possible to miss (else it motivates nothing),
//! and consistent with every other target on the same metric.

use sla_model::{Agreement, Comparator, Metric, MetricKind, Unit};

use super::metrics::label;
use super::{metric_path, same_text, Findings, *};

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    let mut earlier: Vec<(&Metric, String)> = Vec::new();
    for (i, c) in a.commitments.iter().enumerate() {
        for (j, m) in c.metrics.iter().enumerate() {
            let path = metric_path(i, j);
            check_target(m, &path, out);
            if let Some((first, first_path)) = earlier.iter().find(|(e, _)| same_metric(e, m)) {
                if conflicting(first, m) {
                    out.add(
                        CONFLICTING_TARGETS,
                        format!("{path}.target"),
                        &[
                            ("metric", label(m).into()),
                            ("first", bound(first).into()),
                            ("second", bound(m).into()),
                            ("first_field", first_path.as_str().into()),
                        ],
                    );
                } else {
                    out.add(
                        METRIC_REPEATED,
                        path.clone(),
                        &[
                            ("metric", label(m).into()),
                            ("first_field", first_path.as_str().into()),
                        ],
                    );
                }
            }
            earlier.push((m, path));
        }
    }
}

fn is_time(unit: Unit) -> bool {
    matches!(
        unit,
        Unit::Minutes | Unit::Hours | Unit::BusinessHours | Unit::Days
    )
}

pub(super) fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::Count => "count",
        Unit::Percent => "percent",
        Unit::Minutes => "minutes",
        Unit::Hours => "hours",
        Unit::BusinessHours => "business_hours",
        Unit::Days => "days",
        Unit::Money => "money",
    }
}

fn check_target(m: &Metric, path: &str, out: &mut Findings) {
    let args = || {
        [
            ("metric", Arg::from(label(m))),
            ("target", shown_target(m)),
            ("unit", Arg::from(unit_key(m.unit))),
        ]
    };
    if m.kind == MetricKind::Speed && !is_time(m.unit) {
        out.add(TARGET_UNIT_MISMATCH, format!("{path}.unit"), &args());
    }
    let target = m.target;
    let out_of_range =
        !target.is_finite() || target < 0.0 || (m.unit == Unit::Percent && target > 100.0);
    if out_of_range {
        out.add(TARGET_OUT_OF_RANGE, format!("{path}.target"), &args());
        return;
    }
    let demands_at_least = matches!(m.comparator, Comparator::AtLeast | Comparator::Exactly);
    let demands_at_most = matches!(m.comparator, Comparator::AtMost | Comparator::Exactly);
    let perfection = (m.unit == Unit::Percent && demands_at_least && target >= 100.0)
        || (m.unit == Unit::Percent && demands_at_most && target <= 0.0)
        || (is_time(m.unit) && demands_at_most && target <= 0.0);
    if perfection {
        out.add(TARGET_UNATTAINABLE, format!("{path}.target"), &args());
        return;
    }
    let always_met = (m.comparator == Comparator::AtLeast && target <= 0.0)
        || (m.unit == Unit::Percent && m.comparator == Comparator::AtMost && target >= 100.0);
    if always_met {
        out.add(TARGET_ALWAYS_MET, format!("{path}.target"), &args());
    }
}

/// The target as the messages show it: "95%" for a percentage, a dash when it is not a number.
fn shown_target(m: &Metric) -> Arg {
    match m.unit {
        _ if !m.target.is_finite() => Arg::from("—"),
        Unit::Percent => Arg::from(format!("{}%", m.target)),
        _ => Arg::from(m.target),
    }
}

/// Two metrics measure the same thing when they have the same name, flow and unit; counts and
/// money also need the same window, since 10 a week and 30 a month are different demands.
fn same_metric(a: &Metric, b: &Metric) -> bool {
    let window_matters = matches!(a.unit, Unit::Count | Unit::Money);
    same_text(&a.name, &b.name)
        && same_text(&a.flow, &b.flow)
        && a.unit == b.unit
        && (!window_matters || a.window == b.window)
}

/// Whether no figure can meet both targets.
fn conflicting(a: &Metric, b: &Metric) -> bool {
    let (lo_a, hi_a) = interval(a);
    let (lo_b, hi_b) = interval(b);
    lo_a.max(lo_b) > hi_a.min(hi_b)
}

/// The figures that meet a metric's target.
fn interval(m: &Metric) -> (f64, f64) {
    match m.comparator {
        Comparator::AtLeast => (m.target, f64::INFINITY),
        Comparator::AtMost => (f64::NEG_INFINITY, m.target),
        Comparator::Exactly => (m.target, m.target),
    }
}

/// A target as people write it next to a metric: "≥ 70", "≤ 1", "= 100".
fn bound(m: &Metric) -> String {
    let sign = match m.comparator {
        Comparator::AtLeast => "≥",
        Comparator::AtMost => "≤",
        Comparator::Exactly => "=",
    };
    format!("{sign} {}", m.target)
}
