//! The services each side provides and the metrics that measure them, against the article's
//! advice: only what the provider controls, easy to collect, quality as well as quantity, and
//! neither so many metrics that nobody reads them nor so few that a side of the service is unseen.

use sla_model::{Agreement, Collection, Commitment, Metric, MetricKind, Side};

use super::{blank, commitment_path, metric_path, same_text, Findings, *};

/// More metrics than this in one direction produce data nobody analyses.
pub const MAX_METRICS_PER_DIRECTION: usize = 7;
/// Fewer than this in one direction leave an aspect of the service unmeasured: a count with no
/// quality, or a speed with no volume.
pub const MIN_METRICS_PER_DIRECTION: usize = 2;

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    for side in [Side::Marketing, Side::Sales] {
        check_direction(a, side, out);
    }
    for (i, c) in a.commitments.iter().enumerate() {
        if blank(&c.service) {
            out.add(
                COMMITMENT_NO_SERVICE,
                format!("{}.service", commitment_path(i)),
                &[("side", out.side(c.provider))],
            );
        }
        if c.metrics.is_empty() {
            out.add(
                COMMITMENT_WITHOUT_METRICS,
                format!("{}.metrics", commitment_path(i)),
                &[("service", c.service.as_str().into())],
            );
        }
        for (j, m) in c.metrics.iter().enumerate() {
            check_metric(a, c, m, &metric_path(i, j), out);
        }
    }
}

fn check_direction(a: &Agreement, side: Side, out: &mut Findings) {
    let own: Vec<(usize, &Commitment)> = a
        .commitments
        .iter()
        .enumerate()
        .filter(|(_, c)| c.provider == side)
        .collect();
    let Some(&(first, _)) = own.first() else {
        out.add(
            DIRECTION_MISSING,
            "commitments",
            &[("side", out.side(side)), ("other", out.side(side.other()))],
        );
        return;
    };
    let metrics: Vec<String> = own
        .iter()
        .flat_map(|&(i, c)| (0..c.metrics.len()).map(move |j| metric_path(i, j)))
        .collect();
    let count = metrics.len();
    if count < MIN_METRICS_PER_DIRECTION {
        out.add(
            TOO_FEW_METRICS,
            format!("{}.metrics", commitment_path(first)),
            &[
                ("side", out.side(side)),
                ("count", count.into()),
                ("min", MIN_METRICS_PER_DIRECTION.into()),
            ],
        );
    }
    if count > MAX_METRICS_PER_DIRECTION {
        out.add(
            TOO_MANY_METRICS,
            metrics[MAX_METRICS_PER_DIRECTION].clone(),
            &[
                ("side", out.side(side)),
                ("count", count.into()),
                ("max", MAX_METRICS_PER_DIRECTION.into()),
            ],
        );
    }
}

/// How a metric is named in messages: its name, or its id while it has none.
pub(super) fn label(m: &Metric) -> String {
    if blank(&m.name) {
        m.id.clone()
    } else {
        m.name.trim().to_string()
    }
}

fn check_metric(a: &Agreement, c: &Commitment, m: &Metric, path: &str, out: &mut Findings) {
    let name = || -> Arg { label(m).into() };
    if blank(&m.name) {
        out.add(
            METRIC_NO_NAME,
            format!("{path}.name"),
            &[("id", m.id.as_str().into())],
        );
    }
    if blank(&m.definition) {
        out.add(
            METRIC_NO_DEFINITION,
            format!("{path}.definition"),
            &[("metric", name())],
        );
    }
    if m.owner != c.provider {
        out.add(
            METRIC_OWNER_NOT_PROVIDER,
            format!("{path}.owner"),
            &[
                ("metric", name()),
                ("owner", out.side(m.owner)),
                ("provider", out.side(c.provider)),
            ],
        );
    }
    if blank(&m.data_source) {
        out.add(
            METRIC_NO_DATA_SOURCE,
            format!("{path}.data_source"),
            &[("metric", name())],
        );
    }
    if let Collection::Manual { reason } = &m.collection {
        if blank(reason) {
            out.add(
                METRIC_MANUAL_NO_REASON,
                format!("{path}.collection.reason"),
                &[("metric", name())],
            );
        } else {
            out.add(
                METRIC_COLLECTED_BY_HAND,
                format!("{path}.collection"),
                &[("metric", name())],
            );
        }
    }
    if m.kind == MetricKind::Volume && !has_quality_pair(a, c.provider, &m.flow) {
        let has_flow = if blank(&m.flow) { "no" } else { "yes" };
        out.add(
            VOLUME_WITHOUT_QUALITY,
            path.to_string(),
            &[
                ("metric", name()),
                ("flow", m.flow.trim().into()),
                ("has_flow", has_flow.into()),
                ("side", out.side(c.provider)),
            ],
        );
    }
}

/// Whether the provider also answers for the quality of the same flow, so that the volume cannot
/// be hit by sending weak leads or making empty calls.
fn has_quality_pair(a: &Agreement, provider: Side, flow: &str) -> bool {
    let flow = flow.trim();
    !flow.is_empty()
        && a.metrics().any(|(c, m)| {
            c.provider == provider && m.kind == MetricKind::Quality && same_text(&m.flow, flow)
        })
}
