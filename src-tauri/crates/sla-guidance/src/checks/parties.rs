//! Who the agreement is between, how long it runs, when it is reviewed and who signs it.

use chrono::Months;
use sla_model::{Agreement, Side};

use super::{blank, side_key, Findings, *};

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    if blank(&a.title) {
        out.add(TITLE_EMPTY, "title", &[]);
    }
    for side in [Side::Marketing, Side::Sales] {
        let party = a.parties.get(side);
        let path = format!("parties.{}", side_key(side));
        if blank(&party.department) {
            out.add(
                PARTY_DEPARTMENT_EMPTY,
                format!("{path}.department"),
                &[("side", out.side(side))],
            );
        }
        if blank(&party.head.name) {
            out.add(
                PARTY_HEAD_NO_NAME,
                format!("{path}.head.name"),
                &[("side", out.side(side))],
            );
        }
        if blank(&party.head.role) {
            out.add(
                PARTY_HEAD_NO_ROLE,
                format!("{path}.head.role"),
                &[("side", out.side(side))],
            );
        }
    }
    check_term(a, out);
    for side in [Side::Marketing, Side::Sales] {
        if !a.signatories.iter().any(|s| s.side == side) {
            out.add(
                SIGNATORY_MISSING,
                "signatories",
                &[("side", out.side(side))],
            );
        }
    }
    for (i, s) in a.signatories.iter().enumerate() {
        if blank(&s.name) {
            out.add(
                SIGNATORY_NO_NAME,
                format!("signatories[{i}].name"),
                &[("side", out.side(s.side))],
            );
        }
    }
}

fn check_term(a: &Agreement, out: &mut Findings) {
    let term = &a.term;
    if term.duration_months == 0 {
        out.add(TERM_NO_DURATION, "term.duration_months", &[]);
    }
    if term.review_dates.is_empty() {
        out.add(TERM_NO_REVIEW_DATE, "term.review_dates", &[]);
        return;
    }
    let start = term.effective_date;
    let end = start.checked_add_months(Months::new(term.duration_months));
    for (i, date) in term.review_dates.iter().enumerate() {
        let outside = *date < start || end.is_some_and(|end| *date > end);
        if outside && term.duration_months > 0 {
            let end = end.map(|d| d.to_string()).unwrap_or_default();
            out.add(
                REVIEW_DATE_OUTSIDE_TERM,
                format!("term.review_dates[{i}]"),
                &[
                    ("date", date.to_string().into()),
                    ("start", start.to_string().into()),
                    ("end", end.into()),
                ],
            );
        }
    }
}
