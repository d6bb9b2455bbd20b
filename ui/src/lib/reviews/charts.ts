/**
 * What each metric's chart draws: its actual figure (or, for a response time, the median and the
 * 90th percentile) over the stored periods against the target line, and the tolerance band where
 * the agreement adjusts a bonus or budget by tiers. Pure: the chart component hands the arrays to
 * uPlot as they are.
 */
import type { Agreement } from "../types/agreement";
import type { Comparator, Period, ReviewOverview, Status, Unit } from "../types/reviews";

export type SeriesKey = "actual" | "median" | "p90" | "target";

export interface ChartSeries {
  key: SeriesKey;
  values: (number | null)[];
}

export interface ChartModel {
  metricId: string;
  name: string;
  unit: Unit;
  comparator: Comparator;
  /** A response time: the median and the 90th percentile are drawn instead of one figure. */
  time: boolean;
  periods: Period[];
  statuses: Status[];
  /** The lines, target last. */
  series: ChartSeries[];
  /** Where a miss is tolerated before the first tier adjusts anything; null without tiers. */
  band: { low: (number | null)[]; high: (number | null)[] } | null;
}

const TIME_UNITS: Unit[] = ["business_hours", "hours", "minutes"];

/** Which metrics the agreement sets in which commitment. */
function commitmentOf(agreement: Agreement, metricId: string): string | null {
  return agreement.commitments.find((c) => c.metrics.some((m) => m.id === metricId))?.id ?? null;
}

/**
 * The highest level (percent of target) below which some tier of an adjustment covering the
 * metric applies; null when none does, or when it would not lie short of the target.
 */
export function firstTierPercent(agreement: Agreement, metricId: string): number | null {
  const commitment = commitmentOf(agreement, metricId);
  let highest: number | null = null;
  for (const adjustment of agreement.consequences.adjustments ?? []) {
    const scope = adjustment.scope;
    const covers =
      scope.kind === "agreement" ||
      (scope.kind === "commitment" && scope.id === commitment) ||
      (scope.kind === "metric" && scope.id === metricId);
    if (!covers) continue;
    for (const tier of adjustment.tiers) {
      const p = tier.achieved_below_percent;
      if (p > 0 && p < 100 && (highest === null || p > highest)) highest = p;
    }
  }
  return highest;
}

/**
 * The band between the target and the figure at which the first tier starts, in the metric's
 * unit. The level is the percent of target achieved as `sla-compliance` computes it: actual over
 * target for "at least", target over actual for "at most", the worse of both for "exactly".
 */
export function toleranceBand(target: number, comparator: Comparator, tierPercent: number | null): { low: number; high: number } | null {
  if (tierPercent === null || !Number.isFinite(target) || target <= 0) return null;
  const ratio = tierPercent / 100;
  switch (comparator) {
    case "at_least":
      return { low: target * ratio, high: target };
    case "at_most":
      return { low: target, high: target / ratio };
    case "exactly":
      return { low: target * ratio, high: target / ratio };
  }
}

/** A response time's statistic in the metric's unit (the statistics come in business hours). */
function inUnit(hours: number | null | undefined, unit: Unit): number | null {
  if (hours === null || hours === undefined) return null;
  return unit === "minutes" ? hours * 60 : hours;
}

/** The chart of one metric over every stored period of the overview, oldest first. */
export function chartModel(overview: ReviewOverview, agreement: Agreement, metricId: string): ChartModel | null {
  const rows = overview.periods.map((p) => p.review.metrics.find((m) => m.metric_id === metricId) ?? null);
  const latest = [...rows].reverse().find((m) => m !== null);
  if (!latest) return null;
  const periods = overview.periods.map((p) => p.review.period);
  const time = TIME_UNITS.includes(latest.unit) && rows.some((m) => m?.time);
  const targets = rows.map((m) => m?.target ?? latest.target);
  const series: ChartSeries[] = time
    ? [
        { key: "median", values: rows.map((m) => inUnit(m?.time?.median, latest.unit)) },
        { key: "p90", values: rows.map((m) => inUnit(m?.time?.p90, latest.unit)) },
      ]
    : [{ key: "actual", values: rows.map((m) => m?.actual ?? null) }];
  series.push({ key: "target", values: targets });
  const tier = firstTierPercent(agreement, metricId);
  const bands = targets.map((target, i) => toleranceBand(target, rows[i]?.comparator ?? latest.comparator, tier));
  return {
    metricId,
    name: latest.name,
    unit: latest.unit,
    comparator: latest.comparator,
    time,
    periods,
    statuses: rows.map((m) => m?.status ?? "no_data"),
    series,
    band: bands.some((b) => b) ? { low: bands.map((b) => b?.low ?? null), high: bands.map((b) => b?.high ?? null) } : null,
  };
}

/**
 * The columns uPlot draws, x first (the periods' positions 0, 1, …), then each series of the
 * model, then the band's high and low edges when there is a band.
 */
export function chartColumns(model: ChartModel): (number | null)[][] {
  const x = model.periods.map((_, i) => i);
  const columns: (number | null)[][] = [x, ...model.series.map((s) => s.values)];
  if (model.band) columns.push(model.band.high, model.band.low);
  return columns;
}

/** The range of the y axis: zero to a little above everything drawn, so every line shows. */
export function valueRange(model: ChartModel): [number, number] {
  let max = 0;
  let min = 0;
  for (const column of chartColumns(model).slice(1)) {
    for (const v of column) {
      if (v !== null && Number.isFinite(v)) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
  }
  if (model.unit === "percent") max = Math.min(Math.max(max, 0) * 1.1, Math.max(100, max));
  else max = max * 1.15;
  return [min, max > min ? max : min + 1];
}
