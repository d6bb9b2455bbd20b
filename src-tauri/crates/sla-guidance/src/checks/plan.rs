//! Targets a team can meet, judged by what the agreement itself says: the plan's team (reps,
//! hours for lead work, attempts and minutes per lead) and its funnel. The article's fifth rule
//! asks for reasonable, achievable targets; a lead volume no team of that size could work, or a
//! response time the reps on duty cannot keep, is neither. Each finding gives the figures and a
//! target the team could meet.

use sla_model::{
    Agreement, Comparator, DeadlineCategory, DurationUnit, Metric, Side, TimeBasis, Unit, Window,
};

use super::deadlines::parse_time;
use super::metrics::label;
use super::{metric_path, Findings, *};
use crate::funnel::{self, LeadFlow};

/// Points a funnel stage may differ from the target of the metric that measures it before the
/// two contradict each other: a rounding, not a different plan.
const RATE_TOLERANCE: f64 = 5.0;

/// Weeks in a month, on average.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    check_closed_hours(a, out);
    if a.plan.is_empty() {
        return;
    }
    let figures_usable = check_fields(a, out);
    check_funnel(a, out);
    if figures_usable {
        check_volume(a, out);
        check_response(a, out);
    }
}

/// The length of the working day in hours, when the calendar's times are valid.
pub(super) fn working_day_hours(a: &Agreement) -> Option<f64> {
    let cal = &a.deadlines.calendar;
    let hours =
        (parse_time(&cal.day_end)? - parse_time(&cal.day_start)?).num_minutes() as f64 / 60.0;
    (hours > 0.0).then_some(hours)
}

/// The calendar's distinct valid working days in a week.
pub(super) fn workdays_per_week(a: &Agreement) -> f64 {
    let mut days = a.deadlines.calendar.workdays.clone();
    days.retain(|d| (1..=7).contains(d));
    days.sort_unstable();
    days.dedup();
    days.len() as f64
}

fn workdays_per_month(a: &Agreement) -> f64 {
    workdays_per_week(a) * WEEKS_PER_MONTH
}

fn find_metric<'a>(a: &'a Agreement, id: &str) -> Option<(String, &'a Metric)> {
    a.commitments.iter().enumerate().find_map(|(i, c)| {
        c.metrics
            .iter()
            .position(|m| m.id == id)
            .map(|j| (metric_path(i, j), &c.metrics[j]))
    })
}

/// Reports each figure of the plan that cannot be used; whether the team's figures all can.
fn check_fields(a: &Agreement, out: &mut Findings) -> bool {
    let plan = &a.plan;
    let mut usable = true;
    let invalid = |out: &mut Findings, field: &str, problem: &str, value: Arg| {
        out.add(
            PLAN_INVALID,
            format!("plan.{field}"),
            &[("problem", problem.into()), ("value", value)],
        );
    };
    // The calculator's own bounds: a plan that passes here is one it can estimate.
    let refused = [
        (
            "rep_hours_per_month",
            plan.rep_hours_per_month
                .filter(|v| funnel::rep_hours_per_month(*v).is_err()),
        ),
        (
            "attempts_per_lead",
            plan.attempts_per_lead
                .filter(|v| funnel::attempts_per_lead(*v).is_err()),
        ),
        (
            "minutes_per_attempt",
            plan.minutes_per_attempt
                .filter(|v| funnel::minutes_per_attempt(*v).is_err()),
        ),
    ];
    for (field, value) in refused {
        if let Some(v) = value {
            invalid(out, field, field, shown(v));
            usable = false;
        }
    }
    if let Some(v) = plan
        .after_hours_share_percent
        .filter(|v| !(v.is_finite() && (0.0..=100.0).contains(v)))
    {
        invalid(out, "after_hours_share_percent", "after_hours", shown(v));
        usable = false;
    }
    if let Some(volume) = &plan.lead_volume {
        match find_metric(a, &volume.metric) {
            None => {
                invalid(
                    out,
                    "lead_volume.metric",
                    "unknown-metric",
                    volume.metric.as_str().into(),
                );
                usable = false;
            }
            Some((_, m)) if m.unit != Unit::Count => {
                invalid(out, "lead_volume.metric", "not-count", label(m).into());
                usable = false;
            }
            Some(_) => {}
        }
    }
    for (i, stage) in plan.funnel.iter().enumerate() {
        let rate = stage.conversion_percent;
        if !(rate.is_finite() && rate > 0.0 && rate <= 100.0) {
            invalid(
                out,
                &format!("funnel[{i}].conversion_percent"),
                "rate",
                shown(rate),
            );
        }
        if let Some(id) = &stage.metric {
            match find_metric(a, id) {
                None => invalid(
                    out,
                    &format!("funnel[{i}].metric"),
                    "unknown-metric",
                    id.as_str().into(),
                ),
                Some((_, m)) if m.unit != Unit::Percent => invalid(
                    out,
                    &format!("funnel[{i}].metric"),
                    "not-percent",
                    label(m).into(),
                ),
                Some(_) => {}
            }
        }
    }
    usable
}

