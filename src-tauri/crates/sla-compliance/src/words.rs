//! The plain words a review says, in English and Russian: why a figure is missing, why a
//! consequence applies.

use sla_i18n::{month_name, MonthForm};
use sla_model::{Language, Trigger};

use crate::{Missing, Period};

impl Missing {
    /// What is missing, as a sentence for the person reading the review.
    pub fn describe(self, language: Language) -> String {
        let (en, ru) = match self {
            Missing::ManualEntry => (
                "No export gives this metric; enter the period's figure by hand.",
                "Этот показатель не берётся из выгрузки; введите значение за период вручную.",
            ),
            Missing::LeadsInPeriod => (
                "The export has no lead created in this period.",
                "В выгрузке нет лидов, созданных в этом периоде.",
            ),
            Missing::DeliveredLeads => (
                "No lead was delivered to sales in this period.",
                "В этом периоде в продажи не передано ни одного лида.",
            ),
            Missing::Owners => (
                "No delivered lead names its sales rep, so there is no one to divide by; map the owner column.",
                "Ни у одного переданного лида не указан ответственный менеджер, делить не на кого; укажите столбец ответственного.",
            ),
            Missing::FirstContactTimes => (
                "The export has no first-contact times; map the first-contact column.",
                "В выгрузке нет времени первого контакта; укажите его столбец.",
            ),
            Missing::Contacts => (
                "None of the leads delivered in this period was contacted.",
                "Ни с одним лидом, переданным в этом периоде, не связались.",
            ),
            Missing::RejectedLeads => (
                "No lead was rejected in this period.",
                "В этом периоде не отклонено ни одного лида.",
            ),
            Missing::AttemptCounts => (
                "The export has no contact-attempt counts; map the attempts column.",
                "В выгрузке нет числа попыток связи; укажите его столбец.",
            ),
            Missing::RejectionReasons => (
                "The export has no rejection reasons; map the rejection-reason column.",
                "В выгрузке нет причин отказа; укажите их столбец.",
            ),
        };
        pick(language, en, ru).to_string()
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
    match (trigger, language) {
        (Trigger::MissedInARow { .. }, Language::En) => format!(
            "“{metric_name}” missed its target {misses_in_a_row} {} in a row ({}).",
            if misses_in_a_row == 1 {
                "period"
            } else {
                "periods"
            },
            english_span(first_missed, period)
        ),
        (Trigger::MissedInARow { .. }, Language::Ru) => format!(
            "«{metric_name}»: цель не достигнута {misses_in_a_row} {} подряд ({}).",
            russian_plural(misses_in_a_row, "период", "периода", "периодов"),
            russian_span(first_missed, period)
        ),
        (Trigger::AchievedBelow { percent }, Language::En) => format!(
            "“{metric_name}” reached {} % of its target in {} {}, below {} %.",
            number(achieved_percent, language),
            month(period, language, MonthForm::Nominative),
            period.year,
            number(percent, language)
        ),
        (Trigger::AchievedBelow { percent }, Language::Ru) => format!(
            "«{metric_name}»: в {} {} г. достигнуто {} % цели, ниже {} %.",
            month(period, language, MonthForm::Prepositional),
            period.year,
            number(achieved_percent, language),
            number(percent, language)
        ),
    }
}

fn month(period: Period, language: Language, form: MonthForm) -> &'static str {
    month_name(period.month, language, form)
}

/// "October to November 2026"; "December 2026 to January 2027"; "November 2026" alone.
fn english_span(first: Period, last: Period) -> String {
    let name = |p: Period| month(p, Language::En, MonthForm::Nominative);
    if first == last {
        format!("{} {}", name(last), last.year)
    } else if first.year == last.year {
        format!("{} to {} {}", name(first), name(last), last.year)
    } else {
        format!(
            "{} {} to {} {}",
            name(first),
            first.year,
            name(last),
            last.year
        )
    }
}

/// "с октября по ноябрь 2026 г."; "с декабря 2026 г. по январь 2027 г."; "ноябрь 2026 г." alone.
fn russian_span(first: Period, last: Period) -> String {
    let nominative = |p: Period| month(p, Language::Ru, MonthForm::Nominative);
    let genitive = |p: Period| month(p, Language::Ru, MonthForm::Genitive);
    if first == last {
        format!("{} {} г.", nominative(last), last.year)
    } else if first.year == last.year {
        format!(
            "с {} по {} {} г.",
            genitive(first),
            nominative(last),
            last.year
        )
    } else {
        format!(
            "с {} {} г. по {} {} г.",
            genitive(first),
            first.year,
            nominative(last),
            last.year
        )
    }
}

fn pick<'a>(language: Language, en: &'a str, ru: &'a str) -> &'a str {
    match language {
        Language::En => en,
        Language::Ru => ru,
    }
}

/// One, few or many, by the Russian rule: 1, 21 период; 2–4, 22 периода; 5–20, 25 периодов.
fn russian_plural<'a>(n: u32, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (1, m) if m != 11 => one,
        (2..=4, m) if !(12..=14).contains(&m) => few,
        _ => many,
    }
}

/// A percentage to one decimal, as the language writes it ("62.5" / "62,5").
fn number(x: f64, language: Language) -> String {
    sla_i18n::number((x * 10.0).round() / 10.0, language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_months_name_their_months_and_years() {
        let p = |y, m| Period { year: y, month: m };
        assert_eq!(
            english_span(p(2026, 10), p(2026, 11)),
            "October to November 2026"
        );
        assert_eq!(
            english_span(p(2026, 12), p(2027, 1)),
            "December 2026 to January 2027"
        );
        assert_eq!(english_span(p(2026, 11), p(2026, 11)), "November 2026");
        assert_eq!(
            russian_span(p(2026, 10), p(2026, 11)),
            "с октября по ноябрь 2026 г."
        );
        assert_eq!(
            russian_span(p(2026, 12), p(2027, 1)),
            "с декабря 2026 г. по январь 2027 г."
        );
        assert_eq!(russian_span(p(2026, 5), p(2026, 5)), "май 2026 г.");
    }

    #[test]
    fn russian_plurals() {
        let word = |n| russian_plural(n, "период", "периода", "периодов");
        assert_eq!(word(1), "период");
        assert_eq!(word(2), "периода");
        assert_eq!(word(5), "периодов");
        assert_eq!(word(11), "периодов");
        assert_eq!(word(12), "периодов");
        assert_eq!(word(21), "период");
        assert_eq!(word(22), "периода");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(62.5, Language::Ru), "62,5");
        assert_eq!(number(80.0, Language::En), "80");
    }
}
