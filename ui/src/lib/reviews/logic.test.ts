/**
 * The reviews view's logic on overviews answered by the mock backend: the grid's cells, the
 * summary, the chosen month, each chart's series and tolerance band, and what fired with its
 * done state.
 */
import { describe, expect, it } from "vitest";
import { MockBackend } from "../mock/backend";
import { amoPreview } from "../mock/reviews";
import { SEED_FIGURES, seedReviews } from "../mock/reviews-seed";
import type { Agreement } from "../types/agreement";
import type { DoneAction, ReviewOverview } from "../types/reviews";
import { chartColumns, chartModel, firstTierPercent, toleranceBand, valueRange } from "./charts";
import { adjustmentKey, doneFor, firedItems, withDone } from "./done";
import { addedPeriod, choosePeriod, complianceGrid, periodSummary, stepPeriod } from "./grid";

function seeded(months = ["2027-01", "2027-02"]) {
  const backend = new MockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
  const id = draft.info.id;
  seedReviews(backend, id, Object.fromEntries(months.map((m) => [m, SEED_FIGURES[m]])));
  const overview = () => backend.handle("review_overview", { id, language: "en" }) as ReviewOverview;
  const agreement = backend.drafts.get(id)!.agreement;
  return { backend, id, overview, agreement };
}

describe("the compliance grid", () => {
  it("has a row per metric with its clause and a cell per month, status, actual and target", () => {
    const { overview } = seeded();
    const grid = complianceGrid(overview());
    expect(grid.periods).toEqual(["2027-01", "2027-02"]);
    expect(grid.rows.map((r) => r.metricId)).toEqual([
      "mql-per-rep",
      "mql-acceptance",
      "mql-data-complete",
      "first-contact-time",
      "follow-up-attempts",
      "connect-rate",
      "rejection-reasons",
    ]);
    const acceptance = grid.rows[1];
    expect(acceptance.clause).toBe("3.1.2");
    expect(acceptance.cells.map((c) => [c.period, c.status, c.actual, c.target, c.comparator])).toEqual([
      ["2027-01", "met", 74, 70, "at_least"],
      ["2027-02", "missed", 66, 70, "at_least"],
    ]);
    const reasons = grid.rows[6].cells[0];
    expect([reasons.status, reasons.actual]).toEqual(["no_data", null]);
  });

  it("shows no data for a metric a month does not list, against its known target", () => {
    const { overview } = seeded();
    const o = overview();
    o.periods[0].review.metrics = o.periods[0].review.metrics.filter((m) => m.metric_id !== "connect-rate");
    const row = complianceGrid(o).rows.find((r) => r.metricId === "connect-rate")!;
    expect(row.cells[0]).toMatchObject({ status: "no_data", actual: null, target: 50 });
    expect(row.cells[1]).toMatchObject({ status: "met", actual: 52 });
  });

  it("counts the month's summary", () => {
    const { overview } = seeded();
    const o = overview();
    expect(periodSummary(o.periods[0].review)).toEqual({ met: 6, missed: 0, no_data: 1, total: 7 });
    expect(periodSummary(o.periods[1].review)).toEqual({ met: 3, missed: 4, no_data: 0, total: 7 });
  });
});

describe("choosing a month", () => {
  it("keeps the chosen month, else takes the latest; a new month is taken at once", () => {
    const { backend, id, overview } = seeded(["2027-01"]);
    const before = overview();
    expect(choosePeriod(before, null)).toBe("2027-01");
    expect(choosePeriod(before, "2026-12")).toBe("2027-01");
    const preview = amoPreview("feb.csv", ["2027-02"]);
    backend.reviews.addExport("/feb.csv", { preview, figures: { "2027-02": SEED_FIGURES["2027-02"] } });
    const mapping = preview.mapping;
    const after = backend.handle("review_import", { id, path: "/feb.csv", mapping, period: "2027-02", replace: false, language: "en" }) as ReviewOverview;
    expect(addedPeriod(before, after)).toBe("2027-02");
    expect(addedPeriod(after, after)).toBeNull();
    expect(choosePeriod(after, "2027-01")).toBe("2027-01");
    expect(choosePeriod({ ...after, periods: [] }, "2027-01")).toBeNull();
  });

  it("steps through the months with the arrow keys' moves, stopping at either end", () => {
    const months = ["2027-01", "2027-02", "2027-03"];
    expect(stepPeriod(months, "2027-02", 1)).toBe("2027-03");
    expect(stepPeriod(months, "2027-03", 1)).toBe("2027-03");
    expect(stepPeriod(months, "2027-01", -1)).toBe("2027-01");
    expect(stepPeriod(months, "2027-03", "first")).toBe("2027-01");
    expect(stepPeriod(months, null, "last")).toBe("2027-03");
    expect(stepPeriod([], "2027-01", 1)).toBeNull();
  });
});

