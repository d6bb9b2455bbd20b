import { describe, expect, it } from "vitest";
import { mergeInto, uniqueId } from "./merge";
import { example } from "../test/fixtures";

describe("mergeInto", () => {
  it("changes only what differs and keeps every unchanged object in place", () => {
    const target = example();
    const firstCommitment = target.commitments[0];
    const firstMetric = target.commitments[0].metrics[0];
    const next = example();
    next.commitments[0].metrics[0].target = 48;
    next.commitments[1].metrics[0].collection = { method: "manual", reason: "no CRM field" };
    mergeInto(target, next);
    expect(target).toEqual(next);
    expect(target.commitments[0]).toBe(firstCommitment);
    expect(target.commitments[0].metrics[0]).toBe(firstMetric);
    expect(firstMetric.target).toBe(48);
  });

  it("replaces a list whose length changed", () => {
    const target = example();
    const next = example();
    next.term.review_dates.push("2028-01-01");
    mergeInto(target, next);
    expect(target.term.review_dates).toHaveLength(5);
  });
});

describe("uniqueId", () => {
  it("makes a readable id that is not taken", () => {
    expect(uniqueId("MQLs per rep", [])).toBe("mqls-per-rep");
    expect(uniqueId("MQLs per rep", ["mqls-per-rep"])).toBe("mqls-per-rep-2");
    expect(uniqueId("Время до контакта", [])).toBe("время-до-контакта");
    expect(uniqueId("  ", [], "metric")).toBe("metric");
  });
});
