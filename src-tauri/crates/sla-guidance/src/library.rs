//! The metric library: proven metrics of a sales-marketing SLA in both directions, each a ready
//! `Metric` with the reason it is worth measuring and where the evidence comes from. The wizard
//! offers them as cards; the templates and the funnel calculator build on them. The texts are
//! data (`library/metrics.{en,ru}.json`) so that a translator edits them without touching code.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sla_model::{Commitment, Language, Metric, Side};

/// A metric from the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryMetric {
    /// Ready to add to a commitment of `metric.owner`, with a sensible default target.
    pub metric: Metric,
    /// Why the metric is worth having, and how it could be gamed if used alone.
    pub reason: String,
    /// Where the default and the advice come from.
    pub source: String,
    /// The way of selling the metric belongs to: the name of the template that uses it
    /// (`sales-marketing` for the classic inbound metrics).
    #[serde(default)]
    pub group: String,
    /// The range of targets the source reports as usual; a target far outside it is flagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical: Option<Typical>,
}

/// The usual range of a metric's target, in the metric's unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Typical {
    pub low: f64,
    pub high: f64,
}

impl LibraryMetric {
    /// The side that provides what the metric measures and answers for it.
    pub fn provider(&self) -> Side {
        self.metric.owner
    }
}

/// The library split by the side that provides the service, as the wizard shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricsByProvider {
    /// What marketing commits to sales.
    pub marketing: Vec<LibraryMetric>,
    /// What sales commits to marketing.
    pub sales: Vec<LibraryMetric>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryFile {
    commitments: Vec<Commitment>,
    metrics: Vec<LibraryMetric>,
}

#[derive(Clone)]
struct Library {
    commitments: Vec<Commitment>,
    metrics: Vec<LibraryMetric>,
}

/// The metrics of each way of selling beyond the classic inbound ones, one file per template.
macro_rules! groups {
    ($lang:literal) => {
        [
            (
                "outbound-abm",
                include_str!(concat!("../library/outbound-abm.", $lang, ".json")),
            ),
            (
                "call-centre",
                include_str!(concat!("../library/call-centre.", $lang, ".json")),
            ),
            (
                "long-cycle",
                include_str!(concat!("../library/long-cycle.", $lang, ".json")),
            ),
            (
                "partner-channel",
                include_str!(concat!("../library/partner-channel.", $lang, ".json")),
            ),
        ]
    };
}

/// The group of the classic inbound metrics in `metrics.{en,ru}.json`.
pub const INBOUND_GROUP: &str = "sales-marketing";

/// The library of a language, parsed once per process: the checks look metrics up on every edit.
fn load(language: Language) -> &'static Library {
    static EN: OnceLock<Library> = OnceLock::new();
    static RU: OnceLock<Library> = OnceLock::new();
    let (cell, text, groups) = match language {
        Language::En => (
            &EN,
            include_str!("../library/metrics.en.json"),
            groups!("en"),
        ),
        Language::Ru => (
            &RU,
            include_str!("../library/metrics.ru.json"),
            groups!("ru"),
        ),
    };
    cell.get_or_init(|| {
        // The files are compiled in and a test reads them all, so a broken file never reaches a
        // person.
        let file: LibraryFile =
            serde_json::from_str(text).expect("the built-in metric library is valid");
        let mut metrics = file.metrics;
        for m in &mut metrics {
            m.group = INBOUND_GROUP.to_string();
        }
        for (group, text) in groups {
            let mut more: Vec<LibraryMetric> =
                serde_json::from_str(text).expect("the built-in metric library is valid");
            for m in &mut more {
                m.group = group.to_string();
            }
            metrics.extend(more);
        }
        Library {
            commitments: file.commitments,
            metrics,
        }
    })
}

/// Every library metric in `language`, marketing's first, in the order the wizard offers them.
pub fn metrics(language: Language) -> Vec<LibraryMetric> {
    load(language).metrics.clone()
}

/// The library metrics grouped by the side that provides them.
pub fn by_provider(language: Language) -> MetricsByProvider {
    let (marketing, sales) = metrics(language)
        .into_iter()
        .partition(|m| m.provider() == Side::Marketing);
    MetricsByProvider { marketing, sales }
}

/// The library metric with this id.
pub fn metric(id: &str, language: Language) -> Option<LibraryMetric> {
    find(id, language).cloned()
}

/// The library metric with this id, borrowed from the parsed library.
pub fn find(id: &str, language: Language) -> Option<&'static LibraryMetric> {
    load(language).metrics.iter().find(|m| m.metric.id == id)
}

/// The usual service one side provides, with no metrics yet: "Marketing-qualified leads" for
/// marketing, "Lead follow-up and feedback" for sales.
pub fn commitment(provider: Side, language: Language) -> Commitment {
    load(language)
        .commitments
        .iter()
        .find(|c| c.provider == provider)
        .cloned()
        .expect("the library has a commitment for each side")
}
