/**
 * The import panel's and the figure form's logic, kept out of the components so that it can be
 * tested without a window: which column is what, which stage values mean what, which month to
 * store, and how a figure typed by hand is read.
 */
import { locale, t } from "../i18n.svelte";
import { formatValue } from "./format";
import type { Agreement, Unit } from "../types/agreement";
import type {
  ColumnMapping,
  CsvEncoding,
  ExportFormat,
  ExportPreview,
  MetricCompliance,
  Period,
  ReviewOverview,
  StageClass,
  StageValue,
} from "../types/reviews";
import { OPTIONAL_COLUMNS } from "../types/reviews";

/** Every column a mapping names, in the order the form shows them. */
export const MAPPING_FIELDS = ["id", "created", ...OPTIONAL_COLUMNS] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/** The columns without which no lead can be read. */
export const REQUIRED_FIELDS: readonly MappingField[] = ["id", "created"];

/** The message ids of each field's label and its guidance. */
export const FIELD_MESSAGES: Record<MappingField, { label: string; guide: string }> = {
  id: { label: "import-field-id", guide: "import-guide-id" },
  created: { label: "import-field-created", guide: "import-guide-created" },
  owner: { label: "import-field-owner", guide: "import-guide-owner" },
  stage: { label: "import-field-stage", guide: "import-guide-stage" },
  mql_date: { label: "import-field-mql-date", guide: "import-guide-mql-date" },
  accepted_date: { label: "import-field-accepted-date", guide: "import-guide-accepted-date" },
  rejection_reason: { label: "import-field-rejection-reason", guide: "import-guide-rejection-reason" },
  first_contact: { label: "import-field-first-contact", guide: "import-guide-first-contact" },
  attempts: { label: "import-field-attempts", guide: "import-guide-attempts" },
};

/** The column a field is mapped to; "" when none. */
export function columnOf(columns: ColumnMapping, field: MappingField): string {
  return columns[field] ?? "";
}

/** The mapping with `field` read from `header` ("" for none: optional fields become null). */
export function withColumn(columns: ColumnMapping, field: MappingField, header: string): ColumnMapping {
  const next = { ...columns };
  if (field === "id" || field === "created") next[field] = header;
  else next[field] = header === "" ? null : header;
  return next;
}

export interface MappingProblems {
  /** Required fields with no column, or with a column the file does not have. */
  missing: MappingField[];
  /** Optional fields naming a column the file does not have (a mapping saved from another export). */
  unknown: MappingField[];
  /** Columns read as two or more fields, with those fields. */
  shared: { header: string; fields: MappingField[] }[];
}

/** What is wrong with a mapping for a file with `headers`: `missing` blocks, the rest warns. */
export function mappingProblems(columns: ColumnMapping, headers: readonly string[]): MappingProblems {
  const known = new Set(headers);
  const missing: MappingField[] = [];
  const unknown: MappingField[] = [];
  const byHeader = new Map<string, MappingField[]>();
  for (const field of MAPPING_FIELDS) {
    const header = columnOf(columns, field);
    if (header === "" || !known.has(header)) {
      if (REQUIRED_FIELDS.includes(field)) missing.push(field);
      else if (header !== "") unknown.push(field);
      continue;
    }
    byHeader.set(header, [...(byHeader.get(header) ?? []), field]);
  }
  const shared = [...byHeader].filter(([, fields]) => fields.length > 1).map(([header, fields]) => ({ header, fields }));
  return { missing, unknown, shared };
}

/** Whether the leads can be read through the mapping at all. */
export function mappingUsable(columns: ColumnMapping, headers: readonly string[]): boolean {
  return mappingProblems(columns, headers).missing.length === 0;
}

/** What each stage value currently means: the mapping's lists first, else the reader's guess. */
export function stageClasses(columns: ColumnMapping, values: readonly StageValue[]): Map<string, StageClass | null> {
  const out = new Map<string, StageClass | null>();
  for (const v of values) out.set(v.value, classInMapping(columns, v.value) ?? null);
  return out;
}

function classInMapping(columns: ColumnMapping, value: string): StageClass | undefined {
  if (columns.rejected_values.includes(value)) return "rejected";
  if (columns.accepted_values.includes(value)) return "accepted";
  if (columns.mql_values.includes(value)) return "delivered";
  return undefined;
}

/** The mapping with `value` meaning `cls` (null: other, in none of the lists). */
export function withStageClass(columns: ColumnMapping, value: string, cls: StageClass | null): ColumnMapping {
  const without = (list: string[]) => list.filter((v) => v !== value);
  const next = {
    ...columns,
    mql_values: without(columns.mql_values),
    accepted_values: without(columns.accepted_values),
    rejected_values: without(columns.rejected_values),
  };
  if (cls === "delivered") next.mql_values.push(value);
  if (cls === "accepted") next.accepted_values.push(value);
  if (cls === "rejected") next.rejected_values.push(value);
  return next;
}

/** The mapping's stage lists rebuilt from a new stage column's values and their guessed classes. */
export function withStageValues(columns: ColumnMapping, values: readonly StageValue[]): ColumnMapping {
  let next: ColumnMapping = { ...columns, mql_values: [], accepted_values: [], rejected_values: [] };
  for (const v of values) next = withStageClass(next, v.value, v.class);
  return next;
}

