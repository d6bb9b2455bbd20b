//! Month names, the one table the PDF, the review report and the review's words share. Russian
//! names a month by its grammatical case ("ноябрь 2026 г.", "1 ноября", "в ноябре"); English has one
//! form, and both have a short one for a chart's axis.

use sla_model::Language;

/// The form a month's name takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthForm {
    /// "November" / "ноябрь": a period on its own.
    Nominative,
    /// "November" / "ноября": after a day ("1 ноября") or "с" ("с ноября").
    Genitive,
    /// "November" / "ноябре": after "в" ("в ноябре").
    Prepositional,
    /// "Nov" / "ноя": a chart's axis.
    Short,
}

const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const RU_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const RU_PREPOSITIONAL: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];
const RU_SHORT: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// The name of `month` (1 = January; out-of-range months are clamped) in `language` and `form`.
pub fn month_name(month: u32, language: Language, form: MonthForm) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match (language, form) {
        (Language::En, MonthForm::Short) => EN_SHORT[i],
        (Language::En, _) => EN[i],
        (Language::Ru, MonthForm::Nominative) => RU_NOMINATIVE[i],
        (Language::Ru, MonthForm::Genitive) => RU_GENITIVE[i],
        (Language::Ru, MonthForm::Prepositional) => RU_PREPOSITIONAL[i],
        (Language::Ru, MonthForm::Short) => RU_SHORT[i],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_of_each_language() {
        let ru = |form| month_name(11, Language::Ru, form);
        assert_eq!(ru(MonthForm::Nominative), "ноябрь");
        assert_eq!(ru(MonthForm::Genitive), "ноября");
        assert_eq!(ru(MonthForm::Prepositional), "ноябре");
        assert_eq!(ru(MonthForm::Short), "ноя");
        assert_eq!(month_name(1, Language::En, MonthForm::Genitive), "January");
        assert_eq!(month_name(12, Language::En, MonthForm::Short), "Dec");
        assert_eq!(
            month_name(13, Language::En, MonthForm::Nominative),
            "December"
        );
        assert_eq!(month_name(0, Language::Ru, MonthForm::Nominative), "январь");
    }
}
