/**
 * The measurable conditions behind escalation steps and remedies (`when` in the model), as the
 * consequences step edits them: not measured, missed N periods in a row, or achieved below P % of
 * target. The free-text `trigger` stays what the PDF prints; while it is empty or still the text
 * the wizard wrote for the condition, it follows the condition, so nobody has to say it twice.
 */
import { translate } from "./i18n.svelte";
import type { Trigger } from "./types/agreement";
import type { Language } from "./types/ipc";

export type Condition = "none" | Trigger["condition"];
export const CONDITIONS: readonly Condition[] = ["none", "missed_in_a_row", "achieved_below"];

/** What the review can evaluate: a run of at least one missed period... */
export const PERIODS_MIN = 1;
/** ...and no longer than two years of monthly reviews, past which the ladder says nothing useful. */
export const PERIODS_MAX = 24;
/** An achieved level above 0 % and at most 100 % of the target (`trigger-out-of-range`). */
export const PERCENT_MIN = 1;
export const PERCENT_MAX = 100;
/** Below 80 % of target is a real shortfall, not a rounding. */
export const DEFAULT_PERCENT = 80;

/** Anything with a structured trigger: an escalation step or a remedy. */
export interface Triggered {
  trigger: string;
  when?: Trigger | null;
}

/** Level `index` (from 0) of the ladder starts after `index + 2` misses: one miss is noise. */
export function defaultPeriods(index: number): number {
  return Math.min(PERIODS_MAX, Math.max(2, index + 2));
}

export function conditionOf(item: Triggered): Condition {
  return item.when?.condition ?? "none";
}

/** The condition with its default threshold; `periods` is the run of misses to start from. */
export function defaultTrigger(condition: Exclude<Condition, "none">, periods: number): Trigger {
  return condition === "missed_in_a_row"
    ? { condition, periods }
    : { condition, percent: DEFAULT_PERCENT };
}

/** The trigger's description in the agreement's language, as the wizard writes it. */
export function describeTrigger(language: Language, when: Trigger | null | undefined): string {
  if (!when) return "";
  return when.condition === "missed_in_a_row"
    ? translate(language, "trigger-text-missed", { periods: when.periods })
    : translate(language, "trigger-text-below", { percent: when.percent });
}

/** Whether `value` is a threshold the condition accepts. */
export function validThreshold(condition: Exclude<Condition, "none">, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  return condition === "missed_in_a_row"
    ? Number.isInteger(value) && value >= PERIODS_MIN && value <= PERIODS_MAX
    : value >= PERCENT_MIN && value <= PERCENT_MAX;
}

function replaceWhen(item: Triggered, language: Language, when: Trigger | null): void {
  const automatic = item.trigger.trim() === "" || item.trigger === describeTrigger(language, item.when);
  // Absent rather than null: an agreement without structured triggers keeps its JSON unchanged.
  if (when) item.when = when;
  else delete item.when;
  if (automatic) item.trigger = describeTrigger(language, when);
}

/**
 * Sets the item's condition; "none" removes `when`. A condition it already has is left as it is,
 * threshold and all; otherwise it starts from its default (`periods` for a run of misses).
 */
export function setCondition(item: Triggered, condition: Condition, periods: number, language: Language): void {
  if (conditionOf(item) === condition) return;
  replaceWhen(item, language, condition === "none" ? null : defaultTrigger(condition, periods));
}

/** Sets the threshold of the item's condition; a value out of range is refused (returns false). */
export function setThreshold(item: Triggered, value: number, language: Language): boolean {
  const when = item.when;
  if (!when || !validThreshold(when.condition, value)) return false;
  replaceWhen(
    item,
    language,
    when.condition === "missed_in_a_row" ? { condition: when.condition, periods: value } : { condition: when.condition, percent: value },
  );
  return true;
}

/** The item's threshold: the run of misses or the percent of target; null without a condition. */
export function thresholdOf(item: Triggered): number | null {
  const when = item.when;
  if (!when) return null;
  return when.condition === "missed_in_a_row" ? when.periods : when.percent;
}
