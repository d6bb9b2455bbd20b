//! The plain words a review says, in English and Russian: why a figure is missing, why a
//! consequence applies.

use sla_i18n::{month_name, Arg, Messages, MonthForm};
use sla_model::{Language, Trigger};

use crate::{Missing, Period};

impl Missing {
    /// What is missing, as a sentence for the person reading the review.
    pub fn describe(self, language: Language) -> String {
        // The message is named after the cause as the results file names it ("manual_entry").
        let name = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        Messages::of(language).get(&format!("compliance-missing-{name}"))
    }
}

/// Why a trigger fired for one metric: "“Time to first contact” missed its target 2 periods in a
/// row (October to November 2026)."
pub(crate) fn trigger_reason(
    language: Language,
    metric_name: &str,
    trigger: Trigger,
    misses_in_a_row: u32,
    first_missed: Period,
    period: Period,
    achieved_percent: f64,
) -> String {
    let messages = Messages::of(language);
    match trigger {
        Trigger::MissedInARow { .. } => messages.format(
            "compliance-missed-in-a-row",
            &[
                ("metric", metric_name.into()),
                ("count", f64::from(misses_in_a_row).into()),
                ("span", span(language, first_missed, period).into()),
            ],
        ),
        Trigger::AchievedBelow { percent } => messages.format(
            "compliance-achieved-below",
            &[
                ("metric", metric_name.into()),
                ("achieved", one_decimal(achieved_percent)),
                (
                    "month",
                    month_name(period.month, language, MonthForm::Prepositional).into(),
                ),
                ("year", period.year.to_string().into()),
                ("threshold", one_decimal(percent)),
            ],
        ),
    }
}

/// A run of months: "October to November 2026", "с октября по ноябрь 2026 г.".
fn span(language: Language, first: Period, last: Period) -> String {
    let messages = Messages::of(language);
    let year = |p: Period| Arg::from(p.year.to_string());
    // "с октября по ноябрь": the run's start after "с" takes the genitive.
    let first_name = Arg::from(month_name(first.month, language, MonthForm::Genitive));
    let last_name = Arg::from(month_name(last.month, language, MonthForm::Nominative));
    if first == last {
        messages.format(
            "compliance-span-one-month",
            &[("month", last_name), ("year", year(last))],
        )
    } else if first.year == last.year {
        messages.format(
            "compliance-span-within-year",
            &[
                ("first", first_name),
                ("last", last_name),
                ("year", year(last)),
            ],
        )
    } else {
        messages.format(
            "compliance-span-across-years",
            &[
                ("first", first_name),
                ("first-year", year(first)),
                ("last", last_name),
                ("last-year", year(last)),
            ],
        )
    }
}

/// A percentage to one decimal; the messages write it as the language does ("62.5" / "62,5").
fn one_decimal(x: f64) -> Arg {
    Arg::from((x * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NBSP: &str = "\u{a0}";

    #[test]
    fn spans_of_months_name_their_months_and_years() {
        let p = |y, m| Period { year: y, month: m };
        let en = |a, b| span(Language::En, a, b);
        let ru = |a, b| span(Language::Ru, a, b).replace(NBSP, " ");
        assert_eq!(en(p(2026, 10), p(2026, 11)), "October to November 2026");
        assert_eq!(en(p(2026, 12), p(2027, 1)), "December 2026 to January 2027");
        assert_eq!(en(p(2026, 11), p(2026, 11)), "November 2026");
        assert_eq!(ru(p(2026, 10), p(2026, 11)), "с октября по ноябрь 2026 г.");
        assert_eq!(
            ru(p(2026, 12), p(2027, 1)),
            "с декабря 2026 г. по январь 2027 г."
        );
        assert_eq!(ru(p(2026, 5), p(2026, 5)), "май 2026 г.");
        // "г." never parts from its year at a line's end.
        assert_eq!(
            span(Language::Ru, p(2026, 5), p(2026, 5)),
            "май 2026\u{a0}г."
        );
    }

    #[test]
    fn runs_of_misses_take_the_plural_their_number_asks_for() {
        let p = |m| Period {
            year: 2026,
            month: m,
        };
        let trigger = Trigger::MissedInARow { periods: 2 };
        let reason =
            |language, n| trigger_reason(language, "Leads", trigger, n, p(10), p(11), 50.0);
        assert!(reason(Language::En, 1).contains(" 1 period in a row"));
        assert!(reason(Language::En, 2).contains(" 2 periods in a row"));
        for (n, word) in [
            (1, "период"),
            (2, "периода"),
            (5, "периодов"),
            (11, "периодов"),
            (12, "периодов"),
            (21, "период"),
            (22, "периода"),
        ] {
            let text = reason(Language::Ru, n);
            assert!(text.contains(&format!(" {n} {word} подряд")), "{n}: {text}");
        }
    }

    #[test]
    fn every_missing_figure_is_worded_in_both_languages() {
        for cause in [
            Missing::ManualEntry,
            Missing::LeadsInPeriod,
            Missing::DeliveredLeads,
            Missing::Owners,
            Missing::FirstContactTimes,
            Missing::Contacts,
            Missing::RejectedLeads,
            Missing::AttemptCounts,
            Missing::RejectionReasons,
        ] {
            let en = cause.describe(Language::En);
            let ru = cause.describe(Language::Ru);
            assert!(!en.starts_with("compliance-") && en.ends_with('.'), "{en}");
            assert!(!ru.starts_with("compliance-") && ru.ends_with('.'), "{ru}");
            assert!(ru.chars().any(|c| ('а'..='я').contains(&c)), "{ru}");
        }
    }

    #[test]
    fn percentages_are_rounded_to_one_decimal_and_written_the_language_s_way() {
        let p = Period {
            year: 2026,
            month: 12,
        };
        let trigger = Trigger::AchievedBelow { percent: 80.0 };
        let reason = |language| trigger_reason(language, "Leads", trigger, 1, p, p, 71.428);
        assert_eq!(
            reason(Language::En),
            "“Leads” reached 71.4 % of its target in December 2026, below 80 %."
        );
        assert_eq!(
            reason(Language::Ru),
            "«Leads»: в декабре 2026\u{a0}г. достигнуто 71,4 % цели, ниже 80 %."
        );
    }
}
