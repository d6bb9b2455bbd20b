/**
 * Figures of a review as the interface writes them: a percent, a count, a duration in hours and
 * minutes, by the metric's unit and in the interface language's number format.
 */
import { dateTimeFormat, formatNumber, translate } from "../i18n.svelte";
import type { Comparator, Language, Status, Unit } from "../types/reviews";

/** A duration given in hours as whole hours and minutes ("1 h 30 min", "1 ч 30 мин"). */
export function formatHours(hours: number, lang: Language): string {
  const total = Math.round(Math.abs(hours) * 60);
  const sign = hours < 0 && total > 0 ? "−" : "";
  return sign + translate(lang, "reviews-hours-minutes", { hours: Math.floor(total / 60), minutes: total % 60 });
}

/** A figure in its metric's unit; an em dash when there is none. */
export function formatValue(value: number | null | undefined, unit: Unit, lang: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "percent":
      return formatNumber(value / 100, lang, { style: "percent", maximumFractionDigits: 1 });
    case "business_hours":
    case "hours":
      return formatHours(value, lang);
    case "minutes":
      return formatHours(value / 60, lang);
    case "days":
      return translate(lang, "reviews-days", { count: Number(value.toFixed(1)) });
    case "money":
      return formatNumber(value, lang, { maximumFractionDigits: 2 });
    case "count":
    default:
      return formatNumber(value, lang, { maximumFractionDigits: 1 });
  }
}

const COMPARATOR_SIGN: Record<Comparator, string> = { at_least: "≥", at_most: "≤", exactly: "=" };

/** A target with its direction, e.g. "≥ 70 %". */
export function formatTarget(target: number, comparator: Comparator, unit: Unit, lang: Language): string {
  return `${COMPARATOR_SIGN[comparator]} ${formatValue(target, unit, lang)}`;
}

/** The symbol each status carries beside its colour, so that no one needs the colour to read it. */
export const STATUS_SYMBOL: Record<Status, string> = { met: "✓", missed: "✗", no_data: "–" };

/** A percent of a bonus or budget with its sign ("−5 %", "+2 %"). */
export function formatSignedPercent(percent: number, lang: Language): string {
  return formatNumber(percent / 100, lang, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
}

/**
 * A month (`YYYY-MM`) as the locale names it: "January 2027", "Январь 2027"; short, "Jan 2027",
 * "Янв. 2027" (a two-digit year would read as a day of the month). Inside a Russian sentence
 * (`capitalized` false) the month keeps its lower case: "за январь 2027".
 */
export function formatPeriod(period: string, lang: Language, style: "long" | "short" = "long", capitalized = true): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const options: Intl.DateTimeFormatOptions =
    style === "long" ? { month: "long", year: "numeric", timeZone: "UTC" } : { month: "short", year: "numeric", timeZone: "UTC" };
  // Russian adds "г." after the year, which a tab or an axis has no room for.
  const text = dateTimeFormat(lang === "ru" ? "ru-RU" : "en-GB", options).format(date).replace(/\s*г\.$/, "");
  return capitalized ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
