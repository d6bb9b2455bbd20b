/* Generated from src-tauri/crates/sla-model/agreement.schema.json by npm run types. Do not edit. */

export type Collection =
  | {
      method: "automatic";
    }
  | {
      method: "manual";
      reason?: string;
    };
export type Comparator = "at_least" | "at_most" | "exactly";
export type Unit = ("count" | "percent" | "minutes" | "hours" | "business_hours" | "days") | "money";
/**
 * The period over which a metric is measured and compared with its target.
 */
export type Window = "day" | "week" | "month" | "quarter" | "year";
/**
 * One of the two departments. Every commitment has a provider and, implicitly, the other side as
 * its receiver.
 */
export type Side = "marketing" | "sales";
export type AdjustmentKind = "bonus" | "budget";
/**
 * What a consequence applies to.
 */
export type Scope =
  | {
      kind: "agreement";
    }
  | {
      id: string;
      kind: "commitment";
    }
  | {
      id: string;
      kind: "metric";
    };
/**
 * A condition a review can check against the computed figures of each period.
 */
export type Trigger =
  | {
      condition: "missed_in_a_row";
      periods: number;
    }
  | {
      condition: "achieved_below";
      percent: number;
    };
export type DeadlineCategory = "lead_tier" | "issue_severity";
export type DurationUnit = "minutes" | "hours" | "days";
export type Cadence = "daily" | "weekly" | "biweekly" | "monthly" | "quarterly";
export type Renewal = "none" | "automatic" | "by_agreement";

/**
 * A service-level agreement between the marketing and the sales department.
 */
export interface Agreement {
  /**
   * What each side commits to deliver to the other: marketing to sales and sales to marketing.
   */
  commitments: Commitment[];
  consequences: Consequences;
  deadlines: Deadlines;
  /**
   * A stable identifier printed in the PDF footer (a UUID for agreements made by the app).
   */
  id: string;
  /**
   * The language the agreement is written in; the PDF is printed in it unless told otherwise.
   */
  language: "en" | "ru";
  monitoring: Monitoring;
  negotiation?: Negotiation;
  /**
   * Free text printed after the consequences: definitions, exclusions, anything else agreed.
   */
  notes?: string;
  parties: Parties;
  plan?: Plan;
  /**
   * Format version; see [`SCHEMA_VERSION`].
   */
  schema_version: number;
  signatories: Signatory[];
  term: Term;
  title: string;
}
/**
 * A service one side provides the other, with the metrics that say whether it was delivered.
 */
export interface Commitment {
  description?: string;
  /**
   * Unique within the agreement; metrics, remedies and findings refer to it.
   */
  id: string;
  metrics: Metric[];
  provider: Side;
  /**
   * The type of service, e.g. "Qualified leads" or "Lead follow-up".
   */
  service: string;
}
export interface Metric {
  collection: Collection;
  comparator: Comparator;
  /**
   * The system the figure comes from, e.g. "CRM (amoCRM) lead report".
   */
  data_source: string;
  /**
   * What exactly is counted, so both sides compute the same number.
   */
  definition: string;
  /**
   * The lead flow the metric is about ("mql", "sql", "rejected"); pairs volume with quality.
   */
  flow?: string;
  /**
   * Unique within the agreement.
   */
  id: string;
  /**
   * Whether the metric counts how much, how good, how fast or how reliably.
   */
  kind: "volume" | "quality" | "speed" | "reliability";
  name: string;
  /**
   * The department answerable for the figure.
   */
  owner: "marketing" | "sales";
  target: number;
  unit: Unit;
  window: Window;
}
export interface Consequences {
  /**
   * Optional bonus or budget adjustments; many companies leave this empty.
   */
  adjustments?: Adjustment[];
  /**
   * Who is told, in order, when a commitment is missed.
   */
  escalation: EscalationStep[];
  remedies: Remedy[];
}
/**
 * A bonus or budget adjustment tied to achieved levels, capped as service credits are.
 */
