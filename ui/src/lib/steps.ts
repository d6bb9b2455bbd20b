/**
 * The wizard's seven steps, in the order the article lists an SLA's components, and when each
 * counts as complete: every field it asks for is filled and no error found by the checks points
 * into it.
 */
import { stepForField } from "./fieldpath";
import type { Agreement, Duration } from "./types/agreement";
import type { Finding } from "./types/ipc";

export const STEPS = ["parties", "performance", "monitoring", "deadlines", "consequences", "review", "signoff"] as const;
export type StepKey = (typeof STEPS)[number];

export function isStepKey(value: unknown): value is StepKey {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

export type StepStatus = "complete" | "incomplete" | "attention";

const filled = (s: string | undefined | null): boolean => !!s && s.trim().length > 0;
const positive = (d: Duration | null | undefined): boolean => !!d && Number.isFinite(d.value) && d.value > 0;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether the step's own fields are filled in, regardless of what the checks say. */
export function stepFilled(step: StepKey, a: Agreement): boolean {
  switch (step) {
    case "parties": {
      const party = (p: Agreement["parties"]["marketing"]) =>
        filled(p.department) && filled(p.head.name) && filled(p.head.role);
      const providers = new Set(a.commitments.filter((c) => filled(c.service)).map((c) => c.provider));
      return (
        filled(a.title) &&
        party(a.parties.marketing) &&
        party(a.parties.sales) &&
        providers.has("marketing") &&
        providers.has("sales") &&
        a.commitments.every((c) => filled(c.service)) &&
        filled(a.term.effective_date) &&
        a.term.duration_months > 0 &&
        a.term.review_dates.length > 0
      );
    }
    case "performance":
      return (
        a.commitments.length > 0 &&
        a.commitments.every(
          (c) =>
            c.metrics.length > 0 &&
            c.metrics.every(
              (m) =>
                filled(m.name) &&
                filled(m.definition) &&
                filled(m.data_source) &&
                Number.isFinite(m.target) &&
                (m.collection.method === "automatic" || filled(m.collection.reason)),
            ),
        )
      );
    case "monitoring": {
      const m = a.monitoring;
      return (
        filled(m.data_collection) &&
        filled(m.data_processing) &&
        m.reports.length > 0 &&
        m.reports.every((r) => filled(r.name) && filled(r.owner)) &&
        !!m.review_cadence &&
        m.reviewers.some(filled)
      );
    }
    case "deadlines": {
      const d = a.deadlines;
      const calendarOk =
        d.basis === "calendar" ||
        (filled(d.calendar.timezone) &&
          d.calendar.workdays.length > 0 &&
          TIME.test(d.calendar.day_start) &&
          TIME.test(d.calendar.day_end) &&
          d.calendar.day_start < d.calendar.day_end);
      return (
        calendarOk &&
        d.rules.length > 0 &&
        d.rules.every((r) => filled(r.applies_to) && (positive(r.response) || positive(r.resolution)))
      );
    }
    case "consequences": {
      const c = a.consequences;
      return (
        c.escalation.length > 0 &&
        c.escalation.every((e) => filled(e.trigger) && filled(e.escalate_to)) &&
        c.remedies.length > 0 &&
        c.remedies.every((r) => filled(r.trigger) && filled(r.action)) &&
        (c.adjustments ?? []).every(
          (adj) => adj.tiers.length > 0 && adj.cap_per_month_percent > 0 && adj.cap_per_year_percent > 0,
        )
      );
    }
    case "review":
      return (["parties", "performance", "monitoring", "deadlines", "consequences"] as const).every((s) =>
        stepFilled(s, a),
      );
    case "signoff":
      return (["marketing", "sales"] as const).every((side) =>
        a.signatories.some((s) => s.side === side && filled(s.name) && filled(s.role)),
      );
  }
}

/** Findings grouped by the step whose fields fix them. */
export function findingsByStep(findings: readonly Finding[]): Record<StepKey, Finding[]> {
  const out = Object.fromEntries(STEPS.map((s) => [s, [] as Finding[]])) as Record<StepKey, Finding[]>;
  for (const f of findings) out[stepForField(f.field)].push(f);
  return out;
}

/**
 * The step's status for the step bar: complete when filled and free of errors; "attention" when
 * the checks found an error in it; incomplete otherwise. Review is complete only when every
 * earlier step is and the checks found no error anywhere.
 */
export function stepStatus(step: StepKey, a: Agreement, findings: readonly Finding[]): StepStatus {
  const errors = (s: StepKey) => findingsByStep(findings)[s].some((f) => f.severity === "error");
  if (step === "review") {
    if (findings.some((f) => f.severity === "error")) return "attention";
    return stepFilled("review", a) ? "complete" : "incomplete";
  }
  if (errors(step)) return "attention";
  return stepFilled(step, a) ? "complete" : "incomplete";
}
