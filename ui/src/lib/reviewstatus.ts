/**
 * A signed agreement's last reviewed period at a glance, as the home list shows it: a symbol and
 * words as well as a colour ("✗ January 2027: 2 missed"), never the colour alone.
 */
import { locale, t } from "./i18n.svelte";
import type { Language } from "./types/ipc";
import type { Period, ReviewStatus } from "./types/reviews";

export type StatusKind = "met" | "missed" | "no_data" | "none";

export interface StatusLine {
  kind: StatusKind;
  /** Shown beside the words; hidden from screen readers, which read the words. */
  symbol: string;
  text: string;
}

const SYMBOLS: Record<StatusKind, string> = { met: "✓", missed: "✗", no_data: "○", none: "–" };

/** A period (`YYYY-MM`) as a month and year in the interface language, e.g. "January 2027". */
export function formatPeriod(period: Period, lang: Language = locale.current): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const text = new Intl.DateTimeFormat(lang === "ru" ? "ru-RU" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
  // Russian writes the month in lower case; at the head of a line it takes a capital.
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

/** What the home list says of an agreement's last reviewed period. */
export function reviewStatusLine(status: ReviewStatus): StatusLine {
  const line = (kind: StatusKind, text: string): StatusLine => ({ kind, symbol: SYMBOLS[kind], text });
  if (status.period === null) return line("none", t("home-review-none"));
  const period = formatPeriod(status.period);
  const { met, missed, no_data } = status;
  if (missed > 0) {
    const text = t("home-review-missed", { period, missed });
    return line("missed", no_data > 0 ? `${text}, ${t("home-review-and-no-data", { count: no_data })}` : text);
  }
  if (met === 0) return line("no_data", t("home-review-no-data", { period }));
  if (no_data > 0) return line("no_data", t("home-review-partly", { period, met, count: no_data }));
  return line("met", t("home-review-met", { period }));
}
