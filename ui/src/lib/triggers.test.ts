import { describe, expect, it } from "vitest";
import templateEn from "../../../src-tauri/crates/sla-templates/builtin/sales-marketing.en.json";
import templateRu from "../../../src-tauri/crates/sla-templates/builtin/sales-marketing.ru.json";
import { newEscalationStep, newRemedy } from "./defaults";
import {
  conditionOf,
  defaultPeriods,
  describeTrigger,
  setCondition,
  setThreshold,
  thresholdOf,
  validThreshold,
  type Triggered,
} from "./triggers";
import type { Agreement } from "./types/agreement";

const template = (lang: "en" | "ru"): Agreement => structuredClone((lang === "en" ? templateEn : templateRu) as Agreement);

describe("choosing when a consequence fires", () => {
  it("sets `when` for a condition and removes the key for 'not measured'", () => {
    const item: Triggered = { trigger: "Written by hand" };
    setCondition(item, "missed_in_a_row", 3, "en");
    expect(item.when).toEqual({ condition: "missed_in_a_row", periods: 3 });
    setCondition(item, "achieved_below", 3, "en");
    expect(item.when).toEqual({ condition: "achieved_below", percent: 80 });
    setCondition(item, "none", 3, "en");
    expect("when" in item).toBe(false);
    expect(conditionOf(item)).toBe("none");
    expect(thresholdOf(item)).toBeNull();
    // The person's own words are never replaced.
    expect(item.trigger).toBe("Written by hand");
  });

  it("keeps the threshold when the same condition is chosen again", () => {
    const item: Triggered = { trigger: "x", when: { condition: "missed_in_a_row", periods: 5 } };
    setCondition(item, "missed_in_a_row", 2, "en");
    expect(item.when).toEqual({ condition: "missed_in_a_row", periods: 5 });
  });

  it("writes the description while it is empty or still the wizard's, in the agreement's language", () => {
    const item: Triggered = { trigger: "" };
    setCondition(item, "missed_in_a_row", 2, "ru");
    expect(item.trigger).toBe("Цель не достигнута 2 периода подряд");
    expect(setThreshold(item, 5, "ru")).toBe(true);
    expect(item.trigger).toBe("Цель не достигнута 5 периодов подряд");
    setThreshold(item, 1, "ru");
    expect(item.trigger).toBe("Цель не достигнута за период");
    setThreshold(item, 21, "ru");
    expect(item.trigger).toBe("Цель не достигнута 21 период подряд");
    setCondition(item, "achieved_below", 2, "ru");
    expect(item.trigger).toBe("Выполнение ниже 80 % от цели");
    setThreshold(item, 72.5, "ru");
    expect(item.trigger).toBe("Выполнение ниже 72,5 % от цели");
    setCondition(item, "none", 2, "ru");
    expect(item.trigger).toBe("");

    item.trigger = "Two bad months";
    setCondition(item, "missed_in_a_row", 2, "en");
    setThreshold(item, 3, "en");
    expect(item.trigger).toBe("Two bad months");
    expect(describeTrigger("en", { condition: "missed_in_a_row", periods: 1 })).toBe("The target is missed in one period");
    expect(describeTrigger("en", { condition: "achieved_below", percent: 80 })).toBe("The achieved level is below 80% of target");
  });

  it("refuses thresholds the review could never meet, leaving the last good one", () => {
    const item: Triggered = { trigger: "t", when: { condition: "missed_in_a_row", periods: 2 } };
    for (const bad of [0, -1, 1.5, 25, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(setThreshold(item, bad, "en"), String(bad)).toBe(false);
    }
    expect(item.when).toEqual({ condition: "missed_in_a_row", periods: 2 });
    expect(setThreshold(item, 24, "en")).toBe(true);

    setCondition(item, "achieved_below", 2, "en");
    for (const bad of [0, 0.5, 100.1, 150, -80]) expect(setThreshold(item, bad, "en"), String(bad)).toBe(false);
    expect(item.when).toEqual({ condition: "achieved_below", percent: 80 });
    expect(setThreshold(item, 100, "en")).toBe(true);
    expect(setThreshold(item, 62.5, "en")).toBe(true);
    expect(item.when).toEqual({ condition: "achieved_below", percent: 62.5 });

    const none: Triggered = { trigger: "t" };
    expect(setThreshold(none, 2, "en")).toBe(false);
    expect("when" in none).toBe(false);
    expect(validThreshold("missed_in_a_row", 1)).toBe(true);
  });
});

describe("new escalation steps and remedies", () => {
  it("start the ladder at two misses and give each next level one more", () => {
    expect([0, 1, 2, 3].map(defaultPeriods)).toEqual([2, 3, 4, 5]);
    const a = template("en");
    a.consequences.escalation = [];
    const first = newEscalationStep(a);
    expect(first.when).toEqual({ condition: "missed_in_a_row", periods: 2 });
    expect(first.trigger).toBe("The target is missed 2 periods in a row");
    expect(first.after_days).toBe(0);
    expect("scope" in first).toBe(false);
    a.consequences.escalation.push(first);
    const second = newEscalationStep(a);
    expect(second.when).toEqual({ condition: "missed_in_a_row", periods: 3 });
    expect(second.after_days).toBe(14);
    a.consequences.escalation.push(second);
    expect(newEscalationStep(a).when).toEqual({ condition: "missed_in_a_row", periods: 4 });
  });

  it("give a remedy a real shortfall, described in the agreement's language", () => {
    const r = newRemedy(template("ru"));
    expect(r.when).toEqual({ condition: "achieved_below", percent: 80 });
    expect(r.trigger).toBe("Выполнение ниже 80 % от цели");
    expect(r.scope).toEqual({ kind: "agreement" });
  });
});
