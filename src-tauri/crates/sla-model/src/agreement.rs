//! The agreement itself: what the wizard edits, the store keeps, the PDF prints and the signatures
//! cover. Every field a person fills in is a plain value here; nothing is derived or cached, so the
//! canonical JSON of two equal agreements is byte-for-byte equal.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::negotiation::Negotiation;

/// The version of the interchange format this build reads and writes. Raise it with a migration in
/// `interchange` whenever a field changes meaning or a required field is added.
pub const SCHEMA_VERSION: u32 = 1;

/// A service-level agreement between the marketing and the sales department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// Format version; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// A stable identifier printed in the PDF footer (a UUID for agreements made by the app).
    pub id: String,
    pub title: String,
    /// The language the agreement is written in; the PDF is printed in it unless told otherwise.
    pub language: Language,
    pub parties: Parties,
    pub term: Term,
    /// What each side commits to deliver to the other: marketing to sales and sales to marketing.
    pub commitments: Vec<Commitment>,
    /// The team and the funnel the targets rest on; the checks compare the targets with it.
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub plan: Plan,
    pub monitoring: Monitoring,
    pub deadlines: Deadlines,
    pub consequences: Consequences,
    pub signatories: Vec<Signatory>,
    /// Free text printed after the consequences: definitions, exclusions, anything else agreed.
    #[serde(default)]
    pub notes: String,
    /// Where this copy came from and what the heads said about it while negotiating; not part of
    /// the agreement (see [`crate::negotiation`]).
    #[serde(default, skip_serializing_if = "Negotiation::is_empty")]
    pub negotiation: Negotiation,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Ru,
}

/// One of the two departments. Every commitment has a provider and, implicitly, the other side as
/// its receiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Marketing,
    Sales,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Marketing => Side::Sales,
            Side::Sales => Side::Marketing,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parties {
    pub marketing: Party,
    pub sales: Party,
}

