/**
 * Months of figures for the example agreement, for the reviews view under `npm run dev:mock` and
 * in its tests: imported through the mock's own commands, so the overview is what they answer.
 * January meets most targets; February and March miss the acceptance rate and the response time
 * (two misses in a row: the first escalation step fires); a bonus adjustment by tiers gives the
 * lead metrics a tolerance band.
 */
import type { MockBackend } from "./backend";
import { amoPreview } from "./reviews";

/** Each seeded month's figure per metric of the example agreement (null: the export lacks it). */
export const SEED_FIGURES: Record<string, Record<string, number | null>> = {
  "2027-01": {
    "mql-per-rep": 104,
    "mql-acceptance": 74,
    "mql-data-complete": 96.5,
    "first-contact-time": 0.8,
    "follow-up-attempts": 91,
    "connect-rate": 55,
    "rejection-reasons": null,
  },
  "2027-02": {
    "mql-per-rep": 97,
    "mql-acceptance": 66,
    "mql-data-complete": 95.2,
    "first-contact-time": 1.4,
    "follow-up-attempts": 88,
    "connect-rate": 52,
    "rejection-reasons": 97,
  },
  "2027-03": {
    "mql-per-rep": 101,
    "mql-acceptance": 61.5,
    "mql-data-complete": 97,
    "first-contact-time": 1.75,
    "follow-up-attempts": 92,
    "connect-rate": 49,
    "rejection-reasons": 96,
  },
};

/**
 * `count` months from January 2027: the three above, then made-up figures that wander around
 * their targets (for a view with a year of months).
 */
export function seedMonths(count: number): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  const base = SEED_FIGURES["2027-02"];
  for (let i = 0; i < count; i++) {
    const period = `${2027 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    const wobble = (k: number) => Math.sin(i * 1.3 + k) * 0.08;
    out[period] =
      SEED_FIGURES[period] ??
      Object.fromEntries(Object.entries(base).map(([id, v], k) => [id, v === null ? null : Math.round(v * (1 + wobble(k)) * 10) / 10]));
  }
  return out;
}

/** Stores `figures` (months of `SEED_FIGURES` by default) for draft `id` and gives its agreement a tiered bonus. */
export function seedReviews(backend: MockBackend, id: number, figures: Record<string, Record<string, number | null>> = SEED_FIGURES): void {
  const draft = backend.drafts.get(id);
  if (!draft) throw new Error(`no draft ${id}`);
  draft.agreement.consequences.adjustments = [
    {
      id: "lead-bonus",
      kind: "bonus",
      scope: { kind: "commitment", id: "mkt-leads" },
      tiers: [
        { achieved_below_percent: 90, adjustment_percent: -5 },
        { achieved_below_percent: 75, adjustment_percent: -10 },
      ],
      cap_per_month_percent: 10,
      cap_per_year_percent: 30,
    },
  ];
  backend.reviews.signed.add(id);
  const path = "/mock/amocrm-export.csv";
  const months = Object.keys(figures);
  const preview = amoPreview("amocrm-export.csv", months);
  backend.reviews.addExport(path, { preview, figures });
  for (const period of months) {
    backend.handle("review_import", { id, path, mapping: preview.mapping, period, replace: true, language: "en" });
  }
}
