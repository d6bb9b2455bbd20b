/*
 * Shapes the review commands exchange with the window: a period's CRM export previewed and mapped,
 * the figures computed from it, and the review of each period against the agreement's targets.
 * They mirror the Rust types in `sla-crm-export`, `sla-compliance` and `src-tauri/src/reviews.rs`.
 */
import type { Comparator, Unit } from "./agreement";
import type { Language } from "./ipc";

/** A calendar month, `YYYY-MM`. */
export type Period = string;

export type StageClass = "delivered" | "accepted" | "rejected";

export type CsvEncoding = "utf8" | "utf8-bom" | "utf16-le" | "utf16-be" | "windows1251" | "windows1252";

export type ExportFormat = { kind: "csv"; encoding: CsvEncoding; separator: string } | { kind: "xlsx"; sheet: string };

export interface ExportFile {
  /** The file's name, without its folder. */
  name: string;
  /** Hex SHA-256 of the file's bytes. */
  fingerprint: string;
  format: ExportFormat;
  /** Data rows (leads). */
  rows: number;
}

/** Which column of the export is what, and which stage values mean delivered, accepted, rejected. */
export interface ColumnMapping {
  id: string;
  owner?: string | null;
  created: string;
  stage?: string | null;
  mql_values: string[];
  accepted_values: string[];
  rejected_values: string[];
  mql_date?: string | null;
  accepted_date?: string | null;
  rejection_reason?: string | null;
  first_contact?: string | null;
  attempts?: string | null;
}

/** The optional columns of a mapping, in the order the mapping form shows them. */
export const OPTIONAL_COLUMNS = [
  "owner",
  "stage",
  "mql_date",
  "accepted_date",
  "rejection_reason",
  "first_contact",
  "attempts",
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export type Measure =
  | { delivered: { per_rep: boolean } }
  | { accepted: { per_rep: boolean } }
  | "acceptance_rate"
  | "time_to_first_contact"
  | "attempts_before_recycling"
  | { share_with_attempts: { at_least: number } }
  | "rejected_with_reason"
  | "manual";

/** What the person confirmed about a draft's exports (the JSON `review --mapping` reads). */
export interface ReviewMapping {
  columns: ColumnMapping;
  /** Metric id → how it is computed, where the inference from its kind and unit is wrong. */
  measures?: Record<string, Measure>;
}

/** Where the mapping offered for an export came from. */
export type MappingOrigin = "given" | "saved" | "guessed";

export interface StageValue {
  value: string;
  /** Rows with this value. */
  count: number;
  class: StageClass | null;
}

/** What `review_inspect` answers: the export before anything is computed. */
export interface ExportPreview {
  file: ExportFile;
  headers: string[];
  /** The first rows, cell by cell as text. */
  sample: string[][];
  /** The draft's saved mapping when the file has its columns, else the guess from the headers. */
  mapping: ReviewMapping;
  origin: MappingOrigin;
  /** The values of the mapping's stage column, most frequent first. */
  stage_values: StageValue[];
  /** The months the export's leads were created in (calendar's zone), with their lead counts, oldest first. */
  periods: { period: Period; leads: number }[];
  /** The month most leads were created in: the one offered. */
  suggested: Period | null;
  /** Months that already have figures from an export. */
  stored: Period[];
  /** Why the leads cannot be read through `mapping` (a required column not found, a bad date); null when they can. */
  read_error: string | null;
}

export type FigureSource =
  | { from: "export"; leads: number }
  | { from: "manual"; entered_by: string; note: string }
  | { from: "no_data"; reason: string; cause: string };

export interface TimeStats {
  count: number;
  /** Business hours. */
  median: number;
  p90: number;
  within_target_percent: number;
  never_contacted: number;
}

export type Status = "met" | "missed" | "no_data";


export interface MetricCompliance {
  metric_id: string;
  name: string;
  unit: Unit;
  comparator: Comparator;
  target: number;
  actual: number | null;
  status: Status;
  achieved_percent: number | null;
  misses_in_a_row: number;
  time: TimeStats | null;
  source: FigureSource | null;
  /** This period and the ones before it, oldest first. */
  trend: [Period, number | null][];
}

export type ConsequenceRef = { kind: "escalation"; index: number } | { kind: "remedy"; id: string };

export type Trigger = { condition: "missed_in_a_row"; periods: number } | { condition: "achieved_below"; percent: number };

export interface FiredConsequence {
  source: ConsequenceRef;
  metric_ids: string[];
  escalate_to: string;
  action: string;
  trigger: Trigger;
  reason: string;
  /** `YYYY-MM-DD`. */
  due: string;
}

export interface AppliedAdjustment {
  adjustment_id: string;
  kind: string;
  scope: { kind: string; id?: string };
  level_percent: number;
  tier_percent: number;
  applied_percent: number;
  capped_by: "month" | "year" | null;
  year_total_percent: number;
}

export interface Review {
  period: Period;
  review_date: string;
  metrics: MetricCompliance[];
  fired: FiredConsequence[];
  adjustments: AppliedAdjustment[];
}

/** A metric whose figure a re-import would change. */
export interface FigureChange {
  metric_id: string;
  name: string;
  before: number | null;
  after: number | null;
}

/** What `review_preview` answers: the period computed from the export, nothing stored. */
export interface ImportPreview {
  period: Period;
  /** Leads of the export created in the period. */
  leads: number;
  /** The review the period would get once stored. */
  review: Review;
  /** When the period already has figures from an export: what storing these would change. */
  changes: FigureChange[] | null;
}

export interface ImportInfo {
  id: number;
  file_name: string;
  fingerprint: string;
  format: string;
  row_count: number;
  imported_at: string;
}

/** The key a fired consequence or an adjustment is marked done under. */
export type ConsequenceKey = string;

export interface DoneAction {
  period: Period;
  consequence: ConsequenceKey;
  note: string;
  done_at: string;
}

export interface EnteredActual {
  period: Period;
  metric_id: string;
  value: number;
  entered_by: string;
  note: string;
  entered_at: string;
}

/** One stored period in the overview. */
export interface PeriodOverview {
  review: Review;
  /** The export the figures came from; null when they were only entered by hand. */
  import: ImportInfo | null;
  computed_at: string;
}

/** Everything the reviews view shows for one agreement. */
export interface ReviewOverview {
  draft_id: number;
  /** Every stored period, oldest first, each reviewed against the periods before it. */
  periods: PeriodOverview[];
  done: DoneAction[];
  entered: EnteredActual[];
  /**
   * The clause number of each thing the view cites, by key: `metric:<id>`, `escalation:<index>`,
   * `remedy:<id>`, `adjustment:<id>` (as printed in the agreement's PDF, e.g. "3.1.2").
   */
  clauses: Record<string, string>;
  /** Metric ids whose figures no export gives (entered by hand). */
  manual_metrics: string[];
  /** The agreement's term: the first and last months a figure can be entered for. */
  term: { first: Period; last: Period };
}

/** The home list's line for a signed agreement: its last reviewed period at a glance. */
export interface ReviewStatus {
  draft_id: number;
  /** null when no period has been reviewed yet. */
  period: Period | null;
  met: number;
  missed: number;
  no_data: number;
}

/** The key a consequence is stored under when marked done. */
export function consequenceKey(source: ConsequenceRef): ConsequenceKey {
  return source.kind === "escalation" ? `escalation:${source.index}` : `remedy:${source.id}`;
}

export type { Comparator, Language, Unit };
