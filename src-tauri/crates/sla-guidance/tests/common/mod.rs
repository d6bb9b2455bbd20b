//! The agreements the guidance tests start from: the inbound B2B template as it ships (read from
//! the templates crate's file, which depends on this one) and the blank agreement.

use sla_model::{Agreement, Language};

/// The inbound B2B template's agreement in `language`, as `sales-marketing` starts it.
pub fn complete(language: Language) -> Agreement {
    let text = match language {
        Language::En => include_str!("../../../sla-templates/builtin/sales-marketing.en.json"),
        Language::Ru => include_str!("../../../sla-templates/builtin/sales-marketing.ru.json"),
    };
    sla_model::from_json(text).unwrap()
}

/// The blank agreement in `language`, starting in 2027.
#[allow(dead_code)]
pub fn blank(language: Language) -> Agreement {
    sla_model::blank(
        language,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(),
    )
}
