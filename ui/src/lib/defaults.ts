/**
 * Good defaults for everything the wizard adds: a new metric is measured monthly, recorded
 * automatically and answered for by the side that provides the service; a new deadline rule is a
 * lead tier owned by sales. Texts are in the agreement's language, not the interface's.
 */
import { translate } from "./i18n.svelte";
import { uniqueId } from "./merge";
import { DEFAULT_PERCENT, defaultPeriods, describeTrigger } from "./triggers";
import type {
  Adjustment,
  Agreement,
  Commitment,
  DeadlineRule,
  EscalationStep,
  Metric,
  Remedy,
  Report,
  Side,
  Signatory,
  Trigger,
} from "./types/agreement";

export function allIds(a: Agreement): string[] {
  return [
    ...a.commitments.map((c) => c.id),
    ...a.commitments.flatMap((c) => c.metrics.map((m) => m.id)),
    ...a.deadlines.rules.map((r) => r.id),
    ...a.consequences.remedies.map((r) => r.id),
    ...(a.consequences.adjustments ?? []).map((r) => r.id),
  ];
}

export function newCommitment(a: Agreement, provider: Side): Commitment {
  const service = translate(a.language, provider === "marketing" ? "default-service-marketing" : "default-service-sales");
  return { id: uniqueId(`${provider}-service`, allIds(a)), provider, service, description: "", metrics: [] };
}

export function newMetric(a: Agreement, commitment: Commitment): Metric {
  return {
    id: uniqueId(`${commitment.id}-metric`, allIds(a)),
    name: "",
    definition: "",
    kind: commitment.provider === "marketing" ? "volume" : "speed",
    flow: "mql",
    unit: commitment.provider === "marketing" ? "count" : "business_hours",
    comparator: commitment.provider === "marketing" ? "at_least" : "at_most",
    target: commitment.provider === "marketing" ? 100 : 1,
    window: "month",
    data_source: translate(a.language, "default-data-source"),
    collection: { method: "automatic" },
    owner: commitment.provider,
  };
}

/** A copy of a library metric with an id that is free in this agreement. */
export function metricFromLibrary(a: Agreement, metric: Metric): Metric {
  return { ...structuredClone(metric), id: uniqueId(metric.id || metric.name, allIds(a)) };
}

export function newReport(a: Agreement): Report {
  return {
    name: translate(a.language, "default-report-name"),
    contents: "",
    owner: translate(a.language, "default-report-owner"),
    frequency: "weekly",
  };
}

export function newRule(a: Agreement): DeadlineRule {
  return {
    id: uniqueId("rule", allIds(a)),
    category: "lead_tier",
    applies_to: "",
    owner: "sales",
    response: { value: 1, unit: "hours" },
    resolution: { value: 3, unit: "days" },
  };
}

/** Level n of the ladder fires after n + 1 misses in a row: one miss is noise, two a pattern. */
export function newEscalationStep(a: Agreement): EscalationStep {
  const level = a.consequences.escalation.length;
  const when: Trigger = { condition: "missed_in_a_row", periods: defaultPeriods(level) };
  return {
    trigger: describeTrigger(a.language, when),
    escalate_to: translate(a.language, level === 0 ? "default-escalate-head" : "default-escalate-ceo"),
    after_days: level === 0 ? 0 : 14,
    action: "",
    when,
  };
}

/** A remedy answers a real shortfall: the level below 80 % of target. */
export function newRemedy(a: Agreement): Remedy {
  const when: Trigger = { condition: "achieved_below", percent: DEFAULT_PERCENT };
  return { id: uniqueId("remedy", allIds(a)), scope: { kind: "agreement" }, trigger: describeTrigger(a.language, when), action: "", when };
}

export function newAdjustment(a: Agreement): Adjustment {
  return {
    id: uniqueId("adjustment", allIds(a)),
    kind: "bonus",
    scope: { kind: "agreement" },
    tiers: [
      { achieved_below_percent: 90, adjustment_percent: -5 },
      { achieved_below_percent: 75, adjustment_percent: -10 },
    ],
    cap_per_month_percent: 10,
    cap_per_year_percent: 20,
  };
}

/** One signatory per side, taken from the heads named on the first step. */
export function signatoriesFromHeads(a: Agreement): Signatory[] {
  return (["marketing", "sales"] as const).map((side) => ({
    side,
    name: a.parties[side].head.name,
    role: a.parties[side].head.role,
    email: a.parties[side].head.email ?? "",
  }));
}

/** The texts a blank agreement's monitoring step starts from, when the person asks for them. */
export function suggestedMonitoring(a: Agreement): Pick<Agreement["monitoring"], "data_collection" | "data_processing"> {
  return {
    data_collection: translate(a.language, "default-data-collection"),
    data_processing: translate(a.language, "default-data-processing"),
  };
}