impl Parties {
    pub fn get(&self, side: Side) -> &Party {
        match side {
            Side::Marketing => &self.marketing,
            Side::Sales => &self.sales,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The department's name as the company uses it, e.g. "Marketing" or "B2B Sales".
    pub department: String,
    pub head: Person,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub role: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub effective_date: NaiveDate,
    pub duration_months: u32,
    pub renewal: Renewal,
    /// Dates on which both heads review the agreement and its targets.
    pub review_dates: Vec<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Renewal {
    /// The agreement ends with its term.
    None,
    /// Renewed for another term unless either head objects before it ends.
    Automatic,
    /// Renewed only when both heads sign a renewal.
    ByAgreement,
}

/// A service one side provides the other, with the metrics that say whether it was delivered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Unique within the agreement; metrics, remedies and findings refer to it.
    pub id: String,
    pub provider: Side,
    /// The type of service, e.g. "Qualified leads" or "Lead follow-up".
    pub service: String,
    #[serde(default)]
    pub description: String,
    pub metrics: Vec<Metric>,
}

impl Commitment {
    pub fn receiver(&self) -> Side {
        self.provider.other()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Unique within the agreement.
    pub id: String,
    pub name: String,
    /// What exactly is counted, so both sides compute the same number.
    pub definition: String,
    /// Whether the metric counts how much, how good, how fast or how reliably.
    pub kind: MetricKind,
    /// The lead flow the metric is about ("mql", "sql", "rejected"); pairs volume with quality.
    #[serde(default)]
    pub flow: String,
    pub unit: Unit,
    pub comparator: Comparator,
    pub target: f64,
    pub window: Window,
    /// The system the figure comes from, e.g. "CRM (amoCRM) lead report".
    pub data_source: String,
    pub collection: Collection,
    /// The department answerable for the figure.
    pub owner: Side,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    Volume,
    Quality,
    Speed,
    Reliability,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    Percent,
    Minutes,
    Hours,
    BusinessHours,
    Days,
    /// An amount of money in the company's currency.
    Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    AtLeast,
    AtMost,
    Exactly,
}

/// The period over which a metric is measured and compared with its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Window {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum Collection {
    /// Recorded by a system without anybody's effort.
    Automatic,
    /// Somebody compiles the figure by hand; the reason says why no system records it.
    Manual {
        #[serde(default)]
        reason: String,
    },
}

/// The figures the targets rest on, as the two heads agreed them: the people who work the leads,
/// how long working one takes, and the funnel the leads pass through. Every figure is optional;
/// each one said lets the checks tell a target no team could meet from one it can.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Sales reps (SDRs, call-centre agents, partner managers) who work the leads; 0 when not said.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sales_reps: u32,
    /// Hours a month each of them has for working these leads, after meetings and admin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rep_hours_per_month: Option<f64>,
    /// Contact attempts each lead gets before it is recycled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_per_lead: Option<f64>,
    /// Minutes one attempt takes, logging included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_per_attempt: Option<f64>,
    /// Percent of leads that arrive outside working hours and wait for the next working day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_hours_share_percent: Option<f64>,
    /// The metric that counts the leads the team works.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_volume: Option<LeadVolume>,
    /// Conversion from each stage to the next, in order, from the lead to a won deal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funnel: Vec<PlanStage>,
    /// Where the figures come from: a study, a benchmark, last year's CRM data.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Plan {
    /// Nothing said: the agreement has no plan, and its JSON no `plan` key.
    pub fn is_empty(&self) -> bool {
        self == &Plan::default()
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Which metric counts the leads, and whether its target is per rep or for the whole team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LeadVolume {
    /// The id of a count metric in the commitments.
    pub metric: String,
    /// Whether the target counts leads for each rep (HubSpot's "MQLs per rep") or for the team.
    pub per_rep: bool,
}

/// One step of the funnel, e.g. "MQL → connected" at 50%.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanStage {
    pub name: String,
    /// Percent of the leads entering this stage that move on to the next.
    pub conversion_percent: f64,
    /// The id of the percentage metric that measures this same step, when one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    /// How the data is collected (systems, exports, who enters what).
    pub data_collection: String,
    /// How the data is processed before review (deduplication, exclusions, dashboards).
    pub data_processing: String,
    pub reports: Vec<Report>,
    /// How often the heads review the figures together; `None` when not yet agreed.
    pub review_cadence: Option<Cadence>,
    /// Who takes part in the review.
    pub reviewers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub name: String,
    #[serde(default)]
    pub contents: String,
    /// Who prepares the report.
    pub owner: String,
    pub frequency: Cadence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Daily,
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// Whether deadlines count business hours (per `calendar`) or calendar time.
    pub basis: TimeBasis,
    pub calendar: BusinessCalendar,
    pub rules: Vec<DeadlineRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    BusinessHours,
    Calendar,
}

/// The working time that business-hour deadlines count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessCalendar {
    /// IANA time zone name, e.g. "Europe/Moscow".
    pub timezone: String,
    /// ISO weekday numbers, Monday = 1 .. Sunday = 7.
    pub workdays: Vec<u8>,
    /// Start of the working day, "HH:MM".
    pub day_start: String,
    /// End of the working day, "HH:MM".
    pub day_end: String,
    #[serde(default)]
    pub holidays: Vec<NaiveDate>,
}

/// Response and resolution deadlines for one lead tier or issue severity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    pub id: String,
    pub category: DeadlineCategory,
    /// The tier or severity, e.g. "A (demo request)" or "Critical".
    pub applies_to: String,
    /// The side that must respond and resolve.
    pub owner: Side,
    pub response: Option<Duration>,
    pub resolution: Option<Duration>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineCategory {
    /// A tier of inbound lead: how fast sales makes first contact and reaches a decision.
    LeadTier,
    /// A problem raised by either side: how fast it is acknowledged and fixed.
    IssueSeverity,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    pub value: f64,
    pub unit: DurationUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    Minutes,
    Hours,
    Days,
}

impl Duration {
    /// Length in minutes, counting a day as 24 hours; for comparing two deadlines with one basis.
    pub fn minutes(&self) -> f64 {
        match self.unit {
            DurationUnit::Minutes => self.value,
            DurationUnit::Hours => self.value * 60.0,
            DurationUnit::Days => self.value * 24.0 * 60.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consequences {
    /// Who is told, in order, when a commitment is missed.
    pub escalation: Vec<EscalationStep>,
    pub remedies: Vec<Remedy>,
    /// Optional bonus or budget adjustments; many companies leave this empty.
    #[serde(default)]
    pub adjustments: Vec<Adjustment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationStep {
    /// When this step is taken, e.g. "target missed two weeks running".
    pub trigger: String,
    /// Who is told, e.g. "Head of Sales" or "CEO".
    pub escalate_to: String,
    /// Days the previous level has to resolve it before this step; 0 for the first step.
    pub after_days: u32,
    #[serde(default)]
    pub action: String,
    /// What the step watches: one metric, one commitment or the whole agreement (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// The measurable condition behind `trigger`, so a review can tell when the step applies.
    /// Absent in agreements written before reviews existed; their canonical JSON is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Trigger>,
}

/// What happens when a commitment is missed: recycle leads, a joint review, a revised plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    pub id: String,
    pub scope: Scope,
    /// The condition that triggers the remedy.
    pub trigger: String,
    pub action: String,
    /// The measurable condition behind `trigger`; see [`EscalationStep::when`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Trigger>,
}

/// A condition a review can check against the computed figures of each period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "condition", rename_all = "snake_case", deny_unknown_fields)]
pub enum Trigger {
    /// The target was missed in this many consecutive periods, the current one included
    /// ("two misses in a row is a pattern, one is noise").
    MissedInARow { periods: u32 },
    /// The achieved level fell below this percent of the target in the current period.
    AchievedBelow { percent: f64 },
}

/// What a consequence applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Scope {
    /// The whole agreement.
    Agreement,
    /// One commitment, by id.
    Commitment(String),
    /// One metric, by id.
    Metric(String),
}

/// A bonus or budget adjustment tied to achieved levels, capped as service credits are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    pub id: String,
    pub kind: AdjustmentKind,
    pub scope: Scope,
    /// Achieved level (percent of target) below which each adjustment applies.
    pub tiers: Vec<AdjustmentTier>,
    /// Largest total adjustment in one month, percent of the bonus or budget.
    pub cap_per_month_percent: f64,
    /// Largest total adjustment in one year, percent of the bonus or budget.
    pub cap_per_year_percent: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    Bonus,
    Budget,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdjustmentTier {
    /// Applies when the achieved level is below this percent of target.
    pub achieved_below_percent: f64,
    /// The adjustment, in percent of the bonus or budget (negative reduces it).
    pub adjustment_percent: f64,
}

/// A person who signs the agreement; usually the two heads, sometimes a CEO as well.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub side: Side,
    pub name: String,
    pub role: String,
    #[serde(default)]
    pub email: String,
}

impl Agreement {
    /// Every metric of every commitment, with the commitment it belongs to.
    pub fn metrics(&self) -> impl Iterator<Item = (&Commitment, &Metric)> {
        self.commitments
            .iter()
            .flat_map(|c| c.metrics.iter().map(move |m| (c, m)))
    }

    /// All the words a person typed, for full-text search.
    pub fn search_text(&self) -> String {
        // The JSON string values are exactly the typed text; walking them keeps this in step with
        // every field the model gains without a list to maintain.
        let value = serde_json::to_value(self).unwrap_or_default();
        let mut out = String::new();
        collect_strings(&value, &mut out);
        out
    }
}

/// Keys whose values are identifiers or chosen from a list, not typed: searching "sales" should
/// find the drafts that mention sales, not every draft with a side named `sales`.
const NOT_TYPED: &[&str] = &[
    "schema_version",
    "id",
    "language",
    "provider",
    "owner",
    "side",
    "kind",
    "unit",
    "comparator",
    "window",
    "method",
    "renewal",
    "basis",
    "category",
    "frequency",
    "review_cadence",
    "condition",
    "fingerprint",
    "from",
    "on",
    "at",
    "resolved_at",
    "resolved_by",
];

fn collect_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(key, _)| !NOT_TYPED.contains(&key.as_str()))
            .for_each(|(_, v)| collect_strings(v, out)),
        _ => {}
    }
}
