//! Consequences: a commitment nobody answers for is a wish. Departments do not invoice each other,
//! so the consequences are an escalation ladder, remedies (recycle or reassign leads, a joint
//! review, a revised plan) and, where the company wants it, bonus or budget adjustments capped per
//! month and per year as service credits are.

use sla_model::{Adjustment, Agreement, Commitment, Scope, Trigger};

use super::{blank, commitment_path, Findings, *};

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    let scopes: Vec<&Scope> = a
        .consequences
        .remedies
        .iter()
        .map(|r| &r.scope)
        .chain(a.consequences.adjustments.iter().map(|adj| &adj.scope))
        .collect();
    for (i, c) in a.commitments.iter().enumerate() {
        if !scopes.iter().any(|s| covers(s, c)) {
            out.add(
                COMMITMENT_WITHOUT_CONSEQUENCE,
                commitment_path(i),
                &[
                    ("service", c.service.trim().into()),
                    ("side", out.side(c.provider)),
                ],
            );
        }
    }

    if a.consequences.escalation.is_empty() {
        out.add(ESCALATION_NONE, "consequences.escalation", &[]);
    }
    for (i, step) in a.consequences.escalation.iter().enumerate() {
        let path = format!("consequences.escalation[{i}]");
        let args = [
            ("what", Arg::from("escalation")),
            ("name", Arg::from(step.escalate_to.trim())),
        ];
        if blank(&step.trigger) {
            out.add(
                CONSEQUENCE_WITHOUT_TRIGGER,
                format!("{path}.trigger"),
                &args,
            );
        }
        if blank(&step.escalate_to) {
            out.add(
                CONSEQUENCE_WITHOUT_ACTION,
                format!("{path}.escalate_to"),
                &args,
            );
        }
        let named = Named {
            what: "escalation",
            number: i + 1,
            name: step.escalate_to.trim().to_string(),
            when: step.when.as_ref(),
        };
        if let Some((kind, id)) = step.scope.as_ref().and_then(|s| unknown_id(a, s)) {
            out.add(
                ESCALATION_SCOPE_UNKNOWN_ID,
                format!("{path}.scope.id"),
                &[
                    ("step", named.number.into()),
                    ("name", named.name.as_str().into()),
                    ("kind", kind.into()),
                    ("id", id.into()),
                ],
            );
        }
        check_trigger(&named, &path, out);
    }

    for (i, remedy) in a.consequences.remedies.iter().enumerate() {
        let path = format!("consequences.remedies[{i}]");
        let args = [
            ("what", Arg::from("remedy")),
            ("name", Arg::from(remedy.id.trim())),
        ];
        if blank(&remedy.trigger) {
            out.add(
                CONSEQUENCE_WITHOUT_TRIGGER,
                format!("{path}.trigger"),
                &args,
            );
        }
        if blank(&remedy.action) {
            out.add(CONSEQUENCE_WITHOUT_ACTION, format!("{path}.action"), &args);
        }
        check_scope(a, &remedy.scope, &path, out);
        let named = Named {
            what: "remedy",
            number: i + 1,
            name: remedy.id.trim().to_string(),
            when: remedy.when.as_ref(),
        };
        check_trigger(&named, &path, out);
    }

    // Free-text triggers are for people; a review computing which consequences apply needs at
    // least one condition it can evaluate. The finding leads to the first step's condition, where
    // its fix says to start.
    let structured = a.consequences.escalation.iter().any(|s| s.when.is_some())
        || a.consequences.remedies.iter().any(|r| r.when.is_some());
    if !a.consequences.escalation.is_empty() && !structured {
        out.add(
            TRIGGERS_NOT_STRUCTURED,
            "consequences.escalation[0].when",
            &[],
        );
    }

    for (i, adjustment) in a.consequences.adjustments.iter().enumerate() {
        let path = format!("consequences.adjustments[{i}]");
        check_scope(a, &adjustment.scope, &path, out);
        check_adjustment(adjustment, &path, out);
    }
}

/// Whether a consequence with this scope applies when the commitment is missed.
fn covers(scope: &Scope, c: &Commitment) -> bool {
    match scope {
        Scope::Agreement => true,
        Scope::Commitment(id) => id.trim() == c.id.trim(),
        Scope::Metric(id) => c.metrics.iter().any(|m| m.id.trim() == id.trim()),
    }
}

