//! Messages in Russian and English. The Fluent files live in `ui/src/locales/` so that the wizard
//! and the Rust side (checks, PDF, comparison, CLI) speak with one voice; this crate compiles them
//! in. Numbers and month names, which every part writes, are written here once.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
pub use sla_model::Language;

mod months;

pub use months::{month_name, MonthForm};

/// Each locale's Fluent files, one per area of the product.
macro_rules! locale_files {
    ($lang:literal) => {
        [
            (
                "common.ftl",
                include_str!(concat!("../../../../ui/src/locales/", $lang, "/common.ftl")),
            ),
            (
                "checks.ftl",
                include_str!(concat!("../../../../ui/src/locales/", $lang, "/checks.ftl")),
            ),
            (
                "pdf.ftl",
                include_str!(concat!("../../../../ui/src/locales/", $lang, "/pdf.ftl")),
            ),
            (
                "report.ftl",
                include_str!(concat!("../../../../ui/src/locales/", $lang, "/report.ftl")),
            ),
            (
                "templates.ftl",
                include_str!(concat!(
                    "../../../../ui/src/locales/",
                    $lang,
                    "/templates.ftl"
                )),
            ),
            (
                "compliance.ftl",
                include_str!(concat!(
                    "../../../../ui/src/locales/",
                    $lang,
                    "/compliance.ftl"
                )),
            ),
            (
                "compare.ftl",
                include_str!(concat!(
                    "../../../../ui/src/locales/",
                    $lang,
                    "/compare.ftl"
                )),
            ),
        ]
    };
}

/// The compiled messages of one language.
pub struct Messages {
    bundle: FluentBundle<FluentResource>,
    language: Language,
}

impl Messages {
    pub fn new(language: Language) -> Messages {
        let (tag, files) = match language {
            Language::En => ("en", locale_files!("en")),
            Language::Ru => ("ru", locale_files!("ru")),
        };
        let mut bundle =
            FluentBundle::new_concurrent(vec![tag.parse().expect("a valid language tag")]);
        // Unicode isolation marks around arguments would end up in PDF text and CLI output.
        bundle.set_use_isolating(false);
        // Numbers as each language writes them ("30,000" / "30 000", "0.5" / "0,5"), as the
        // window's Fluent (Intl.NumberFormat) does; plurals still select on the number itself.
        bundle.set_formatter(Some(match language {
            Language::En => |value, _| number_value(value, Language::En),
            Language::Ru => |value, _| number_value(value, Language::Ru),
        }));
        for (name, text) in files {
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, errors)| panic!("{tag}/{name} does not parse: {errors:?}"));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|errors| panic!("{tag}/{name} repeats a message: {errors:?}"));
        }
        Messages { bundle, language }
    }

    /// The messages of one language, compiled once per process: for callers that word many
    /// things (every check on every edit, every template listed).
    pub fn of(language: Language) -> &'static Messages {
        static EN: std::sync::OnceLock<Messages> = std::sync::OnceLock::new();
        static RU: std::sync::OnceLock<Messages> = std::sync::OnceLock::new();
        match language {
            Language::En => EN.get_or_init(|| Messages::new(Language::En)),
            Language::Ru => RU.get_or_init(|| Messages::new(Language::Ru)),
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `id`, or the id itself when it is missing (so a gap shows rather than hides).
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The message `id` with named arguments; numbers are passed as numbers so plurals work.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fargs.set(*name, FluentValue::from(s.as_str())),
                Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = vec![];
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// Whether the message exists; tests use it to keep both languages complete.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

fn number_value(value: &FluentValue, language: Language) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(number(n.value, language)),
        _ => None,
    }
}

/// A number as `language` writes it: at most two decimals, thousands grouped ("1,500" in English,
/// "15 000" in Russian, which leaves four digits whole, with a no-break space), the language's
/// decimal mark ("0.5" / "0,5") and a true minus sign.
pub fn number(value: f64, language: Language) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let (group, decimal, shortest_grouped) = match language {
        Language::En => (",", ".", 4),
        Language::Ru => ("\u{a0}", ",", 5),
    };
    let mut out = String::new();
    if rounded < 0.0 {
        out.push('\u{2212}');
    }
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 && int.len() >= shortest_grouped {
            out.push_str(group);
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push_str(decimal);
        out.push_str(frac);
    }
    out
}

