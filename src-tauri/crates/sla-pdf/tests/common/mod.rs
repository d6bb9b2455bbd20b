//! Shared by the PDF tests: agreements to print and what to look for in the text poppler reads
//! (poppler and qpdf themselves are run by sla-pdf-inspect).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use sla_model::*;
use sla_pdf::ExportOptions;

/// The English template exactly as shipped (its id kept, so the output is reproducible).
pub fn english_template() -> Agreement {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../sla-templates/builtin/sales-marketing.en.json");
    sla_model::read_file(&path).expect("the English template reads")
}

/// The Russian template exactly as shipped.
pub fn russian_template() -> Agreement {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../sla-templates/builtin/sales-marketing.ru.json");
    sla_model::read_file(&path).expect("the Russian template reads")
}

/// The template translated into Russian, with an adjustment, holidays and a third signatory.
pub fn russian_agreement() -> Agreement {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement.ru.json");
    sla_model::read_file(&path).expect("the Russian fixture reads")
}

pub fn options(language: Language) -> ExportOptions {
    ExportOptions {
        language,
        draft_id: Some(42),
        version: Some(7),
        draft_mark: false,
        created: Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).unwrap(),
        amendment: None,
    }
}

const LOREM: &str = "Revenue operations checks every figure against the CRM export before the review, \
    removes duplicates and test leads, and notes any change to the lead definition agreed since the \
    last meeting so that both heads compare like with like.";

/// A deliberately large agreement: 60 metrics, 2000-character notes, unbroken 300-character words
/// in narrow table cells, long names everywhere.
pub fn long_agreement() -> Agreement {
    let mut a = english_template();
    let url = format!("https://crm.example.com/reports/{}", "x".repeat(270));
    a.title = format!(
        "{} {}",
        a.title,
        "covering inbound, outbound and partner leads for every region".repeat(2)
    );
    a.parties.marketing.department =
        "Marketing, demand generation and partner programmes department".into();
    let template = a.commitments[0].metrics[0].clone();
    a.commitments[0].metrics = (1..=60)
        .map(|i| {
            let mut m = template.clone();
            m.id = format!("metric-{i:02}");
            m.name = format!("Metric {i}: share of leads handled as agreed in the quarterly plan");
            m.definition = if i % 10 == 0 {
                format!("Counted from {url} every night. {LOREM}")
            } else {
                format!("{LOREM} Number {i}.")
            };
            if i % 15 == 0 {
                m.data_source = url.clone();
                m.collection = Collection::Manual {
                    reason: format!("Nobody records it yet: {LOREM}"),
                };
            }
            m.target = 1000.0 + i as f64 + 0.5;
            m
        })
        .collect();
    // One row taller than a page: it must split inside the row.
    a.commitments[1].metrics[0].definition = (0..12).map(|_| LOREM).collect::<Vec<_>>().join(" ");
    a.notes = {
        let mut notes = String::new();
        while notes.len() < 2000 {
            notes.push_str(LOREM);
            notes.push(' ');
        }
        notes.push_str(&"W".repeat(300));
        notes
    };
    a.monitoring.data_processing = format!("{LOREM} {url}");
    for i in 0..20 {
        a.deadlines.rules.push(DeadlineRule {
            id: format!("rule-{i}"),
            category: DeadlineCategory::LeadTier,
            applies_to: format!("Tier {i}: {LOREM}"),
            owner: Side::Sales,
            response: Some(Duration {
                value: 1.5 + i as f64,
                unit: DurationUnit::Hours,
            }),
            resolution: None,
        });
    }
    for i in 0..15 {
        a.consequences.remedies.push(Remedy {
            id: format!("remedy-{i}"),
            scope: Scope::Metric(format!("metric-{:02}", i + 1)),
            trigger: format!("{LOREM} {}", "Z".repeat(120)),
            action: LOREM.to_string(),
            when: None,
        });
    }
    a.consequences.adjustments.push(Adjustment {
        id: "sales-budget".into(),
        kind: AdjustmentKind::Budget,
        scope: Scope::Commitment("sales-follow-up".into()),
        tiers: vec![
            AdjustmentTier {
                achieved_below_percent: 90.0,
                adjustment_percent: -5.0,
            },
            AdjustmentTier {
                achieved_below_percent: 75.0,
                adjustment_percent: -10.0,
            },
        ],
        cap_per_month_percent: 10.0,
        cap_per_year_percent: 25.0,
    });
    a.signatories.push(Signatory {
        side: Side::Sales,
        name: "Maria Alexandrovna Konstantinopolskaya-Rimskaya-Korsakova".into(),
        role: format!("Chief executive officer, {LOREM}"),
        email: "ceo@example.com".into(),
    });
    // A role pasted with pages of text: the signature block cannot fit on one page.
    a.signatories.push(Signatory {
        side: Side::Marketing,
        name: "Pavel Orlov".into(),
        role: (0..25).map(|_| LOREM).collect::<Vec<_>>().join(" "),
        email: String::new(),
    });
    a
}

/// A temporary directory that holds the test's files.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }
}

/// Text with all whitespace removed, so that line breaks from wrapping do not matter.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every string a person typed into the agreement (enum values and ISO dates are printed as
/// words and checked separately).
pub fn typed_strings(agreement: &Agreement) -> Vec<String> {
    const ENUM_KEYS: &[&str] = &[
        "language",
        "provider",
        "kind",
        "unit",
        "comparator",
        "window",
        "method",
        "side",
        "renewal",
        "frequency",
        "review_cadence",
        "basis",
        "category",
        "condition",
    ];
    const DATE_KEYS: &[&str] = &["effective_date", "review_dates", "holidays"];
    fn walk(key: &str, value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => {
                let metric_owner = key == "owner" && (s == "marketing" || s == "sales");
                if !ENUM_KEYS.contains(&key)
                    && !DATE_KEYS.contains(&key)
                    && !metric_owner
                    && !s.trim().is_empty()
                {
                    out.push(s.clone());
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(key, v, out)),
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| walk(k, v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("", &serde_json::to_value(agreement).unwrap(), &mut out);
    out
}
