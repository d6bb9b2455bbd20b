//! Everything the PDF says in words: labels from the Fluent files, and values (dates, numbers,
//! units, enum values) formatted the way a reader of that language expects.

use chrono::{Datelike, NaiveDate};
use sla_i18n::{month_name, Arg, Messages, MonthForm};
use sla_model::{Cadence, Comparator, Duration, DurationUnit, Language, Side, Unit, Window};

/// The grammatical case a quantity is printed in; Russian puts it in the genitive after
/// "не менее" / "не более".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Nominative,
    Genitive,
}

pub struct Words {
    messages: Messages,
    language: Language,
}

impl Words {
    pub fn new(language: Language) -> Words {
        Words {
            messages: Messages::new(language),
            language,
        }
    }

    /// The words of one language, compiled once per process.
    pub fn of(language: Language) -> &'static Words {
        static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
        static RU: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
        match language {
            Language::En => EN.get_or_init(|| Words::new(Language::En)),
            Language::Ru => RU.get_or_init(|| Words::new(Language::Ru)),
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// A label without arguments.
    pub fn t(&self, id: &str) -> String {
        self.messages.get(id)
    }

    /// A label with arguments.
    pub fn f(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.messages.format(id, args)
    }

    /// The text a person typed, or a dash when they left it empty, so a gap is visible.
    pub fn or_dash(&self, text: &str) -> String {
        if text.trim().is_empty() {
            self.t("pdf-empty")
        } else {
            text.to_string()
        }
    }

    /// The title block's status line: "Draft 3, version 2, prepared on 1 December 2026", the
    /// draft and version when known.
    pub fn document_status(
        &self,
        draft_id: Option<i64>,
        version: Option<u32>,
        created: NaiveDate,
    ) -> String {
        let mut status = Vec::new();
        if let Some(id) = draft_id {
            status.push(self.f("pdf-draft-number", &[("id", id.to_string().into())]));
        }
        if let Some(version) = version {
            status.push(self.f(
                "pdf-version-number",
                &[("version", version.to_string().into())],
            ));
        }
        status.push(self.f("pdf-prepared-on", &[("date", self.date(created).into())]));
        let status = status.join(", ");
        let mut chars = status.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
            None => String::new(),
        }
    }

    /// "1 January 2027" / "1 января 2027 г.".
    pub fn date(&self, date: NaiveDate) -> String {
        let month = month_name(date.month(), self.language, MonthForm::Genitive);
        match self.language {
            Language::En => format!("{} {month} {}", date.day(), date.year()),
            Language::Ru => format!("{}\u{a0}{month} {}\u{a0}г.", date.day(), date.year()),
        }
    }

    /// A number as the language writes it: "1,500.5" / "1500,5", "15 000".
    pub fn number(&self, value: f64) -> String {
        if !value.is_finite() {
            return self.t("pdf-empty");
        }
        sla_i18n::number(value, self.language)
    }

    /// "70%" / "70 %".
    pub fn percent(&self, value: f64) -> String {
        self.quantity(value, Unit::Percent, Case::Nominative)
    }

    /// A value with its unit, in words: "1 business hour", "не более 8 часов".
    pub fn quantity(&self, value: f64, unit: Unit, case: Case) -> String {
        let id = match unit {
            Unit::Count => "pdf-unit-count",
            Unit::Percent => "pdf-unit-percent",
            Unit::Minutes => "pdf-unit-minutes",
            Unit::Hours => "pdf-unit-hours",
            Unit::BusinessHours => "pdf-unit-business_hours",
            Unit::Days => "pdf-unit-days",
            Unit::Money => "pdf-unit-money",
        };
        let case = match case {
            Case::Nominative => "nominative",
            Case::Genitive => "genitive",
        };
        let rounded = (value * 100.0).round() / 100.0;
        self.f(
            id,
            &[
                ("value", self.number(value).into()),
                ("count", rounded.abs().into()),
                ("case", case.into()),
            ],
        )
    }

    /// A deadline: "8 hours" / "8 часов".
    pub fn duration(&self, duration: &Duration) -> String {
        let unit = match duration.unit {
            DurationUnit::Minutes => Unit::Minutes,
            DurationUnit::Hours => Unit::Hours,
            DurationUnit::Days => Unit::Days,
        };
        self.quantity(duration.value, unit, Case::Nominative)
    }

    /// A target in words: "at least 70%" / "не менее 70 %".
    pub fn target(&self, comparator: Comparator, value: f64, unit: Unit) -> String {
        let (id, case) = match comparator {
            Comparator::AtLeast => ("pdf-comparator-at_least", Case::Genitive),
            Comparator::AtMost => ("pdf-comparator-at_most", Case::Genitive),
            Comparator::Exactly => ("pdf-comparator-exactly", Case::Nominative),
        };
        self.f(id, &[("amount", self.quantity(value, unit, case).into())])
    }

