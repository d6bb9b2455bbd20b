//! Complete example agreements to start from, in each language, and the blank one. The complete
//! ones pass every check and use the metric library's metrics word for word.

use chrono::{Datelike, NaiveDate};
use sla_model::*;

/// A template a person can start an agreement from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TemplateInfo {
    pub name: &'static str,
    /// What the template holds, in English.
    pub summary: &'static str,
    /// The same in Russian.
    pub summary_ru: &'static str,
}

impl TemplateInfo {
    pub fn summary_in(&self, language: Language) -> &'static str {
        match language {
            Language::En => self.summary,
            Language::Ru => self.summary_ru,
        }
    }
}

pub const TEMPLATES: &[TemplateInfo] = &[
    TemplateInfo {
        name: "sales-marketing",
        summary: "Classic two-way SLA: MQL volume and quality from marketing, fast follow-up and feedback from sales",
        summary_ru: "Классическое двустороннее SLA: объём и качество MQL от маркетинга, быстрая обработка лидов и обратная связь от продаж",
    },
    TemplateInfo {
        name: "blank",
        summary: "An empty agreement with both parties and nothing else filled in",
        summary_ru: "Пустое соглашение: указаны только стороны, остальное заполняется с нуля",
    },
];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    #[error("no template named `{name}`; available: {available}")]
    Unknown { name: String, available: String },
}

/// A fresh agreement from the named template: a new id, everything else as the template has it.
pub fn instantiate(name: &str, language: Language) -> Result<Agreement, TemplateError> {
    let mut agreement = match name {
        "sales-marketing" => {
            let text = match language {
                Language::En => include_str!("../templates/sales-marketing.en.json"),
                Language::Ru => include_str!("../templates/sales-marketing.ru.json"),
            };
            sla_model::from_json(text).expect("built-in templates are valid agreements")
        }
        "blank" => blank(language, chrono::Local::now().date_naive()),
        _ => {
            return Err(TemplateError::Unknown {
                name: name.to_string(),
                available: TEMPLATES
                    .iter()
                    .map(|t| t.name)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        }
    };
    agreement.id = new_id();
    Ok(agreement)
}

/// An agreement with nothing chosen yet but the language and a start at the next month.
pub fn blank(language: Language, today: NaiveDate) -> Agreement {
    let first_of_next_month = if today.month() == 12 {
        NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(today.year(), today.month() + 1, 1)
    }
    .expect("the first of a month exists");
    let (marketing, sales, title) = match language {
        Language::En => (
            "Marketing",
            "Sales",
            "Service-level agreement between Marketing and Sales",
        ),
        Language::Ru => (
            "Маркетинг",
            "Продажи",
            "Соглашение об уровне сервиса между маркетингом и продажами",
        ),
    };
    let party = |department: &str| Party {
        department: department.to_string(),
        head: Person {
            name: String::new(),
            role: String::new(),
            email: String::new(),
        },
    };
    Agreement {
        schema_version: SCHEMA_VERSION,
        id: new_id(),
        title: title.to_string(),
        language,
        parties: Parties {
            marketing: party(marketing),
            sales: party(sales),
        },
        term: Term {
            effective_date: first_of_next_month,
            duration_months: 12,
            renewal: Renewal::ByAgreement,
            review_dates: vec![],
        },
        commitments: vec![],
        monitoring: Monitoring {
            data_collection: String::new(),
            data_processing: String::new(),
            reports: vec![],
            review_cadence: None,
            reviewers: vec![],
        },
        deadlines: Deadlines {
            basis: TimeBasis::BusinessHours,
            calendar: BusinessCalendar {
                timezone: match language {
                    Language::En => "UTC",
                    Language::Ru => "Europe/Moscow",
                }
                .to_string(),
                workdays: vec![1, 2, 3, 4, 5],
                day_start: "09:00".into(),
                day_end: "18:00".into(),
                holidays: vec![],
            },
            rules: vec![],
        },
        consequences: Consequences {
            escalation: vec![],
            remedies: vec![],
            adjustments: vec![],
        },
        signatories: vec![],
        notes: String::new(),
        negotiation: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_instantiates_in_both_languages_with_a_fresh_id() {
        for t in TEMPLATES {
            for lang in [Language::En, Language::Ru] {
                let a = instantiate(t.name, lang).unwrap();
                let b = instantiate(t.name, lang).unwrap();
                assert_ne!(a.id, b.id, "{} must get a fresh id", t.name);
                assert_eq!(a.language, lang, "{} in {:?}", t.name, lang);
            }
        }
    }

    #[test]
    fn unknown_template_names_the_available_ones() {
        let err = instantiate("nope", Language::En).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no template named `nope`; available: sales-marketing, blank"
        );
    }

    #[test]
    fn blank_starts_next_month_even_in_december() {
        let a = blank(Language::En, NaiveDate::from_ymd_opt(2026, 12, 15).unwrap());
        assert_eq!(
            a.term.effective_date,
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
    }
}
