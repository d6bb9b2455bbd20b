//! Identifiers: remedies, adjustments and findings refer to commitments and metrics by id, so
//! each id must be present and unique among the things it can name.

use std::collections::HashSet;

use sla_model::Agreement;

use super::{blank, commitment_path, metric_path, Findings, *};

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    let commitments = a
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| (commitment_path(i), c.id.as_str()));
    unique(commitments, out);

    let metrics = a.commitments.iter().enumerate().flat_map(|(i, c)| {
        c.metrics
            .iter()
            .enumerate()
            .map(move |(j, m)| (metric_path(i, j), m.id.as_str()))
    });
    unique(metrics, out);

    let rules = a.deadlines.rules.iter().enumerate();
    unique(
        rules.map(|(i, r)| (format!("deadlines.rules[{i}]"), r.id.as_str())),
        out,
    );

    // Remedies and adjustments are both consequences, and the PDF lists them by id together.
    let remedies = a.consequences.remedies.iter().enumerate();
    let remedies = remedies.map(|(i, r)| (format!("consequences.remedies[{i}]"), r.id.as_str()));
    let adjustments = a.consequences.adjustments.iter().enumerate();
    let adjustments =
        adjustments.map(|(i, r)| (format!("consequences.adjustments[{i}]"), r.id.as_str()));
    unique(remedies.chain(adjustments), out);
}

/// Reports empty ids and every repeat of an id after its first use.
fn unique<'a>(items: impl Iterator<Item = (String, &'a str)>, out: &mut Findings) {
    let mut seen = HashSet::new();
    for (path, id) in items {
        if blank(id) {
            out.add(ID_EMPTY, format!("{path}.id"), &[]);
        } else if !seen.insert(id.trim()) {
            out.add(DUPLICATE_ID, format!("{path}.id"), &[("id", id.into())]);
        }
    }
}
