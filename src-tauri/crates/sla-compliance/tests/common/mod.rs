//! An agreement and leads built in the test, so every figure can be worked out by hand.

#![allow(dead_code)]

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde_json::json;
use sla_compliance::{FigureSource, Measure, MetricFigure, Period, PeriodFigures};
use sla_crm_export::{Lead, StageClass};
use sla_model::Agreement;

/// Marketing commits MQLs per rep (at least 3), acceptance (at least 70 %) and complete records
/// (by hand); sales commits first contact within 2 business hours, reasons for 95 % of rejected
/// leads, 5 attempts on 90 % of them, and a median of attempts. Moscow, Mon–Fri 09:00–18:00,
/// 4 November 2026 and the New Year days 1–8 January 2027 off. Term: September 2026 to August 2027.
pub fn agreement() -> Agreement {
    let metric = |id: &str,
                  name: &str,
                  definition: &str,
                  kind: &str,
                  flow: &str,
                  unit: &str,
                  comparator: &str,
                  target: f64| {
        json!({
            "id": id, "name": name, "definition": definition, "kind": kind, "flow": flow,
            "unit": unit, "comparator": comparator, "target": target, "window": "month",
            "data_source": "CRM", "collection": {"method": "automatic"},
            "owner": if id.starts_with("mql") { "marketing" } else { "sales" }
        })
    };
    let value = json!({
        "schema_version": 1,
        "id": "test-agreement",
        "title": "Test",
        "language": "en",
        "parties": {
            "marketing": {"department": "Marketing", "head": {"name": "A", "role": "Head of Marketing"}},
            "sales": {"department": "Sales", "head": {"name": "B", "role": "Head of Sales"}}
        },
        "term": {"effective_date": "2026-09-01", "duration_months": 12, "renewal": "none", "review_dates": []},
        "commitments": [
            {"id": "mkt-leads", "provider": "marketing", "service": "MQLs", "metrics": [
                metric("mql-per-rep", "MQLs per sales rep", "Leads marked MQL, per full-time rep in the month.", "volume", "mql", "count", "at_least", 3.0),
                metric("mql-acceptance", "Sales acceptance rate", "Share of MQLs that sales accepts.", "quality", "mql", "percent", "at_least", 70.0),
                metric("mql-data-complete", "Complete lead records", "Share of MQLs with every field filled in.", "reliability", "mql", "percent", "at_least", 95.0)
            ]},
            {"id": "sales-follow-up", "provider": "sales", "service": "Follow-up", "metrics": [
                metric("first-contact-time", "Time to first contact", "Median business hours from assignment to the first logged call or e-mail.", "speed", "mql", "business_hours", "at_most", 2.0),
                metric("rejection-reasons", "Rejected leads returned with a reason", "Share of rejected leads with a reason.", "quality", "rejected", "percent", "at_least", 95.0),
                metric("follow-up-attempts", "Follow-up attempts before recycling", "Share of MQLs with at least 5 logged contact attempts within 10 business days before being recycled.", "volume", "follow-up", "percent", "at_least", 90.0),
                metric("attempts-median", "Attempts before recycling", "Median contact attempts on a recycled lead.", "volume", "follow-up", "count", "at_least", 3.0)
            ]}
        ],
        "monitoring": {"data_collection": "", "data_processing": "", "reports": [], "review_cadence": "monthly", "reviewers": []},
        "deadlines": {
            "basis": "business_hours",
            "calendar": {
                "timezone": "Europe/Moscow", "workdays": [1, 2, 3, 4, 5], "day_start": "09:00", "day_end": "18:00",
                "holidays": ["2026-11-04", "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"]
            },
            "rules": []
        },
        "consequences": {"escalation": [], "remedies": [], "adjustments": []},
        "signatories": []
    });
    serde_json::from_value(value).expect("the test agreement is valid")
}

/// A wall-clock time in Moscow (UTC+3 all year), e.g. "2026-11-02 10:00".
pub fn msk(text: &str) -> DateTime<Utc> {
    let wall = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("test time");
    chrono_tz::Europe::Moscow
        .from_local_datetime(&wall)
        .single()
        .expect("Moscow has no clock changes")
        .with_timezone(&Utc)
}

pub struct L<'a> {
    pub id: &'a str,
    pub owner: &'a str,
    pub created: &'a str,
    pub class: Option<StageClass>,
    pub contact: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub attempts: Option<u32>,
}

impl L<'_> {
    pub fn lead(&self, row: usize) -> Lead {
        Lead {
            row,
            id: self.id.to_string(),
            owner: self.owner.to_string(),
            created: msk(self.created),
            stage: format!("{:?}", self.class),
            class: self.class,
            rejection_reason: self.reason.map(str::to_string),
            first_contact: self.contact.map(msk),
            attempts: self.attempts,
        }
    }
}

pub fn period(text: &str) -> Period {
    text.parse().expect("test period")
}

/// A period's figures given directly, as `compute_period` would have stored them.
pub fn figures(period_text: &str, actuals: &[(&str, Option<f64>)]) -> PeriodFigures {
    PeriodFigures {
        period: period(period_text),
        figures: actuals
            .iter()
            .map(|&(metric_id, actual)| MetricFigure {
                metric_id: metric_id.to_string(),
                measure: Measure::Manual,
                actual,
                source: FigureSource::Export { leads: 10 },
                per_rep: Vec::new(),
                time: None,
                fraction: None,
            })
            .collect(),
    }
}