    pub fn window(&self, window: Window) -> String {
        self.t(match window {
            Window::Day => "pdf-window-day",
            Window::Week => "pdf-window-week",
            Window::Month => "pdf-window-month",
            Window::Quarter => "pdf-window-quarter",
            Window::Year => "pdf-window-year",
        })
    }

    pub fn cadence(&self, cadence: Cadence) -> String {
        self.t(match cadence {
            Cadence::Daily => "pdf-cadence-daily",
            Cadence::Weekly => "pdf-cadence-weekly",
            Cadence::Biweekly => "pdf-cadence-biweekly",
            Cadence::Monthly => "pdf-cadence-monthly",
            Cadence::Quarterly => "pdf-cadence-quarterly",
        })
    }

    /// The side's generic name: "Marketing" / "Маркетинг".
    pub fn side(&self, side: Side) -> String {
        self.t(match side {
            Side::Marketing => "side-marketing",
            Side::Sales => "side-sales",
        })
    }

    /// Working days, with runs of three or more joined: "Monday to Friday".
    pub fn weekdays(&self, days: &[u8]) -> String {
        let mut sorted: Vec<u8> = days
            .iter()
            .copied()
            .filter(|d| (1..=7).contains(d))
            .collect();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.is_empty() {
            return self.t("pdf-empty");
        }
        let name = |d: u8| self.t(&format!("pdf-weekday-{d}"));
        let mut parts = Vec::new();
        let mut i = 0;
        while i < sorted.len() {
            let mut j = i;
            while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
                j += 1;
            }
            if j - i >= 2 {
                parts.push(self.f(
                    "pdf-calendar-range",
                    &[
                        ("from", name(sorted[i]).into()),
                        ("to", name(sorted[j]).into()),
                    ],
                ));
            } else {
                parts.extend((i..=j).map(|k| name(sorted[k])));
            }
            i = j + 1;
        }
        parts.join(", ")
    }

    /// A list of dates joined with semicolons, or a dash.
    pub fn dates(&self, dates: &[NaiveDate]) -> String {
        if dates.is_empty() {
            return self.t("pdf-empty");
        }
        dates
            .iter()
            .map(|d| self.date(*d))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_follow_the_locale() {
        let en = Words::new(Language::En);
        let ru = Words::new(Language::Ru);
        let d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(en.date(d), "1 January 2027");
        assert_eq!(ru.date(d), "1\u{a0}января 2027\u{a0}г.");
        assert_eq!(en.number(1500.5), "1,500.5");
        assert_eq!(ru.number(1500.5), "1500,5");
        assert_eq!(ru.number(12500.0), "12\u{a0}500");
        assert_eq!(en.number(12500.0), "12,500");
        assert_eq!(en.number(0.25), "0.25");
        assert_eq!(ru.number(-2.5), "\u{2212}2,5");
    }

    #[test]
    fn targets_read_as_words_with_russian_cases() {
        let en = Words::new(Language::En);
        let ru = Words::new(Language::Ru);
        assert_eq!(
            en.target(Comparator::AtLeast, 70.0, Unit::Percent),
            "at least 70%"
        );
        assert_eq!(
            en.target(Comparator::AtMost, 1.0, Unit::BusinessHours),
            "at most 1 business hour"
        );
        assert_eq!(
            ru.target(Comparator::AtMost, 1.0, Unit::BusinessHours),
            "не более 1 рабочего часа"
        );
        assert_eq!(
            ru.target(Comparator::AtMost, 8.0, Unit::Hours),
            "не более 8 часов"
        );
        assert_eq!(
            ru.target(Comparator::AtLeast, 1.5, Unit::Days),
            "не менее 1,5 дня"
        );
        assert_eq!(
            ru.target(Comparator::Exactly, 3.0, Unit::Days),
            "ровно 3 дня"
        );
        assert_eq!(
            ru.target(Comparator::AtLeast, 90.0, Unit::Percent),
            "не менее 90\u{a0}%"
        );
        let hours = Duration {
            value: 1.0,
            unit: DurationUnit::Hours,
        };
        assert_eq!(ru.duration(&hours), "1 час");
        assert_eq!(
            en.duration(&Duration {
                value: 10.0,
                unit: DurationUnit::Days
            }),
            "10 days"
        );
    }

    #[test]
    fn weekdays_join_runs() {
        let en = Words::new(Language::En);
        assert_eq!(en.weekdays(&[1, 2, 3, 4, 5]), "Monday to Friday");
        assert_eq!(
            en.weekdays(&[1, 3, 6, 7]),
            "Monday, Wednesday, Saturday, Sunday"
        );
        assert_eq!(
            Words::new(Language::Ru).weekdays(&[1, 2, 3, 4, 5, 6]),
            "понедельник\u{2009}–\u{2009}суббота"
        );
    }
}
