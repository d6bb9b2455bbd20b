//! What a field means, beyond its shape: a time zone that exists, holidays inside the term, a
//! time target its window can hold, e-mail addresses that are addresses. A field of the right
//! type can still say something impossible, and the PDF would print it as agreed.

use std::str::FromStr;

use chrono::Months;
use sla_model::{Agreement, Comparator, Unit, Window};

use super::metrics::label;
use super::{blank, metric_path, side_key, Findings, *};

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    check_timezone(a, out);
    check_holidays(a, out);
    check_durations(a, out);
    check_emails(a, out);
}

fn check_timezone(a: &Agreement, out: &mut Findings) {
    let zone = a.deadlines.calendar.timezone.trim();
    // An empty zone is `calendar-invalid`'s to report.
    if zone.is_empty() || chrono_tz::Tz::from_str(zone).is_ok() {
        return;
    }
    let suggestion = closest_zone(zone).unwrap_or("Europe/Moscow");
    out.add(
        TIMEZONE_UNKNOWN,
        "deadlines.calendar.timezone",
        &[("zone", zone.into()), ("suggestion", suggestion.into())],
    );
}

/// Every time zone the check accepts, by IANA name, sorted: what the wizard offers in its list.
pub fn time_zones() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    names.sort_unstable();
    names
}

/// The IANA zone a person most likely meant: the same name in other letter case, or the zone
/// whose city is the text typed ("moscow" → "Europe/Moscow").
pub fn closest_zone(typed: &str) -> Option<&'static str> {
    let wanted = typed.trim().to_lowercase().replace(' ', "_");
    let names = || chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
    names().find(|n| n.to_lowercase() == wanted).or_else(|| {
        let city = wanted.rsplit('/').next().unwrap_or(&wanted).to_string();
        names().find(|n| {
            n.rsplit('/')
                .next()
                .is_some_and(|last| last.to_lowercase() == city)
        })
    })
}

fn check_holidays(a: &Agreement, out: &mut Findings) {
    let start = a.term.effective_date;
    let Some(end) = start.checked_add_months(Months::new(a.term.duration_months)) else {
        return;
    };
    if a.term.duration_months == 0 {
        return;
    }
    for (i, day) in a.deadlines.calendar.holidays.iter().enumerate() {
        if *day < start || *day >= end {
            out.add(
                HOLIDAY_OUTSIDE_TERM,
                format!("deadlines.calendar.holidays[{i}]"),
                &[
                    ("date", day.to_string().into()),
                    ("start", start.to_string().into()),
                    ("end", end.pred_opt().unwrap_or(end).to_string().into()),
                ],
            );
        }
    }
}

/// Hours in the longest period a window covers: a month can hold 31 days.
fn window_hours(window: Window) -> f64 {
    24.0 * match window {
        Window::Day => 1.0,
        Window::Week => 7.0,
        Window::Month => 31.0,
        Window::Quarter => 92.0,
        Window::Year => 366.0,
    }
}

/// Working hours in the longest period a window covers, by the calendar.
fn window_business_hours(a: &Agreement, window: Window) -> Option<f64> {
    let day = super::plan::working_day_hours(a)?;
    let workdays = super::plan::workdays_per_week(a);
    Some(match window {
        Window::Day => day,
        _ => window_hours(window) / 24.0 / 7.0 * workdays * day,
    })
}

fn check_durations(a: &Agreement, out: &mut Findings) {
    for (i, c) in a.commitments.iter().enumerate() {
        for (j, m) in c.metrics.iter().enumerate() {
            if m.comparator == Comparator::AtLeast || !m.target.is_finite() {
                continue;
            }
            let (hours, capacity) = match m.unit {
                Unit::Minutes => (m.target / 60.0, window_hours(m.window)),
                Unit::Hours => (m.target, window_hours(m.window)),
                Unit::Days => (m.target * 24.0, window_hours(m.window)),
                Unit::BusinessHours => match window_business_hours(a, m.window) {
                    Some(capacity) => (m.target, capacity),
                    None => continue,
                },
                _ => continue,
            };
            if hours > capacity {
                let held = match m.unit {
                    Unit::Minutes => capacity * 60.0,
                    Unit::Days => capacity / 24.0,
                    _ => capacity,
                };
                out.add(
                    DURATION_EXCEEDS_WINDOW,
                    format!("{}.target", metric_path(i, j)),
                    &[
                        ("metric", label(m).into()),
                        ("target", m.target.into()),
                        ("unit", super::targets::unit_key(m.unit).into()),
                        ("window", window_key(m.window).into()),
                        ("held", (held.floor()).into()),
                    ],
                );
            }
        }
    }
}

pub(super) fn window_key(window: Window) -> &'static str {
    match window {
        Window::Day => "day",
        Window::Week => "week",
        Window::Month => "month",
        Window::Quarter => "quarter",
        Window::Year => "year",
    }
}

fn check_emails(a: &Agreement, out: &mut Findings) {
    let mut check = |email: &str, field: String| {
        let email = email.trim();
        if !blank(email) && !valid_email(email) {
            out.add(EMAIL_INVALID, field, &[("email", email.into())]);
        }
    };
    for side in [sla_model::Side::Marketing, sla_model::Side::Sales] {
        check(
            &a.parties.get(side).head.email,
            format!("parties.{}.head.email", side_key(side)),
        );
    }
    for (i, s) in a.signatories.iter().enumerate() {
        check(&s.email, format!("signatories[{i}].email"));
    }
}

/// An address a mail program can send to: RFC 5322's grammar, and a domain with a dot (a bare
/// "anna@localhost" is grammatical but reaches nobody outside one machine).
pub fn valid_email(email: &str) -> bool {
    email_address::EmailAddress::from_str(email).is_ok_and(|address| {
        let domain = address.domain();
        domain.contains('.') && !domain.starts_with('[') && !domain.ends_with('.')
    })
}
