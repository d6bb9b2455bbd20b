import { describe, expect, it } from "vitest";
import { STEPS, findingsByStep, stepFilled, stepStatus } from "./steps";
import type { Finding } from "./types/ipc";
import { example } from "../test/fixtures";

const finding = (field: string, severity: Finding["severity"] = "error"): Finding => ({
  id: "x",
  severity,
  field,
  message: "m",
  fix: "f",
});

describe("step completeness", () => {
  it("counts every step of the shipped example as filled once signatories exist", () => {
    const a = example();
    for (const step of STEPS) expect(stepFilled(step, a), step).toBe(true);
  });

  it("needs both heads, a service in each direction and a review date on step 1", () => {
    const a = example();
    a.parties.sales.head.name = " ";
    expect(stepFilled("parties", a)).toBe(false);
    a.parties.sales.head.name = "Igor";
    a.commitments = a.commitments.filter((c) => c.provider === "marketing");
    expect(stepFilled("parties", a)).toBe(false);
    const b = example();
    b.term.review_dates = [];
    expect(stepFilled("parties", b)).toBe(false);
  });

  it("needs metrics with a definition and a data source on step 2", () => {
    const a = example();
    a.commitments[1].metrics[2].data_source = "";
    expect(stepFilled("performance", a)).toBe(false);
    const b = example();
    b.commitments[0].metrics = [];
    expect(stepFilled("performance", b)).toBe(false);
    const c = example();
    c.commitments[0].metrics[0].collection = { method: "manual", reason: "" };
    expect(stepFilled("performance", c)).toBe(false);
  });

  it("needs a review cadence and reviewers on step 3", () => {
    const a = example();
    a.monitoring.review_cadence = null;
    expect(stepFilled("monitoring", a)).toBe(false);
    const b = example();
    b.monitoring.reviewers = [""];
    expect(stepFilled("monitoring", b)).toBe(false);
  });

  it("needs a sensible business day only when deadlines count business hours", () => {
    const a = example();
    a.deadlines.calendar.day_end = "08:00";
    expect(stepFilled("deadlines", a)).toBe(false);
    a.deadlines.basis = "calendar";
    expect(stepFilled("deadlines", a)).toBe(true);
    a.deadlines.rules[0].response = null;
    a.deadlines.rules[0].resolution = null;
    expect(stepFilled("deadlines", a)).toBe(false);
  });

  it("needs capped adjustments on step 5 when there are any", () => {
    const a = example();
    a.consequences.adjustments = [
      { id: "b", kind: "bonus", scope: { kind: "agreement" }, tiers: [], cap_per_month_percent: 10, cap_per_year_percent: 20 },
    ];
    expect(stepFilled("consequences", a)).toBe(false);
    a.consequences.adjustments[0].tiers.push({ achieved_below_percent: 90, adjustment_percent: -5 });
    expect(stepFilled("consequences", a)).toBe(true);
  });

  it("needs a named signatory for each side on step 7", () => {
    const a = example();
    a.signatories = a.signatories.filter((s) => s.side === "sales");
    expect(stepFilled("signoff", a)).toBe(false);
  });

  it("flags a step with an error finding in it, and review with any error", () => {
    const a = example();
    const findings = [finding("commitments[1].metrics[0].owner"), finding("monitoring.reviewers", "warning")];
    expect(stepStatus("performance", a, findings)).toBe("attention");
    expect(stepStatus("monitoring", a, findings)).toBe("complete");
    expect(stepStatus("parties", a, findings)).toBe("complete");
    expect(stepStatus("review", a, findings)).toBe("attention");
    expect(stepStatus("review", a, [])).toBe("complete");
  });

  it("groups findings by the step that fixes them", () => {
    const grouped = findingsByStep([
      finding("title"),
      finding("commitments"),
      finding("commitments[0].service"),
      finding("commitments[0].metrics[2].collection.reason"),
      finding("deadlines.rules[1].response"),
      finding("consequences.remedies[0].scope"),
      finding("signatories[1].name"),
      finding(""),
    ]);
    expect(grouped.parties).toHaveLength(3);
    expect(grouped.performance).toHaveLength(1);
    expect(grouped.deadlines).toHaveLength(1);
    expect(grouped.consequences).toHaveLength(1);
    expect(grouped.signoff).toHaveLength(1);
    expect(grouped.review).toHaveLength(1);
  });
});
