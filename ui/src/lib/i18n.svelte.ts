/**
 * The window's words in Russian and English. The messages are the same Fluent files the Rust side
 * compiles in (`common.ftl`), plus the wizard's own (`wizard.ftl`) and the reviews view's
 * (`reviews.ftl`, `import.ftl`), and the templates' names (`templates.ftl`, shared with the Rust
 * side too). The interface language is
 * reactive: switching it re-renders every label without touching what the person typed.
 */
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { negotiateLanguages } from "@fluent/langneg";
import enCommon from "../locales/en/common.ftl?raw";
import enImport from "../locales/en/import.ftl?raw";
import enReviews from "../locales/en/reviews.ftl?raw";
import enTemplates from "../locales/en/templates.ftl?raw";
import enWizard from "../locales/en/wizard.ftl?raw";
import ruCommon from "../locales/ru/common.ftl?raw";
import ruImport from "../locales/ru/import.ftl?raw";
import ruReviews from "../locales/ru/reviews.ftl?raw";
import ruTemplates from "../locales/ru/templates.ftl?raw";
import ruWizard from "../locales/ru/wizard.ftl?raw";
import type { Language } from "./types/ipc";

export const LANGUAGES: readonly Language[] = ["ru", "en"];

/** The Fluent sources of each language, in load order; exported for the completeness test. */
export const SOURCES: Record<Language, Record<string, string>> = {
  en: { "common.ftl": enCommon, "wizard.ftl": enWizard, "reviews.ftl": enReviews, "import.ftl": enImport, "templates.ftl": enTemplates },
  ru: { "common.ftl": ruCommon, "wizard.ftl": ruWizard, "reviews.ftl": ruReviews, "import.ftl": ruImport, "templates.ftl": ruTemplates },
};

function buildBundle(lang: Language): FluentBundle {
  // Isolation marks would end up in copied text and in the tests' string comparisons.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  for (const [name, text] of Object.entries(SOURCES[lang])) {
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length > 0) console.error(`${lang}/${name}:`, errors);
  }
  return bundle;
}

// Built when a language is first used: most sessions never need the other one.
const bundles: Partial<Record<Language, FluentBundle>> = {};
function bundle(lang: Language): FluentBundle {
  return (bundles[lang] ??= buildBundle(lang));
}

/** The interface language; components read it through `t`, so a change re-renders them. */
export const locale = $state<{ current: Language }>({ current: "en" });

export type Args = Record<string, FluentVariable>;

/** A message in a given language, or its id when missing (so a gap shows rather than hides). */
export function translate(lang: Language, id: string, args?: Args): string {
  const b = bundle(lang);
  const message = b.getMessage(id);
  if (!message?.value) return id;
  const errors: Error[] = [];
  const text = b.formatPattern(message.value, args ?? null, errors);
  if (errors.length > 0) console.warn(`${lang}/${id}:`, errors);
  return text;
}

/** A message in the interface language. */
export function t(id: string, args?: Args): string {
  return translate(locale.current, id, args);
}

export function hasMessage(lang: Language, id: string): boolean {
  return bundle(lang).hasMessage(id);
}

export function setLocale(lang: Language): void {
  locale.current = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** The interface language the system asks for, when the person has not chosen one yet. */
export function preferredLanguage(requested: readonly string[]): Language {
  const [best] = negotiateLanguages([...requested], [...LANGUAGES], { defaultLocale: "en", strategy: "lookup" });
  return best === "ru" ? "ru" : "en";
}

function intlLocale(lang: Language = locale.current): string {
  return lang === "ru" ? "ru-RU" : "en-GB";
}

/**
 * Formatters made once per locale and options: WebKit gives each new one its own ICU formatter
 * (a date format also a pattern generator), tens of kilobytes that stay until a collection, and
 * the reviews view formats hundreds of figures and months.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

export function numberFormat(intl: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${intl}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(intl, options)));
  return format;
}

export function dateTimeFormat(intl: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `d|${intl}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(intl, options)));
  return format;
}

/** A calendar date (`YYYY-MM-DD`) as the locale writes it; the date is not shifted by time zones. */
export function formatDate(iso: string, lang: Language = locale.current, style: "long" | "medium" = "long"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateTimeFormat(intlLocale(lang), { dateStyle: style, timeZone: "UTC" }).format(date);
}

/** A moment (RFC 3339) as a local date and time. */
export function formatDateTime(iso: string, lang: Language = locale.current): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(intlLocale(lang), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A moment (RFC 3339) as a local time of day, e.g. "14:03". */
export function formatTime(iso: string, lang: Language = locale.current): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(intlLocale(lang), { hour: "2-digit", minute: "2-digit" }).format(date);
}

export function formatNumber(n: number, lang: Language = locale.current, options?: Intl.NumberFormatOptions): string {
  return numberFormat(intlLocale(lang), options).format(n);
}

/** Weekday names, Monday = 1 .. Sunday = 7 as ISO numbers them. */
export function weekdayName(isoDay: number, lang: Language = locale.current, width: "long" | "short" = "short"): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoDay));
  return dateTimeFormat(intlLocale(lang), { weekday: width, timeZone: "UTC" }).format(date);
}