fn shown(value: f64) -> Arg {
    if value.is_finite() {
        Arg::from(value)
    } else {
        Arg::from("—")
    }
}

/// A funnel stage and the target of the metric measuring the same step must tell one story: the
/// lead volume was computed with the stage's rate.
fn check_funnel(a: &Agreement, out: &mut Findings) {
    for (i, stage) in a.plan.funnel.iter().enumerate() {
        let Some((_, m)) = stage.metric.as_deref().and_then(|id| find_metric(a, id)) else {
            continue;
        };
        let rate = stage.conversion_percent;
        if m.unit != Unit::Percent || m.comparator == Comparator::AtMost || !rate.is_finite() {
            continue;
        }
        let gap = rate - m.target;
        if gap.abs() > RATE_TOLERANCE {
            out.add(
                FUNNEL_RATE_CONTRADICTS_TARGET,
                format!("plan.funnel[{i}].conversion_percent"),
                &[
                    ("stage", stage.name.trim().into()),
                    ("rate", rate.into()),
                    ("metric", label(m).into()),
                    ("target", m.target.into()),
                    (
                        "direction",
                        if gap < 0.0 { "below" } else { "above" }.into(),
                    ),
                ],
            );
        }
    }
}

/// The team's figures, when the plan says all of them.
struct Team {
    reps: f64,
    hours: f64,
    attempts: f64,
    minutes: f64,
}

fn team(a: &Agreement) -> Option<Team> {
    let plan = &a.plan;
    (plan.sales_reps > 0).then_some(())?;
    Some(Team {
        reps: plan.sales_reps as f64,
        hours: plan.rep_hours_per_month?,
        attempts: plan.attempts_per_lead?,
        minutes: plan.minutes_per_attempt?,
    })
}

/// How many of a window's periods make a month.
fn per_month(window: Window, workdays_per_month: f64) -> f64 {
    match window {
        Window::Day => workdays_per_month,
        Window::Week => WEEKS_PER_MONTH,
        Window::Month => 1.0,
        Window::Quarter => 1.0 / 3.0,
        Window::Year => 1.0 / 12.0,
    }
}

/// The lead-volume metric, its path, and the leads the whole team gets in a month.
fn team_leads_per_month(a: &Agreement, reps: f64) -> Option<(String, &Metric, f64)> {
    let volume = a.plan.lead_volume.as_ref()?;
    let (path, m) = find_metric(a, &volume.metric)?;
    if m.unit != Unit::Count || m.comparator == Comparator::AtMost || !m.target.is_finite() {
        return None;
    }
    let periods = per_month(m.window, workdays_per_month(a));
    let team = m.target * periods * if volume.per_rep { reps } else { 1.0 };
    Some((path, m, team))
}

fn check_volume(a: &Agreement, out: &mut Findings) {
    let Some(team) = team(a) else { return };
    let Some((path, m, leads)) = team_leads_per_month(a, team.reps) else {
        return;
    };
    let per_rep = leads / team.reps;
    let hours_needed = per_rep * team.attempts * team.minutes / 60.0;
    if hours_needed <= team.hours * (1.0 + 1e-9) {
        return;
    }
    let per_rep_possible = team.hours * 60.0 / (team.attempts * team.minutes);
    let per_rep_target = a.plan.lead_volume.as_ref().is_some_and(|v| v.per_rep);
    let periods = per_month(m.window, workdays_per_month(a));
    let reachable =
        (per_rep_possible * if per_rep_target { 1.0 } else { team.reps } / periods).floor();
    let reps_needed = (leads * team.attempts * team.minutes / 60.0 / team.hours).ceil();
    out.add(
        VOLUME_BEYOND_CAPACITY,
        format!("{path}.target"),
        &[
            ("metric", label(m).into()),
            ("target", m.target.into()),
            ("leads", per_rep.round().into()),
            ("attempts", team.attempts.into()),
            ("minutes", team.minutes.into()),
            ("needed", ((hours_needed * 10.0).round() / 10.0).into()),
            ("hours", team.hours.into()),
            ("reps", team.reps.into()),
            ("reachable", reachable.into()),
            ("reps_needed", reps_needed.into()),
        ],
    );
}