/// The kind and id a scope names when the agreement has no such commitment or metric.
fn unknown_id<'a>(a: &Agreement, scope: &'a Scope) -> Option<(&'static str, &'a str)> {
    let (kind, id, exists) = match scope {
        Scope::Agreement => return None,
        Scope::Commitment(id) => (
            "commitment",
            id,
            a.commitments.iter().any(|c| c.id.trim() == id.trim()),
        ),
        Scope::Metric(id) => (
            "metric",
            id,
            a.metrics().any(|(_, m)| m.id.trim() == id.trim()),
        ),
    };
    (!exists).then_some((kind, id.trim()))
}

/// An escalation step or remedy as its findings name it.
struct Named<'a> {
    what: &'static str,
    /// Its position in its list, from 1, as the PDF numbers it.
    number: usize,
    name: String,
    when: Option<&'a Trigger>,
}

/// A structured trigger that can never fire, or fires always: no run of misses is shorter than
/// one period, and an achieved level is a share of the target above 0 and at most 100 %.
fn check_trigger(named: &Named, path: &str, out: &mut Findings) {
    let (field, condition, value) = match named.when {
        Some(Trigger::MissedInARow { periods }) if *periods == 0 => {
            ("periods", "missed", f64::from(*periods))
        }
        Some(Trigger::AchievedBelow { percent })
            if !(percent.is_finite() && *percent > 0.0 && *percent <= 100.0) =>
        {
            ("percent", "below", *percent)
        }
        _ => return,
    };
    out.add(
        TRIGGER_OUT_OF_RANGE,
        format!("{path}.when.{field}"),
        &[
            ("what", named.what.into()),
            ("step", named.number.into()),
            ("name", named.name.as_str().into()),
            ("condition", condition.into()),
            ("value", value.into()),
        ],
    );
}

fn check_scope(a: &Agreement, scope: &Scope, path: &str, out: &mut Findings) {
    if let Some((kind, id)) = unknown_id(a, scope) {
        out.add(
            SCOPE_UNKNOWN_ID,
            format!("{path}.scope.id"),
            &[("kind", kind.into()), ("id", id.into())],
        );
    }
}

fn check_adjustment(adj: &Adjustment, path: &str, out: &mut Findings) {
    let name = || Arg::from(adj.id.trim());
    if adj.tiers.is_empty() {
        out.add(
            CONSEQUENCE_WITHOUT_TRIGGER,
            format!("{path}.tiers"),
            &[("what", "adjustment".into()), ("name", name())],
        );
    }
    let in_range = |cap: f64| cap.is_finite() && (0.0..=100.0).contains(&cap);
    let month_ok = in_range(adj.cap_per_month_percent);
    let year_ok = in_range(adj.cap_per_year_percent);
    if !month_ok {
        out.add(
            ADJUSTMENT_CAP_OUT_OF_RANGE,
            format!("{path}.cap_per_month_percent"),
            &[("name", name())],
        );
    }
    if !year_ok {
        out.add(
            ADJUSTMENT_CAP_OUT_OF_RANGE,
            format!("{path}.cap_per_year_percent"),
            &[("name", name())],
        );
    }
    if month_ok && year_ok && adj.cap_per_month_percent > adj.cap_per_year_percent {
        out.add(
            ADJUSTMENT_CAP_ORDER,
            format!("{path}.cap_per_month_percent"),
            &[
                ("name", name()),
                ("month", adj.cap_per_month_percent.into()),
                ("year", adj.cap_per_year_percent.into()),
            ],
        );
    }
    // Tiers go from the mildest miss to the worst: each threshold lower than the one before, and
    // each adjustment at least as large, so a worse result never costs less.
    for (t, pair) in adj.tiers.windows(2).enumerate() {
        let (before, tier) = (pair[0], pair[1]);
        let tier_path = format!("{path}.tiers[{}]", t + 1);
        if tier.achieved_below_percent >= before.achieved_below_percent {
            out.add(
                ADJUSTMENT_TIERS_UNORDERED,
                format!("{tier_path}.achieved_below_percent"),
                &[("name", name())],
            );
        } else if tier.adjustment_percent.abs() < before.adjustment_percent.abs() {
            out.add(
                ADJUSTMENT_TIERS_UNORDERED,
                format!("{tier_path}.adjustment_percent"),
                &[("name", name())],
            );
        }
    }
    if month_ok {
        for (t, tier) in adj.tiers.iter().enumerate() {
            if tier.adjustment_percent.abs() > adj.cap_per_month_percent {
                out.add(
                    ADJUSTMENT_TIER_ABOVE_CAP,
                    format!("{path}.tiers[{t}].adjustment_percent"),
                    &[
                        ("name", name()),
                        ("tier", tier.adjustment_percent.abs().into()),
                        ("cap", adj.cap_per_month_percent.into()),
                    ],
                );
            }
        }
    }
}
