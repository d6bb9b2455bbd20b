/* Shapes the Tauri commands exchange with the window, besides the agreement itself. */
import type { Agreement, Metric, Side } from "./agreement";

export type Language = "en" | "ru";

export interface DraftInfo {
  id: number;
  title: string;
  marketing: string;
  sales: string;
  version: number;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

export interface Draft {
  info: DraftInfo;
  agreement: Agreement;
}

export interface TemplateInfo {
  name: string;
  summary: string;
}

export interface HistoryEntry {
  version: number;
  saved_at: string;
  title: string;
  note: string;
}

export type Severity = "error" | "warning" | "info";

export interface Finding {
  id: string;
  severity: Severity;
  /** Path of the field it points at, e.g. `commitments[0].metrics[1].owner`; empty for the whole agreement. */
  field: string;
  message: string;
  fix: string;
}

/** A ready metric with the reason it is a good one and where the advice comes from. */
export interface LibraryMetric {
  metric: Metric;
  reason: string;
  source: string;
  /** The side that provides the service the metric measures. */
  provider?: Side;
  side?: Side;
}

/** What the funnel calculator needs: the revenue goal and the funnel from lead to customer. */
export interface FunnelInput {
  revenue_goal: number;
  average_deal_size: number;
  /** Stage-to-stage conversion rates, in percent, from MQL to customer. */
  stages: FunnelStage[];
  reps: number;
  /** Months the revenue goal covers. */
  months: number;
}

export interface FunnelStage {
  name: string;
  conversion_percent: number;
}

export interface FunnelResult {
  customers: number;
  mqls: number;
  mqls_per_month: number;
  mqls_per_rep_per_month: number;
  [key: string]: unknown;
}

export interface ExportResult {
  path: string;
  bytes: number;
  pages: number;
}

export interface AppInfo {
  name: string;
  version: string;
  publisher: string;
  data_dir: string;
}

/** How every command rejects. */
export interface CommandError {
  kind: string;
  message: string;
  field?: string;
}
