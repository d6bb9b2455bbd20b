//! Deadlines for responding to and resolving a lead or a problem, and the working calendar that
//! business-hour deadlines count. HBR's study of 2,241 firms found that a lead contacted within an
//! hour is about 7 times as likely to qualify, so a response time is the heart of the sales side;
//! a response with no resolution time lets a lead be touched once and then left.

use chrono::NaiveTime;
use sla_model::{Agreement, DeadlineRule, Duration};

use super::{blank, Findings, *};

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    if a.deadlines.rules.is_empty() {
        out.add(DEADLINES_NONE, "deadlines.rules", &[]);
    }
    for (i, rule) in a.deadlines.rules.iter().enumerate() {
        check_rule(rule, &format!("deadlines.rules[{i}]"), out);
    }
    check_calendar(a, out);
}

fn check_rule(rule: &DeadlineRule, path: &str, out: &mut Findings) {
    let label = if blank(&rule.applies_to) {
        rule.id.clone()
    } else {
        rule.applies_to.trim().to_string()
    };
    let rule_arg = || Arg::from(label.as_str());
    if blank(&rule.applies_to) {
        out.add(
            DEADLINE_NO_SUBJECT,
            format!("{path}.applies_to"),
            &[("rule", rule_arg())],
        );
    }
    let valid = |d: &Duration| d.value.is_finite() && d.value > 0.0;
    for (name, duration) in [("response", rule.response), ("resolution", rule.resolution)] {
        if let Some(d) = duration.filter(|d| !valid(d)) {
            let shown = if d.value.is_finite() {
                Arg::from(d.value)
            } else {
                Arg::from("—")
            };
            out.add(
                DEADLINE_NOT_POSITIVE,
                format!("{path}.{name}.value"),
                &[
                    ("rule", rule_arg()),
                    ("which", name.into()),
                    ("value", shown),
                ],
            );
        }
    }
    match (rule.response, rule.resolution) {
        (None, _) => out.add(
            DEADLINE_NO_RESPONSE,
            format!("{path}.response"),
            &[("rule", rule_arg())],
        ),
        (Some(_), None) => out.add(
            DEADLINE_NO_RESOLUTION,
            format!("{path}.resolution"),
            &[("rule", rule_arg())],
        ),
        (Some(response), Some(resolution)) => {
            if valid(&response) && valid(&resolution) && resolution.minutes() < response.minutes() {
                out.add(
                    DEADLINE_RESOLUTION_BEFORE_RESPONSE,
                    format!("{path}.resolution"),
                    &[("rule", rule_arg())],
                );
            }
        }
    }
    if rule.response.is_none() && rule.resolution.is_none() {
        out.add(
            DEADLINE_NO_RESOLUTION,
            format!("{path}.resolution"),
            &[("rule", rule_arg())],
        );
    }
}

fn check_calendar(a: &Agreement, out: &mut Findings) {
    let cal = &a.deadlines.calendar;
    let problem = |key: &str| [("problem", Arg::from(key))];
    if blank(&cal.timezone) {
        out.add(
            CALENDAR_INVALID,
            "deadlines.calendar.timezone",
            &problem("timezone"),
        );
    }
    if cal.workdays.is_empty() || cal.workdays.iter().any(|d| !(1..=7).contains(d)) {
        out.add(
            CALENDAR_INVALID,
            "deadlines.calendar.workdays",
            &problem("workdays"),
        );
    }
    let start = parse_time(&cal.day_start);
    let end = parse_time(&cal.day_end);
    if start.is_none() {
        out.add(
            CALENDAR_INVALID,
            "deadlines.calendar.day_start",
            &problem("time"),
        );
    }
    if end.is_none() {
        out.add(
            CALENDAR_INVALID,
            "deadlines.calendar.day_end",
            &problem("time"),
        );
    }
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            out.add(
                CALENDAR_INVALID,
                "deadlines.calendar.day_end",
                &problem("order"),
            );
        }
    }
}

/// A time of day as "HH:MM".
pub(super) fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}
