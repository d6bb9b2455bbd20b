//! What a period's computation and review produce. Serialised as JSON: the store keeps it, the
//! window shows it, the report prints it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sla_model::{AdjustmentKind, Comparator, Scope, Trigger, Unit};

use crate::Period;

/// How a metric's figure is computed from leads. Inferred from the metric (kind, flow, unit),
/// or chosen in the mapping when the inference is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Leads delivered to sales in the period, per rep (the sum divided by the reps) or in total.
    Delivered { per_rep: bool },
    /// Leads accepted by sales in the period.
    Accepted { per_rep: bool },
    /// Accepted ÷ delivered, percent.
    AcceptanceRate,
    /// Time from creation to first contact, in the metric's unit; business time per the calendar
    /// when the unit is business hours or the deadlines' basis is business hours.
    TimeToFirstContact,
    /// Contact attempts made before a lead is recycled or rejected (median over the rejected
    /// leads with a recorded count).
    AttemptsBeforeRecycling,
    /// Percent of rejected leads with at least this many recorded contact attempts (the library's
    /// "at least 5 attempts before recycling").
    ShareWithAttempts { at_least: u32 },
    /// Rejected leads returned with a reason, percent of rejected.
    RejectedWithReason,
    /// No export gives it: entered by hand per period.
    Manual,
}

/// A figure entered by hand for a metric an export cannot give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManualActual {
    pub metric_id: String,
    pub period: Period,
    pub value: f64,
    pub entered_by: String,
    pub note: String,
    pub entered_at: DateTime<Utc>,
}

/// Where a figure came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum FigureSource {
    /// Computed from this many leads of the export.
    Export {
        leads: usize,
    },
    Manual {
        entered_by: String,
        note: String,
    },
    /// Nothing to compute it from; the reason says what is missing (in English; `cause` says it
    /// in any language through [`Missing::describe`]).
    NoData {
        reason: String,
        cause: Missing,
    },
}

/// What a figure lacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The export has no lead created in the period.
    LeadsInPeriod,
    /// No export gives the metric and nobody entered it for the period.
    ManualEntry,
    /// No lead of the export was delivered to sales in the period.
    DeliveredLeads,
    /// No delivered lead of the period names its rep, so there is nobody to divide by.
    Owners,
    /// No lead of the export has a first-contact time: the column is not mapped.
    FirstContactTimes,
    /// Leads were delivered in the period but none was contacted, so there is no time to take
    /// a median of (the time stats still show them all outside the target).
    Contacts,
    /// No lead was rejected in the period.
    RejectedLeads,
    /// No lead of the export has an attempts count: the column is not mapped.
    AttemptCounts,
    /// No lead of the export has a rejection reason: the column is not mapped.
    RejectionReasons,
}

/// Distribution of a time metric: never only the mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeStats {
    pub count: usize,
    pub median: f64,
    pub p90: f64,
    /// Percent of leads within the target; never-contacted leads count as outside it.
    pub within_target_percent: f64,
    /// Delivered leads with no first contact: left out of the median and 90th percentile, and
    /// counted outside the target.
    #[serde(default)]
    pub never_contacted: usize,
}

/// The counts behind a percentage: `part` of `whole`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    pub part: usize,
    pub whole: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepFigure {
    pub owner: String,
    pub value: f64,
}

/// One metric's figure in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricFigure {
    pub metric_id: String,
    pub measure: Measure,
    /// The figure compared with the target, in the metric's unit; `None` when there is no data.
    pub actual: Option<f64>,
    pub source: FigureSource,
    #[serde(default)]
    pub per_rep: Vec<RepFigure>,
    #[serde(default)]
    pub time: Option<TimeStats>,
    /// For percentages computed from leads: the counts behind them.
    #[serde(default)]
    pub fraction: Option<Fraction>,
}

/// Every metric's figure in one period, as computed (kept with the definition it used).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodFigures {
    pub period: Period,
    pub figures: Vec<MetricFigure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Missed,
    NoData,
}

/// One metric against its target in the reviewed period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricCompliance {
    pub metric_id: String,
    pub name: String,
    pub unit: Unit,
    pub comparator: Comparator,
    pub target: f64,
    pub actual: Option<f64>,
    pub status: Status,
    /// Percent of target achieved (for "at most" targets, target ÷ actual).
    pub achieved_percent: Option<f64>,
    /// Misses in a row up to and including this period.
    pub misses_in_a_row: u32,
    pub time: Option<TimeStats>,
    /// Where the reviewed period's figure came from (who entered it, or why there is none);
    /// `None` when the period was not computed at all.
    #[serde(default)]
    pub source: Option<FigureSource>,
    /// The figure in each period up to this one, oldest first (no data = `None`).
    pub trend: Vec<(Period, Option<f64>)>,
}

/// What a fired consequence is, by its place in the agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConsequenceRef {
    /// `consequences.escalation[index]`
    Escalation { index: usize },
    /// `consequences.remedies[..]` by id
    Remedy { id: String },
}

/// An escalation step or remedy that applies in the reviewed period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiredConsequence {
    pub source: ConsequenceRef,
    /// The metrics whose figures fired it.
    pub metric_ids: Vec<String>,
    /// Who is told (escalation), empty for a remedy.
    pub escalate_to: String,
    pub action: String,
    /// The condition that fired it.
    pub trigger: Trigger,
    /// Why, in plain words: "missed 2 periods in a row".
    pub reason: String,
    /// When it falls due: the review day after the period plus the steps' days.
    pub due: NaiveDate,
}

/// An adjustment of a bonus or budget, by tier, after the caps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppliedAdjustment {
    pub adjustment_id: String,
    pub kind: AdjustmentKind,
    pub scope: Scope,
    /// The achieved level the tier was chosen by, percent of target (for a commitment or the
    /// whole agreement, its lowest metric's).
    pub level_percent: f64,
    /// The tier's adjustment before caps, percent.
    pub tier_percent: f64,
    /// After the monthly and yearly caps, percent.
    pub applied_percent: f64,
    /// Which cap cut it, if any.
    pub capped_by: Option<Cap>,
    /// Total applied in the calendar year so far, this period included.
    pub year_total_percent: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cap {
    Month,
    Year,
}

/// The review of one period: every metric, what fired, the adjustments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub period: Period,
    /// The first working day after the period, when the review falls due.
    pub review_date: NaiveDate,
    pub metrics: Vec<MetricCompliance>,
    pub fired: Vec<FiredConsequence>,
    pub adjustments: Vec<AppliedAdjustment>,
}

impl Review {
    pub fn count(&self, status: Status) -> usize {
        self.metrics.iter().filter(|m| m.status == status).count()
    }
}