/** The message id naming a CSV encoding in words. */
export function encodingMessage(encoding: CsvEncoding): string {
  const ids: Record<CsvEncoding, string> = {
    utf8: "import-encoding-utf8",
    "utf8-bom": "import-encoding-utf8-bom",
    "utf16-le": "import-encoding-utf16-le",
    "utf16-be": "import-encoding-utf16-be",
    windows1251: "import-encoding-windows1251",
    windows1252: "import-encoding-windows1252",
  };
  return ids[encoding] ?? "import-encoding-utf8";
}

/** The message id naming a CSV separator in words. */
export function separatorMessage(separator: string): string {
  if (separator === ";") return "import-separator-semicolon";
  if (separator === ",") return "import-separator-comma";
  if (separator === "\t") return "import-separator-tab";
  return "import-separator-other";
}

/** The encoding and separator lines of a format, as message ids with their arguments. */
export function formatMessages(format: ExportFormat): { encoding: [string, Record<string, string>]; separator: [string, Record<string, string>] } {
  if (format.kind === "xlsx") {
    return { encoding: ["import-encoding-xlsx", {}], separator: ["import-separator-sheet", { sheet: format.sheet }] };
  }
  return { encoding: [encodingMessage(format.encoding), {}], separator: [separatorMessage(format.separator), { separator: format.separator }] };
}

export interface PeriodOption {
  period: Period;
  /** Leads the export has in the month; null when its leads cannot be read yet. */
  leads: number | null;
  /** The period already has figures from an export: storing again replaces them, when asked. */
  stored: boolean;
}

/** The months an export offers, newest first (the one usually wanted), each marked when stored. */
export function periodOptions(preview: Pick<ExportPreview, "periods" | "stored">): PeriodOption[] {
  const stored = new Set(preview.stored);
  return [...preview.periods].reverse().map((p) => ({ period: p.period, leads: p.leads, stored: stored.has(p.period) }));
}

/**
 * The term's months, newest first, for an export whose leads the offered mapping cannot read (so
 * its months are unknown until the person corrects the mapping and computes).
 */
export function termPeriodOptions(term: { first: Period; last: Period }, stored: readonly Period[]): PeriodOption[] {
  const done = new Set(stored);
  return monthsBetween(term.first, term.last)
    .reverse()
    .map((period) => ({ period, leads: null, stored: done.has(period) }));
}

/** The month to offer first: the suggested one when the export has it, else the newest. */
export function initialPeriod(preview: Pick<ExportPreview, "periods" | "suggested">): Period | null {
  if (preview.suggested && preview.periods.some((p) => p.period === preview.suggested)) return preview.suggested;
  return preview.periods.length ? preview.periods[preview.periods.length - 1].period : null;
}

const PERIOD = /^(\d{4})-(\d{2})$/;

/** Every month from `first` to `last`, inclusive, oldest first (none when either is not a month). */
export function monthsBetween(first: Period, last: Period): Period[] {
  const a = PERIOD.exec(first);
  const b = PERIOD.exec(last);
  if (!a || !b) return [];
  const out: Period[] = [];
  const end = Number(b[1]) * 12 + Number(b[2]) - 1;
  // A term runs for a few years at most; the cap keeps a malformed one from building a huge list.
  for (let m = Number(a[1]) * 12 + Number(a[2]) - 1; m <= end && out.length < 1200; m++) {
    out.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

export interface FigureMetric {
  id: string;
  name: string;
  unit: Unit;
  /** No export gives its figure: it is entered by hand. */
  manual: boolean;
}

/**
 * The metrics a figure can be entered for: those no export gives first, then the rest, each in
 * the agreement's order. Names and units come from the agreement, else from a stored review.
 */
export function figureMetrics(overview: ReviewOverview, agreement: Pick<Agreement, "commitments"> | null): FigureMetric[] {
  const manual = new Set(overview.manual_metrics);
  const seen = new Map<string, FigureMetric>();
  for (const c of agreement?.commitments ?? []) {
    for (const m of c.metrics) seen.set(m.id, { id: m.id, name: m.name, unit: m.unit, manual: manual.has(m.id) });
  }
  for (const p of overview.periods) {
    for (const m of p.review.metrics) {
      if (!seen.has(m.metric_id)) seen.set(m.metric_id, { id: m.metric_id, name: m.name, unit: m.unit, manual: manual.has(m.metric_id) });
    }
  }
  const all = [...seen.values()];
  return [...all.filter((m) => m.manual), ...all.filter((m) => !m.manual)];
}

/** The period a figure form offers first: the one asked for, else the newest stored, else the term's first. */
export function initialFigurePeriod(overview: ReviewOverview, asked: Period | null): Period {
  const months = monthsBetween(overview.term.first, overview.term.last);
  if (asked && months.includes(asked)) return asked;
  const stored = overview.periods.map((p) => p.review.period).filter((p) => months.includes(p));
  return stored[stored.length - 1] ?? months[0] ?? overview.term.first;
}

/**
 * A number as a person types it: "12.5", "12,5" (the Russian decimal comma), "1 200", "85%".
 * Null when it is not one.
 */
export function parseFigure(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(/%$/, "");
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  const value = Number(compact.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** The figure a metric had in a stored period, to show what a hand-entered one replaces. */
export function storedFigure(overview: ReviewOverview, metric: string, period: Period): MetricCompliance | null {
  const stored = overview.periods.find((p) => p.review.period === period);
  return stored?.review.metrics.find((m) => m.metric_id === metric) ?? null;
}

/** A figure as the grid writes it ("85 %", "4 h 15 min"), or that there is none. */
export function formatFigure(value: number | null, unit: Unit): string {
  return value === null ? t("import-no-figure") : formatValue(value, unit, locale.current);
}

/** The file name of a path, whichever separator the system writes. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