export interface Adjustment {
  /**
   * Largest total adjustment in one month, percent of the bonus or budget.
   */
  cap_per_month_percent: number;
  /**
   * Largest total adjustment in one year, percent of the bonus or budget.
   */
  cap_per_year_percent: number;
  id: string;
  kind: AdjustmentKind;
  scope: Scope;
  /**
   * Achieved level (percent of target) below which each adjustment applies.
   */
  tiers: AdjustmentTier[];
}
export interface AdjustmentTier {
  /**
   * Applies when the achieved level is below this percent of target.
   */
  achieved_below_percent: number;
  /**
   * The adjustment, in percent of the bonus or budget (negative reduces it).
   */
  adjustment_percent: number;
}
export interface EscalationStep {
  action?: string;
  /**
   * Days the previous level has to resolve it before this step; 0 for the first step.
   */
  after_days: number;
  /**
   * Who is told, e.g. "Head of Sales" or "CEO".
   */
  escalate_to: string;
  /**
   * What the step watches: one metric, one commitment or the whole agreement (the default).
   */
  scope?: Scope | null;
  /**
   * When this step is taken, e.g. "target missed two weeks running".
   */
  trigger: string;
  /**
   * The measurable condition behind `trigger`, so a review can tell when the step applies.
   * Absent in agreements written before reviews existed; their canonical JSON is unchanged.
   */
  when?: Trigger | null;
}
/**
 * What happens when a commitment is missed: recycle leads, a joint review, a revised plan.
 */
export interface Remedy {
  action: string;
  id: string;
  scope: Scope;
  /**
   * The condition that triggers the remedy.
   */
  trigger: string;
  /**
   * The measurable condition behind `trigger`; see [`EscalationStep::when`].
   */
  when?: Trigger | null;
}
export interface Deadlines {
  /**
   * Whether deadlines count business hours (per `calendar`) or calendar time.
   */
  basis: "business_hours" | "calendar";
  calendar: BusinessCalendar;
  rules: DeadlineRule[];
}
/**
 * The working time that business-hour deadlines count.
 */
export interface BusinessCalendar {
  /**
   * End of the working day, "HH:MM".
   */
  day_end: string;
  /**
   * Start of the working day, "HH:MM".
   */
  day_start: string;
  holidays?: string[];
  /**
   * IANA time zone name, e.g. "Europe/Moscow".
   */
  timezone: string;
  /**
   * ISO weekday numbers, Monday = 1 .. Sunday = 7.
   */
  workdays: number[];
}
/**
 * Response and resolution deadlines for one lead tier or issue severity.
 */
export interface DeadlineRule {
  /**
   * The tier or severity, e.g. "A (demo request)" or "Critical".
   */
  applies_to: string;
  category: DeadlineCategory;
  id: string;
  /**
   * One of the two departments. Every commitment has a provider and, implicitly, the other side as
   * its receiver.
   */
  owner: "marketing" | "sales";
  resolution?: Duration | null;
  response?: Duration | null;
}
export interface Duration {
  unit: DurationUnit;
  value: number;
}
export interface Monitoring {
  /**
   * How the data is collected (systems, exports, who enters what).
   */
  data_collection: string;
  /**
   * How the data is processed before review (deduplication, exclusions, dashboards).
   */
  data_processing: string;
  reports: Report[];
  /**
   * How often the heads review the figures together; `None` when not yet agreed.
   */
  review_cadence?: Cadence | null;
  /**
   * Who takes part in the review.
   */
  reviewers: string[];
}
export interface Report {
  contents?: string;
  frequency: Cadence;
  name: string;
  /**
   * Who prepares the report.
   */
  owner: string;
}
/**
 * Where this copy came from and what the heads said about it while negotiating; not part of
 * the agreement (see [`crate::negotiation`]).
 */
export interface Negotiation {
  /**
   * The version this file was made from that the other head also has, so that their copy of it
   * can be the common base of a three-way merge.
   */
  base?: BaseVersion | null;
  /**
   * Comment threads on fields and items of the agreement.
   */
  comments?: Thread[];
  /**
   * The side whose head made this file.
   */
  from?: Side | null;
}
/**
 * A version of the agreement named by its content.
 */
