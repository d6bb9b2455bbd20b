//! Shared by the PDF tests: agreements to print, and poppler/qpdf run on the real output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

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

pub fn run(program: &str, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (poppler-utils, qpdf): {e}"));
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Text of the whole document, or of one page (1-based).
pub fn pdftotext(path: &Path, page: Option<usize>) -> String {
    let mut args = vec![];
    let p;
    if let Some(n) = page {
        p = n.to_string();
        args.extend(["-f", p.as_str(), "-l", p.as_str()]);
    }
    let file = path.to_str().unwrap();
    args.extend([file, "-"]);
    let (ok, out, err) = run("pdftotext", &args);
    assert!(ok, "pdftotext failed: {err}");
    out
}

pub fn page_count(path: &Path) -> usize {
    let (ok, out, err) = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(ok, "pdfinfo failed: {err}");
    out.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
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

/// A word and its box as `pdftotext -bbox` reports it, in points from the page's top-left.
#[derive(Debug, Clone)]
pub struct WordBox {
    pub text: String,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
}

pub struct PageBoxes {
    pub width: f32,
    pub height: f32,
    pub words: Vec<WordBox>,
}

fn attr(tag: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

pub fn word_boxes(path: &Path) -> Vec<PageBoxes> {
    let (ok, out, err) = run("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    assert!(ok, "pdftotext -bbox failed: {err}");
    let mut pages = Vec::new();
    for chunk in out.split("<page ").skip(1) {
        let tag_end = chunk.find('>').unwrap();
        let tag = &chunk[..tag_end];
        let mut page = PageBoxes {
            width: attr(tag, "width"),
            height: attr(tag, "height"),
            words: Vec::new(),
        };
        for word in chunk.split("<word ").skip(1) {
            let tag_end = word.find('>').unwrap();
            let tag = &word[..tag_end];
            let text_end = word.find("</word>").unwrap();
            page.words.push(WordBox {
                text: unescape(&word[tag_end + 1..text_end]),
                x_min: attr(tag, "xMin"),
                y_min: attr(tag, "yMin"),
                x_max: attr(tag, "xMax"),
                y_max: attr(tag, "yMax"),
            });
        }
        pages.push(page);
    }
    pages
}

/// `qpdf --check` passes and says nothing is wrong.
pub fn assert_qpdf_clean(path: &Path) {
    let (ok, out, err) = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(ok, "qpdf --check failed:\n{out}\n{err}");
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}"
    );
    assert!(
        !out.to_lowercase().contains("warning") && err.trim().is_empty(),
        "qpdf warns:\n{out}\n{err}"
    );
}

/// The document as qpdf's JSON describes it.
pub fn qpdf_json(path: &Path, keys: &[&str]) -> serde_json::Value {
    let mut args = vec!["--json=2"];
    let key_args: Vec<String> = keys.iter().map(|k| format!("--json-key={k}")).collect();
    args.extend(key_args.iter().map(String::as_str));
    args.push(path.to_str().unwrap());
    let (ok, out, err) = run("qpdf", &args);
    assert!(ok, "qpdf --json failed: {err}");
    serde_json::from_str(&out).expect("qpdf prints JSON")
}