describe("the charts", () => {
  it("draw a metric's actual figures against its target, with the tolerance band of its tiers", () => {
    const { overview, agreement } = seeded();
    const model = chartModel(overview(), agreement, "mql-per-rep")!;
    expect(model.time).toBe(false);
    expect(model.series.map((s) => s.key)).toEqual(["actual", "target"]);
    expect(model.series[0].values).toEqual([104, 97]);
    expect(model.statuses).toEqual(["met", "missed"]);
    // The seeded bonus adjusts from below 90 % of target: the band is 90 to 100 MQLs.
    expect(model.band).toEqual({ low: [90, 90], high: [100, 100] });
    expect(chartColumns(model)).toEqual([[0, 1], [104, 97], [100, 100], [100, 100], [90, 90]]);
    const [low, high] = valueRange(model);
    expect(low).toBe(0);
    expect(high).toBeGreaterThan(104);
  });

  it("draw a response time's median and 90th percentile, without a band outside the tiers' scope", () => {
    const { overview, agreement } = seeded();
    const model = chartModel(overview(), agreement, "first-contact-time")!;
    expect(model.time).toBe(true);
    expect(model.series.map((s) => s.key)).toEqual(["median", "p90", "target"]);
    expect(model.series[0].values).toEqual([0.8, 1.4]);
    expect(model.series[1].values).toEqual([1.6, 2.8]);
    expect(model.series[2].values).toEqual([1, 1]);
    expect(model.band).toBeNull();
    expect(chartModel(overview(), agreement, "no-such-metric")).toBeNull();
  });

  it("leave a gap where a month has no figure", () => {
    const { overview, agreement } = seeded();
    const model = chartModel(overview(), agreement, "rejection-reasons")!;
    expect(model.series[0].values).toEqual([null, 97]);
    expect(model.statuses).toEqual(["no_data", "met"]);
  });

  it("place the band by the comparator, as the level is computed", () => {
    expect(toleranceBand(70, "at_least", 80)).toEqual({ low: 56, high: 70 });
    // At most 2 hours, 80 % achieved at 2.5 hours.
    expect(toleranceBand(2, "at_most", 80)).toEqual({ low: 2, high: 2.5 });
    expect(toleranceBand(10, "exactly", 50)).toEqual({ low: 5, high: 20 });
    expect(toleranceBand(10, "at_least", null)).toBeNull();
    expect(toleranceBand(0, "at_least", 80)).toBeNull();
  });

  it("take the highest tier of the adjustments whose scope covers the metric", () => {
    const { agreement } = seeded();
    const a: Agreement = structuredClone(agreement);
    expect(firstTierPercent(a, "mql-acceptance")).toBe(90);
    expect(firstTierPercent(a, "connect-rate")).toBeNull();
    a.consequences.adjustments!.push({
      id: "all",
      kind: "budget",
      scope: { kind: "agreement" },
      tiers: [{ achieved_below_percent: 95, adjustment_percent: -2 }, { achieved_below_percent: 120, adjustment_percent: 1 }],
      cap_per_month_percent: 5,
      cap_per_year_percent: 20,
    });
    a.consequences.adjustments!.push({
      id: "one",
      kind: "bonus",
      scope: { kind: "metric", id: "connect-rate" },
      tiers: [{ achieved_below_percent: 97, adjustment_percent: -1 }],
      cap_per_month_percent: 5,
      cap_per_year_percent: 20,
    });
    // A tier at or above 100 % is no tolerance short of the target.
    expect(firstTierPercent(a, "mql-acceptance")).toBe(95);
    expect(firstTierPercent(a, "connect-rate")).toBe(97);
  });
});

describe("what fired", () => {
  it("lists the fired steps with their clauses, then the adjustments, each with its done state", () => {
    const { backend, id, overview } = seeded(["2027-01", "2027-02", "2027-03"]);
    let o = overview();
    const march = o.periods[2].review;
    march.adjustments = [
      {
        adjustment_id: "lead-bonus",
        kind: "bonus",
        scope: { kind: "commitment", id: "mkt-leads" },
        level_percent: 87.9,
        tier_percent: -5,
        applied_percent: -5,
        capped_by: null,
        year_total_percent: -10,
      },
    ];
    const items = firedItems(march, o);
    // Two misses in a row fire the first step; the second needs three.
    expect(items.map((i) => [i.kind, i.key, i.clause, i.done])).toEqual([
      ["escalation", "escalation:0", "6.1.1", null],
      ["adjustment", "adjustment:lead-bonus", null, null],
    ]);
    expect(adjustmentKey(march.adjustments[0])).toBe("adjustment:lead-bonus");

    const done = backend.handle("review_mark_done", { id, period: "2027-03", consequence: "escalation:0", note: "Agreed a fix", done: true }) as DoneAction[];
    o = withDone(o, done);
    expect(doneFor(o.done, "2027-03", "escalation:0")?.note).toBe("Agreed a fix");
    expect(doneFor(o.done, "2027-02", "escalation:0")).toBeNull();
    expect(firedItems(march, o)[0].done?.note).toBe("Agreed a fix");
    // The periods are kept as they were: marking changes no figure.
    expect(o.periods[2].review).toBe(march);

    const undone = backend.handle("review_mark_done", { id, period: "2027-03", consequence: "escalation:0", note: "", done: false }) as typeof done;
    expect(firedItems(march, withDone(o, undone))[0].done).toBeNull();
  });
});