/// The fastest first response sales commits to, in working hours, and the field that says it.
fn fastest_response(a: &Agreement, day_hours: f64) -> Option<(f64, String)> {
    let business = a.deadlines.basis == TimeBasis::BusinessHours;
    let rules = a.deadlines.rules.iter().enumerate().filter_map(|(i, r)| {
        let d = r.response?;
        (r.owner == Side::Sales && r.category == DeadlineCategory::LeadTier && d.value > 0.0)
            .then_some(())?;
        let hours = match d.unit {
            DurationUnit::Minutes => d.value / 60.0,
            DurationUnit::Hours => d.value,
            DurationUnit::Days if business => d.value * day_hours,
            DurationUnit::Days => d.value * 24.0,
        };
        Some((hours, format!("deadlines.rules[{i}].response.value")))
    });
    let metrics = a.commitments.iter().enumerate().flat_map(|(i, c)| {
        c.metrics.iter().enumerate().filter_map(move |(j, m)| {
            let speed = c.provider == Side::Sales
                && m.owner == Side::Sales
                && m.comparator == Comparator::AtMost
                && m.target > 0.0;
            let hours = match m.unit {
                Unit::Minutes => m.target / 60.0,
                Unit::Hours | Unit::BusinessHours => m.target,
                Unit::Days => m.target * 24.0,
                _ => return None,
            };
            speed.then(|| (hours, format!("{}.target", metric_path(i, j))))
        })
    });
    rules
        .chain(metrics)
        .filter(|(h, _)| h.is_finite())
        .min_by(|x, y| x.0.total_cmp(&y.0))
}

fn check_response(a: &Agreement, out: &mut Findings) {
    let Some(team) = team(a) else { return };
    let Some(day_hours) = working_day_hours(a) else {
        return;
    };
    let Some((_, _, leads)) = team_leads_per_month(a, team.reps) else {
        return;
    };
    let Some((response, field)) = fastest_response(a, day_hours) else {
        return;
    };
    let workdays = workdays_per_month(a);
    if workdays <= 0.0 {
        return;
    }
    let flow = LeadFlow {
        leads_per_month: leads,
        workdays_per_month: workdays,
        working_hours_per_day: day_hours,
        after_hours_share: a.plan.after_hours_share_percent.unwrap_or(0.0) / 100.0,
        minutes_per_attempt: team.minutes,
    };
    let on_duty = flow.reps_on_duty(response);
    if on_duty <= team.reps * (1.0 + 1e-9) {
        return;
    }
    let (amount, unit) = duration_words(response);
    let mut args = vec![
        ("response", Arg::from(amount)),
        ("unit", Arg::from(unit)),
        ("leads", Arg::from((leads / workdays).round())),
        (
            "after_hours",
            Arg::from(a.plan.after_hours_share_percent.unwrap_or(0.0)),
        ),
        ("minutes", Arg::from(team.minutes)),
        ("needed", Arg::from(on_duty.ceil())),
        ("reps", Arg::from(team.reps)),
    ];
    match flow.fastest_response(team.reps) {
        Some(hours) => {
            let (amount, unit) = duration_words(round_up(hours));
            args.push(("reachable", Arg::from(amount)));
            args.push(("reachable_unit", Arg::from(unit)));
        }
        None => {
            args.push(("reachable", Arg::from("—")));
            args.push(("reachable_unit", Arg::from("none")));
        }
    }
    out.add(RESPONSE_BEYOND_CAPACITY, field, &args);
}

/// A response in hours, rounded up to what people write: whole 5 minutes under two hours, half
/// hours above.
fn round_up(hours: f64) -> f64 {
    if hours < 2.0 {
        (hours * 12.0 - 1e-9).ceil().max(1.0) / 12.0
    } else {
        (hours * 2.0 - 1e-9).ceil() / 2.0
    }
}

/// Hours as the messages say them: minutes under two hours, hours above.
fn duration_words(hours: f64) -> (f64, &'static str) {
    if hours < 2.0 {
        ((hours * 60.0).round(), "minutes")
    } else {
        ((hours * 10.0).round() / 10.0, "hours")
    }
}

/// A lead-tier response counted in calendar time cannot be kept for a lead that arrives when the
/// team has gone home, unless it is longer than the hours the team is away.
fn check_closed_hours(a: &Agreement, out: &mut Findings) {
    if a.deadlines.basis != TimeBasis::Calendar {
        return;
    }
    let Some(day_hours) = working_day_hours(a) else {
        return;
    };
    let closed = if day_hours < 23.9 {
        24.0 - day_hours
    } else {
        (7.0 - workdays_per_week(a)) * 24.0
    };
    if closed <= 0.0 {
        return;
    }
    for (i, rule) in a.deadlines.rules.iter().enumerate() {
        let Some(d) = rule.response else { continue };
        if rule.owner != Side::Sales || rule.category != DeadlineCategory::LeadTier {
            continue;
        }
        let hours = d.minutes() / 60.0;
        if hours > 0.0 && hours < closed {
            let (amount, unit) = duration_words(hours);
            let (gap, gap_unit) = duration_words(closed);
            out.add(
                RESPONSE_OUTSIDE_WORKING_HOURS,
                format!("deadlines.rules[{i}].response.value"),
                &[
                    ("rule", rule.applies_to.trim().into()),
                    ("response", amount.into()),
                    ("unit", unit.into()),
                    ("closed", gap.into()),
                    ("closed_unit", gap_unit.into()),
                    ("start", a.deadlines.calendar.day_start.trim().into()),
                    ("end", a.deadlines.calendar.day_end.trim().into()),
                ],
            );
        }
    }
}
