//! The metric library: proven metrics of a sales-marketing SLA in both directions, each a ready
//! `Metric` with the reason it is worth measuring and where the evidence comes from. The wizard
//! offers them as cards; the templates and the funnel calculator build on them. The texts are
//! data (`library/metrics.{en,ru}.json`) so that a translator edits them without touching code.

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

fn load(language: Language) -> LibraryFile {
    let text = match language {
        Language::En => include_str!("../library/metrics.en.json"),
        Language::Ru => include_str!("../library/metrics.ru.json"),
    };
    // The files are compiled in and a test reads both, so a broken file never reaches a person.
    serde_json::from_str(text).expect("the built-in metric library is valid")
}

/// Every library metric in `language`, marketing's first, in the order the wizard offers them.
pub fn metrics(language: Language) -> Vec<LibraryMetric> {
    load(language).metrics
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
    metrics(language).into_iter().find(|m| m.metric.id == id)
}

/// The usual service one side provides, with no metrics yet: "Marketing-qualified leads" for
/// marketing, "Lead follow-up and feedback" for sales.
pub fn commitment(provider: Side, language: Language) -> Commitment {
    load(language)
        .commitments
        .into_iter()
        .find(|c| c.provider == provider)
        .expect("the library has a commitment for each side")
}
