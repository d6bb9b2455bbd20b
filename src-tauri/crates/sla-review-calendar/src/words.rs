//! The meetings' titles and descriptions in the agreement's language.

use sla_model::{Cadence, Language};

pub(crate) struct Words {
    language: Language,
}

impl Words {
    pub(crate) fn of(language: Language) -> Words {
        Words { language }
    }

    pub(crate) fn calendar_name(&self, title: &str) -> String {
        match self.language {
            Language::En => format!("SLA reviews: {title}"),
            Language::Ru => format!("Разборы SLA: {title}"),
        }
    }

    pub(crate) fn regular_summary(&self, cadence: Cadence, title: &str) -> String {
        let en = match cadence {
            Cadence::Daily => "Daily",
            Cadence::Weekly => "Weekly",
            Cadence::Biweekly => "Fortnightly",
            Cadence::Monthly => "Monthly",
            Cadence::Quarterly => "Quarterly",
        };
        let ru = match cadence {
            Cadence::Daily => "Ежедневный",
            Cadence::Weekly => "Еженедельный",
            Cadence::Biweekly => "Двухнедельный",
            Cadence::Monthly => "Ежемесячный",
            Cadence::Quarterly => "Ежеквартальный",
        };
        match self.language {
            Language::En => format!("{en} SLA review: {title}"),
            Language::Ru => format!("{ru} разбор SLA: {title}"),
        }
    }

    pub(crate) fn regular_description(&self, cadence: Cadence, title: &str) -> String {
        let period = match (self.language, cadence) {
            (Language::En, Cadence::Daily) => "the previous working day",
            (Language::En, Cadence::Weekly) => "the past week",
            (Language::En, Cadence::Biweekly) => "the past two weeks",
            (Language::En, Cadence::Monthly) => "the past month",
            (Language::En, Cadence::Quarterly) => "the past quarter",
            (Language::Ru, Cadence::Daily) => "предыдущий рабочий день",
            (Language::Ru, Cadence::Weekly) => "прошедшую неделю",
            (Language::Ru, Cadence::Biweekly) => "прошедшие две недели",
            (Language::Ru, Cadence::Monthly) => "прошедший месяц",
            (Language::Ru, Cadence::Quarterly) => "прошедший квартал",
        };
        match self.language {
            Language::En => format!(
                "Review of \"{title}\": each metric's figure for {period} against its target, \
                 the consequences that apply, and the decisions to record."
            ),
            Language::Ru => format!(
                "Разбор соглашения «{title}»: показатель каждой метрики за {period} в сравнении с \
                 целью, применимые последствия и решения, которые нужно записать."
            ),
        }
    }

    pub(crate) fn agreement_review_summary(&self, title: &str) -> String {
        match self.language {
            Language::En => format!("Agreement review: {title}"),
            Language::Ru => format!("Пересмотр соглашения: {title}"),
        }
    }

    pub(crate) fn agreement_review_description(&self, title: &str) -> String {
        match self.language {
            Language::En => format!(
                "Review date set in \"{title}\": both heads review the agreement and its targets."
            ),
            Language::Ru => format!(
                "Дата пересмотра, установленная соглашением «{title}»: руководители обоих отделов \
                 пересматривают соглашение и его цели."
            ),
        }
    }
}
