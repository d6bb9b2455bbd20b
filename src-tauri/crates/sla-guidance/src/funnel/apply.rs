//! Writing the calculator's result into an agreement: one action sets the target of the MQL
//! volume metric marketing commits to, adding the metric (and marketing's commitment) from the
//! library when the agreement has none yet, and records the figures it came from in the plan, so
//! that the checks can tell later whether the targets still fit the team and the funnel.

use serde::Serialize;
use sla_model::{
    Agreement, Comparator, LeadVolume, Metric, MetricKind, PlanStage, Side, Unit, Window,
};

use super::{FunnelInput, FunnelResult};
use crate::library;

/// The id of the library metric the calculator fills in.
pub const MQL_VOLUME_METRIC: &str = "mql-per-rep";

/// What [`apply`] changed, for the UI to show and to undo.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedTarget {
    pub metric_id: String,
    /// Path of the target that was set, e.g. `commitments[0].metrics[0].target`.
    pub field: String,
    /// The target before, or `None` when the metric was added.
    pub previous_target: Option<f64>,
    pub target: f64,
    pub created_metric: bool,
    pub created_commitment: bool,
    /// Every field that changed, target included (comparator and window are set too, since the
    /// figure is a monthly minimum).
    pub changed_fields: Vec<String>,
}

/// Whether a metric is marketing's MQL volume: a count of MQLs it delivers.
fn is_mql_volume(m: &Metric) -> bool {
    m.kind == MetricKind::Volume
        && m.flow.trim().eq_ignore_ascii_case("mql")
        && m.owner == Side::Marketing
        && m.unit == Unit::Count
}

/// Sets the MQLs-per-rep-per-month target from `result`, creating the metric when absent, and
/// writes `input`'s team and funnel into the agreement's plan.
pub fn apply(
    agreement: &mut Agreement,
    input: &FunnelInput,
    result: &FunnelResult,
) -> AppliedTarget {
    let target = result.mqls_per_rep_per_month as f64;
    let found = agreement
        .commitments
        .iter()
        .enumerate()
        .find_map(|(c, commitment)| {
            let m = commitment.metrics.iter().position(is_mql_volume)?;
            (commitment.provider == Side::Marketing).then_some((c, m))
        });

    let (c, m, created_metric, created_commitment) = match found {
        Some((c, m)) => (c, m, false, false),
        None => {
            let (c, created_commitment) = marketing_commitment(agreement);
            let mut metric = library::metric(MQL_VOLUME_METRIC, agreement.language)
                .expect("the library has the MQL volume metric")
                .metric;
            metric.id = unused_id(MQL_VOLUME_METRIC, |id| {
                agreement.metrics().any(|(_, m)| m.id == id)
            });
            agreement.commitments[c].metrics.push(metric);
            (
                c,
                agreement.commitments[c].metrics.len() - 1,
                true,
                created_commitment,
            )
        }
    };

    let path = format!("commitments[{c}].metrics[{m}]");
    let metric = &mut agreement.commitments[c].metrics[m];
    let mut changed_fields = Vec::new();
    if created_commitment {
        changed_fields.push(format!("commitments[{c}]"));
    }
    if created_metric {
        changed_fields.push(path.clone());
    }
    let previous_target = (!created_metric).then_some(metric.target);
    if metric.comparator != Comparator::AtLeast {
        metric.comparator = Comparator::AtLeast;
        changed_fields.push(format!("{path}.comparator"));
    }
    if metric.window != Window::Month {
        metric.window = Window::Month;
        changed_fields.push(format!("{path}.window"));
    }
    if created_metric || metric.target != target {
        metric.target = target;
        changed_fields.push(format!("{path}.target"));
    }
    let metric_id = metric.id.clone();
    let before = agreement.plan.clone();
    record_plan(agreement, input, &metric_id);
    if agreement.plan != before {
        changed_fields.push("plan".to_string());
    }
    AppliedTarget {
        metric_id,
        field: format!("{path}.target"),
        previous_target,
        target,
        created_metric,
        created_commitment,
        changed_fields,
    }
}

/// The calculator's team and funnel as the agreement's plan. A stage keeps the metric it was
/// linked to when it keeps its place and name; the plan's source stays as written.
fn record_plan(agreement: &mut Agreement, input: &FunnelInput, metric_id: &str) {
    let plan = &mut agreement.plan;
    plan.sales_reps = input.sales_reps;
    plan.lead_volume = Some(LeadVolume {
        metric: metric_id.to_string(),
        per_rep: true,
    });
    plan.funnel = input
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| PlanStage {
            name: stage.name.clone(),
            conversion_percent: stage.conversion_percent,
            metric: plan
                .funnel
                .get(i)
                .filter(|old| old.name == stage.name)
                .and_then(|old| old.metric.clone()),
        })
        .collect();
    if let Some(c) = &input.capacity {
        plan.rep_hours_per_month = Some(c.rep_hours_per_month);
        plan.attempts_per_lead = Some(c.attempts_per_lead);
        plan.minutes_per_attempt = Some(c.minutes_per_attempt);
        plan.after_hours_share_percent = Some(c.after_hours_share_percent);
    }
}

/// The index of marketing's first commitment, adding the library's one when there is none.
fn marketing_commitment(agreement: &mut Agreement) -> (usize, bool) {
    if let Some(c) = agreement
        .commitments
        .iter()
        .position(|c| c.provider == Side::Marketing)
    {
        return (c, false);
    }
    let mut commitment = library::commitment(Side::Marketing, agreement.language);
    commitment.id = unused_id(&commitment.id, |id| {
        agreement.commitments.iter().any(|c| c.id == id)
    });
    agreement.commitments.insert(0, commitment);
    (0, true)
}

/// `base`, or `base-2`, `base-3`, … whichever is not taken yet.
fn unused_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    std::iter::once(base.to_string())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !taken(id))
        .expect("some suffix is free")
}