/// An argument to a message.
#[derive(Clone)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Num(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as f64)
    }
}

/// Message ids defined in a Fluent source, for completeness checks.
pub fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id.trim())
        .filter(|id| !id.is_empty() && !id.starts_with(['#', '.', ' ', '-']) && !id.contains(' '))
        .map(str::to_string)
        .collect()
}

/// Every message id of every file of both languages, mapped to the languages that define it.
pub fn coverage() -> HashMap<String, Vec<Language>> {
    let mut map: HashMap<String, Vec<Language>> = HashMap::new();
    for (lang, files) in [
        (Language::En, locale_files!("en")),
        (Language::Ru, locale_files!("ru")),
    ] {
        for (_, text) in files {
            for id in message_ids(text) {
                map.entry(id).or_default().push(lang);
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_define_the_same_messages() {
        let missing: Vec<_> = coverage()
            .into_iter()
            .filter(|(_, langs)| langs.len() != 2)
            .collect();
        assert!(
            missing.is_empty(),
            "messages defined in one language only: {missing:?}"
        );
    }

    #[test]
    fn russian_plurals_follow_russian_rules() {
        let ru = Messages::new(Language::Ru);
        let n = |n: f64| ru.format("common-metric-count", &[("count", n.into())]);
        assert_eq!(n(1.0), "1 метрика");
        assert_eq!(n(3.0), "3 метрики");
        assert_eq!(n(5.0), "5 метрик");
        assert_eq!(n(21.0), "21 метрика");
        let en = Messages::new(Language::En);
        assert_eq!(
            en.format("common-metric-count", &[("count", 1.0.into())]),
            "1 metric"
        );
        assert_eq!(
            en.format("common-metric-count", &[("count", 7.0.into())]),
            "7 metrics"
        );
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(
            Messages::new(Language::En).get("no-such-message"),
            "no-such-message"
        );
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        let en = |x| number(x, Language::En);
        let ru = |x| number(x, Language::Ru);
        assert_eq!(en(30000.0), "30,000");
        assert_eq!(ru(30000.0), "30\u{a0}000");
        assert_eq!(en(1500.5), "1,500.5");
        assert_eq!(ru(1500.5), "1500,5");
        assert_eq!(en(1234567.0), "1,234,567");
        assert_eq!(ru(1234567.0), "1\u{a0}234\u{a0}567");
        assert_eq!(en(999.0), "999");
        assert_eq!(en(0.125), "0.13");
        assert_eq!(ru(62.5), "62,5");
        assert_eq!(en(-2.5), "\u{2212}2.5");
        assert_eq!(en(-0.001), "0");
        assert_eq!(en(f64::NAN), "NaN");
    }

    #[test]
    fn messages_write_numbers_their_language_s_way_and_still_choose_plurals_by_them() {
        let en = Messages::new(Language::En);
        let ru = Messages::new(Language::Ru);
        // Any message with a number argument will do; the plural rules see 30000 itself.
        let id = "check-volume-beyond-capacity";
        assert!(en.has(id) && ru.has(id), "{id} is worded in both languages");
        let args = |n: f64| {
            vec![
                ("metric", Arg::from("Leads")),
                ("target", Arg::from(n)),
                ("leads", Arg::from(7500.0)),
                ("attempts", Arg::from(3.0)),
                ("minutes", Arg::from(6.0)),
                ("needed", Arg::from(2250.0)),
                ("reps", Arg::from(4.0)),
                ("hours", Arg::from(60.5)),
            ]
        };
        let english = en.format(id, &args(30000.0));
        assert!(english.contains("at 30,000 means"), "{english}");
        assert!(english.contains("2,250 hours"), "{english}");
        assert!(english.contains("60.5 hours"), "{english}");
        let russian = ru.format(id, &args(30000.0));
        assert!(russian.contains("30\u{a0}000"), "{russian}");
        assert!(
            russian.contains("7500"),
            "four digits stay whole in Russian: {russian}"
        );
        assert!(russian.contains("60,5"), "{russian}");
    }
}
