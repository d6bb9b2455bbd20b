/**
 * The compliance grid: every metric (rows) against every stored period (columns), and the
 * counts of the chosen period's summary. Pure functions of the overview the backend answers.
 */
import type { Comparator, MetricCompliance, Period, ReviewOverview, Review, Status, Unit } from "../types/reviews";

export interface GridCell {
  period: Period;
  metricId: string;
  status: Status;
  actual: number | null;
  target: number;
  comparator: Comparator;
  unit: Unit;
}

export interface GridRow {
  metricId: string;
  name: string;
  unit: Unit;
  /** The clause the metric is set in (e.g. "3.1.2"), when the agreement numbers it. */
  clause: string | null;
  cells: GridCell[];
}

export interface Grid {
  periods: Period[];
  rows: GridRow[];
}

/**
 * The grid of an overview. Rows follow the agreement's order as the latest period lists its
 * metrics; a metric a period does not list (the agreement gained it later) shows no data there,
 * against the target it has where it is known.
 */
export function complianceGrid(overview: ReviewOverview): Grid {
  const periods = overview.periods.map((p) => p.review.period);
  const byPeriod = overview.periods.map((p) => new Map(p.review.metrics.map((m) => [m.metric_id, m])));
  const order: MetricCompliance[] = [];
  const seen = new Set<string>();
  for (const p of [...overview.periods].reverse()) {
    for (const m of p.review.metrics) {
      if (!seen.has(m.metric_id)) {
        seen.add(m.metric_id);
        order.push(m);
      }
    }
  }
  const rows = order.map((latest): GridRow => ({
    metricId: latest.metric_id,
    name: latest.name,
    unit: latest.unit,
    clause: overview.clauses[`metric:${latest.metric_id}`] ?? null,
    cells: periods.map((period, i): GridCell => {
      const m = byPeriod[i].get(latest.metric_id);
      return {
        period,
        metricId: latest.metric_id,
        status: m?.status ?? "no_data",
        actual: m?.actual ?? null,
        target: m?.target ?? latest.target,
        comparator: m?.comparator ?? latest.comparator,
        unit: m?.unit ?? latest.unit,
      };
    }),
  }));
  return { periods, rows };
}

export interface PeriodSummary {
  met: number;
  missed: number;
  no_data: number;
  total: number;
}

export function periodSummary(review: Review): PeriodSummary {
  const count = (s: Status) => review.metrics.filter((m) => m.status === s).length;
  return { met: count("met"), missed: count("missed"), no_data: count("no_data"), total: review.metrics.length };
}

/**
 * The period to show: the one asked for when the overview has it, else the latest stored one
 * (after an import of a new month, the caller asks for that month); null when there is none.
 */
export function choosePeriod(overview: ReviewOverview, wanted: Period | null): Period | null {
  const periods = overview.periods.map((p) => p.review.period);
  if (wanted && periods.includes(wanted)) return wanted;
  return periods.length ? periods[periods.length - 1] : null;
}

/** The period an import or an entered figure added, to show it at once; null when none is new. */
export function addedPeriod(before: ReviewOverview | null, after: ReviewOverview): Period | null {
  const had = new Set(before?.periods.map((p) => p.review.period) ?? []);
  const added = after.periods.map((p) => p.review.period).filter((p) => !had.has(p));
  return added.length ? added[added.length - 1] : null;
}

/** The period `step` places from `current` among `periods` (for the arrow keys on the tabs). */
export function stepPeriod(periods: Period[], current: Period | null, step: number | "first" | "last"): Period | null {
  if (!periods.length) return null;
  if (step === "first") return periods[0];
  if (step === "last") return periods[periods.length - 1];
  const at = current ? periods.indexOf(current) : -1;
  const next = Math.min(periods.length - 1, Math.max(0, (at < 0 ? 0 : at) + step));
  return periods[next];
}