export interface BaseVersion {
  /**
   * [`fingerprint`] of the version: hex SHA-256 of its canonical JSON.
   */
  fingerprint: string;
  /**
   * Its number in the sender's drafts, for people ("made from version 3"), when the sender
   * has it as a version (a merge that rejected some of a proposal saves something else).
   */
  version?: number | null;
}
/**
 * A conversation about one field or item of the agreement.
 */
export interface Thread {
  /**
   * Unique within the agreement, kept when the thread travels.
   */
  id: string;
  messages: Message[];
  /**
   * What the thread is about, as a change's key in a comparison
   * (`commitments[mkt-leads].metrics[mql-per-rep].target`): items are named by their ids, so
   * the thread stays on its clause when items are inserted or reordered.
   */
  on: string;
  /**
   * When the thread was marked resolved (RFC 3339); a later reply opens it again.
   */
  resolved_at?: string | null;
  resolved_by?: Side | null;
}
/**
 * One comment. Its text is shown as text, never as markup.
 */
export interface Message {
  /**
   * RFC 3339, UTC.
   */
  at: string;
  /**
   * Their name as the agreement gave it when they wrote.
   */
  author: string;
  /**
   * Unique within the thread, kept when the thread travels.
   */
  id: string;
  /**
   * One of the two departments. Every commitment has a provider and, implicitly, the other side as
   * its receiver.
   */
  side: "marketing" | "sales";
  text: string;
}
export interface Parties {
  marketing: Party;
  sales: Party;
}
export interface Party {
  /**
   * The department's name as the company uses it, e.g. "Marketing" or "B2B Sales".
   */
  department: string;
  head: Person;
}
export interface Person {
  email?: string;
  name: string;
  role: string;
}
/**
 * The team and the funnel the targets rest on; the checks compare the targets with it.
 */
export interface Plan {
  /**
   * Percent of leads that arrive outside working hours and wait for the next working day.
   */
  after_hours_share_percent?: number | null;
  /**
   * Contact attempts each lead gets before it is recycled.
   */
  attempts_per_lead?: number | null;
  /**
   * Conversion from each stage to the next, in order, from the lead to a won deal.
   */
  funnel?: PlanStage[];
  /**
   * The metric that counts the leads the team works.
   */
  lead_volume?: LeadVolume | null;
  /**
   * Minutes one attempt takes, logging included.
   */
  minutes_per_attempt?: number | null;
  /**
   * Hours a month each of them has for working these leads, after meetings and admin.
   */
  rep_hours_per_month?: number | null;
  /**
   * Sales reps (SDRs, call-centre agents, partner managers) who work the leads; 0 when not said.
   */
  sales_reps?: number;
  /**
   * Where the figures come from: a study, a benchmark, last year's CRM data.
   */
  source?: string;
}
/**
 * One step of the funnel, e.g. "MQL → connected" at 50%.
 */
export interface PlanStage {
  /**
   * Percent of the leads entering this stage that move on to the next.
   */
  conversion_percent: number;
  /**
   * The id of the percentage metric that measures this same step, when one does.
   */
  metric?: string | null;
  name: string;
}
/**
 * Which metric counts the leads, and whether its target is per rep or for the whole team.
 */
export interface LeadVolume {
  /**
   * The id of a count metric in the commitments.
   */
  metric: string;
  /**
   * Whether the target counts leads for each rep (HubSpot's "MQLs per rep") or for the team.
   */
  per_rep: boolean;
}
/**
 * A person who signs the agreement; usually the two heads, sometimes a CEO as well.
 */
export interface Signatory {
  email?: string;
  name: string;
  role: string;
  side: Side;
}
export interface Term {
  duration_months: number;
  effective_date: string;
  renewal: Renewal;
  /**
   * Dates on which both heads review the agreement and its targets.
   */
  review_dates: string[];
}
