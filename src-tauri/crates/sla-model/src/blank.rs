//! The blank agreement: the parties named, everything else left to the wizard.

use crate::*;
use chrono::{Datelike, NaiveDate};

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
        plan: Plan::default(),
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
    fn blank_starts_next_month_even_in_december() {
        let a = blank(Language::En, NaiveDate::from_ymd_opt(2026, 12, 15).unwrap());
        assert_eq!(
            a.term.effective_date,
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
    }
}
