/** The choices of the agreement's enumerations, labelled in the interface language. */
import { t } from "./i18n.svelte";
import type {
  AdjustmentKind,
  Cadence,
  Comparator,
  DeadlineCategory,
  DurationUnit,
  Metric,
  Renewal,
  Unit,
  Window,
} from "./types/agreement";

const labelled = <V extends string>(prefix: string, values: readonly V[]) =>
  values.map((value) => ({ value, label: t(`${prefix}-${value.replace(/_/g, "-")}`) }));

export const kindOptions = () => labelled<Metric["kind"]>("kind", ["volume", "quality", "speed", "reliability"]);
export const unitOptions = () =>
  labelled<Unit>("unit", ["count", "percent", "minutes", "hours", "business_hours", "days", "money"]);
export const comparatorOptions = () => labelled<Comparator>("comparator", ["at_least", "at_most", "exactly"]);
export const windowOptions = () => labelled<Window>("window", ["day", "week", "month", "quarter", "year"]);
export const cadenceOptions = () => labelled<Cadence>("cadence", ["daily", "weekly", "biweekly", "monthly", "quarterly"]);
export const renewalOptions = () => labelled<Renewal>("renewal", ["none", "automatic", "by_agreement"]);
export const categoryOptions = () => labelled<DeadlineCategory>("category", ["lead_tier", "issue_severity"]);
export const durationUnitOptions = () => labelled<DurationUnit>("duration-unit", ["minutes", "hours", "days"]);
export const adjustmentKindOptions = () => labelled<AdjustmentKind>("adjustment-kind", ["bonus", "budget"]);
export const collectionOptions = () => labelled<"automatic" | "manual">("collection", ["automatic", "manual"]);

/** "≥ 100 per month" */
export function targetSummary(m: Metric, format: (n: number) => string): string {
  const sign = m.comparator === "at_least" ? "≥" : m.comparator === "at_most" ? "≤" : "=";
  const unit = t(`unit-short-${m.unit.replace(/_/g, "-")}`);
  return t("metric-target-summary", { sign, target: format(m.target), unit, window: t(`window-per-${m.window}`) })
    .replace(/\s+/g, " ")
    .replace(/ %/, "%");
}
