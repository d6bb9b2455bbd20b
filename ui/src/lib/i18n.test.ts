import { describe, expect, it } from "vitest";
import { SOURCES, dateTimeFormat, formatDate, formatNumber, hasMessage, locale, numberFormat, setLocale, t, translate } from "./i18n.svelte";
import { STEPS } from "./steps";

const ids = (source: string) =>
  source
    .split("\n")
    .map((line) => /^([a-z][a-z0-9-]*)\s*=/.exec(line)?.[1])
    .filter((id): id is string => !!id);

/** The window's own sources, as text. */
const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

describe("messages", () => {
  it("define the same ids in Russian and English, in every file", () => {
    for (const file of Object.keys(SOURCES.en)) {
      expect(ids(SOURCES.ru[file]).sort(), file).toEqual(ids(SOURCES.en[file]).sort());
    }
  });

  it("cover every message id the window uses, in both languages", () => {
    const used = new Set<string>();
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\b(?:t|translate)\((?:[^,()]+,\s*)?"([a-z][a-z0-9-]*)"/g)) used.add(m[1]);
    }
    // Ids built at run time, spelled out.
    for (const step of STEPS) {
      for (const suffix of ["", "-intro"]) used.add(`step-${step}${suffix}`);
      for (const part of ["advice", "example", "defaults", "cites"]) used.add(`guidance-${step}-${part}`);
    }
    const families: Record<string, string[]> = {
      "step-status": ["complete", "incomplete", "attention"],
      side: ["marketing", "sales"],
      kind: ["volume", "quality", "speed", "reliability"],
      unit: ["count", "percent", "minutes", "hours", "business-hours", "days", "money"],
      "unit-short": ["count", "percent", "minutes", "hours", "business-hours", "days", "money"],
      comparator: ["at-least", "at-most", "exactly"],
      window: ["day", "week", "month", "quarter", "year"],
      "window-per": ["day", "week", "month", "quarter", "year"],
      cadence: ["daily", "weekly", "biweekly", "monthly", "quarterly"],
      renewal: ["none", "automatic", "by-agreement"],
      category: ["lead-tier", "issue-severity"],
      "duration-unit": ["minutes", "hours", "days"],
      "adjustment-kind": ["bonus", "budget"],
      collection: ["automatic", "manual"],
      severity: ["error", "warning", "info"],
      "review-count": ["error", "warning", "info"],
      "funnel-stage": ["connect", "discovery", "demo", "won"],
      "parties-head-role-placeholder": ["marketing", "sales"],
      "parties-service-placeholder": ["marketing", "sales"],
      "language-name": ["en", "ru"],
      template: ["sales-marketing", "outbound-abm", "call-centre", "long-cycle", "partner-channel"],
      "trigger-condition": ["none", "missed_in_a_row", "achieved_below"],
      "trigger-guidance": ["none", "missed_in_a_row", "achieved_below"],
    };
    for (const [prefix, values] of Object.entries(families)) for (const v of values) used.add(`${prefix}-${v}`);
    const missing = [...used].filter((id) => !hasMessage("en", id) || !hasMessage("ru", id));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(250);
  });

  it("follow Russian plural rules", () => {
    const n = (count: number) => translate("ru", "review-count-error", { count });
    expect([n(1), n(3), n(5), n(21), n(11)]).toEqual(["1 ошибка", "3 ошибки", "5 ошибок", "21 ошибка", "11 ошибок"]);
    expect(translate("en", "review-count-error", { count: 1 })).toBe("1 error");
  });

  it("switch language at once and format dates and numbers for it", () => {
    setLocale("ru");
    expect(locale.current).toBe("ru");
    expect(t("step-performance")).toBe("Уровень услуг");
    expect(formatDate("2027-03-31")).toBe("31 марта 2027 г.");
    expect(formatNumber(12000000.5)).toMatch(/^12\s000\s000,5$/);
    expect(document.documentElement.lang).toBe("ru");
    setLocale("en");
    expect(t("step-performance")).toBe("Performance levels");
    expect(formatDate("2027-03-31")).toBe("31 March 2027");
    expect(formatNumber(12000000.5)).toBe("12,000,000.5");
  });

  it("show a missing message as its id rather than nothing", () => {
    expect(t("no-such-message")).toBe("no-such-message");
  });
});

describe("formatters", () => {
  it("are made once per locale and options and format as new ones would", () => {
    const percent = { style: "percent", maximumFractionDigits: 1 } as const;
    expect(numberFormat("ru-RU", { ...percent })).toBe(numberFormat("ru-RU", { ...percent }));
    expect(numberFormat("ru-RU", percent)).not.toBe(numberFormat("en-GB", percent));
    expect(numberFormat("en-GB", percent)).not.toBe(numberFormat("en-GB", { maximumFractionDigits: 1 }));
    expect(formatNumber(0.725, "en", percent)).toBe(new Intl.NumberFormat("en-GB", percent).format(0.725));
    const month = { month: "long", year: "numeric", timeZone: "UTC" } as const;
    expect(dateTimeFormat("ru-RU", month)).toBe(dateTimeFormat("ru-RU", { ...month }));
    expect(dateTimeFormat("ru-RU", month)).not.toBe(dateTimeFormat("ru-RU", { ...month, month: "short" }));
  });
});
