//! The agreements the tests compare: the templates the app ships, and edits of them.

#![allow(dead_code)]

use std::path::Path;

use chrono::NaiveDate;
use sla_model::*;

/// The complete template in `language` ("en" or "ru"), as the app ships it.
pub fn template(language: &str) -> Agreement {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../sla-templates/builtin/sales-marketing.{language}.json"
    ));
    read_file(&path).expect("the template reads")
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A bonus adjustment on the first metric with three tiers.
pub fn adjustment(id: &str) -> Adjustment {
    Adjustment {
        id: id.into(),
        kind: AdjustmentKind::Bonus,
        scope: Scope::Metric("mql-per-rep".into()),
        tiers: vec![
            AdjustmentTier {
                achieved_below_percent: 95.0,
                adjustment_percent: -2.0,
            },
            AdjustmentTier {
                achieved_below_percent: 80.0,
                adjustment_percent: -5.0,
            },
            AdjustmentTier {
                achieved_below_percent: 60.0,
                adjustment_percent: -10.0,
            },
        ],
        cap_per_month_percent: 10.0,
        cap_per_year_percent: 30.0,
    }
}

/// The template with an adjustment and holidays, so that every list has items.
pub fn full(language: &str) -> Agreement {
    let mut a = template(language);
    a.consequences.adjustments = vec![adjustment("bonus-mql")];
    a.deadlines.calendar.holidays = vec![date(2027, 1, 1), date(2027, 1, 7)];
    a.consequences.escalation[0].scope = Some(Scope::Commitment("mkt-leads".into()));
    a
}

/// The texts of a comparison's changes in one language.
pub fn texts(comparison: &sla_compare::Comparison, language: Language) -> Vec<String> {
    comparison
        .changes
        .iter()
        .map(|c| c.text.get(language).to_string())
        .collect()
}

pub fn keys(comparison: &sla_compare::Comparison) -> Vec<String> {
    comparison.changes.iter().map(|c| c.key.clone()).collect()
}
