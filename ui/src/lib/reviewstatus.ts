/**
 * A signed agreement's last reviewed period at a glance, as the home list shows it: a symbol and
 * words as well as a colour ("✗ January 2027: 2 missed"), never the colour alone.
 */
import { locale, t } from "./i18n.svelte";
import { STATUS_SYMBOL, formatPeriod } from "./reviews/format";
import type { ReviewStatus } from "./types/reviews";

export type StatusKind = "met" | "missed" | "no_data" | "none";

export interface StatusLine {
  kind: StatusKind;
  /** Shown beside the words; hidden from screen readers, which read the words. */
  symbol: string;
  text: string;
}

// The grid's symbols, so that a status reads the same on the home list; "no review yet" is none of them.
const SYMBOLS: Record<StatusKind, string> = { ...STATUS_SYMBOL, none: "○" };

/** What the home list says of an agreement's last reviewed period. */
export function reviewStatusLine(status: ReviewStatus): StatusLine {
  const line = (kind: StatusKind, text: string): StatusLine => ({ kind, symbol: SYMBOLS[kind], text });
  if (status.period === null) return line("none", t("home-review-none"));
  const period = formatPeriod(status.period, locale.current);
  const { met, missed, no_data } = status;
  if (missed > 0) {
    const text = t("home-review-missed", { period, missed });
    return line("missed", no_data > 0 ? `${text}, ${t("home-review-and-no-data", { count: no_data })}` : text);
  }
  if (met === 0) return line("no_data", t("home-review-no-data", { period }));
  if (no_data > 0) return line("no_data", t("home-review-partly", { period, met, count: no_data }));
  return line("met", t("home-review-met", { period }));
}
