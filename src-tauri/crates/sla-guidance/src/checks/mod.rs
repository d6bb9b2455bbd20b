//! The article's rules for a good sales-marketing SLA as checks an experienced revenue-operations
//! lead would make: metrics only the provider controls, easy to collect, paired for quality,
//! neither too many nor too few, with targets that can be checked and met; monitoring, deadlines
//! and consequences that say who does what and when. The wizard shows the findings as it goes, the
//! CLI prints them (`sla-studio lint`) and the PDF export refuses an agreement with errors.

mod catalogue;
mod consequences;
mod deadlines;
mod identity;
mod meaning;
mod metrics;
mod monitoring;
mod parties;
mod plan;
mod targets;
mod typical;

use serde::{Deserialize, Serialize};
use sla_i18n::{Arg, Messages};
use sla_model::{Agreement, Language, Side};

pub use catalogue::*;
pub use meaning::{closest_zone, time_zones, valid_email};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The agreement cannot work as written: it cannot be checked, met or enforced.
    Error,
    /// It works, but goes against the article's advice and will likely cause trouble.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

/// One problem found in an agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The stable check id, e.g. `metric-owner-not-provider`.
    pub id: &'static str,
    pub severity: Severity,
    /// The field it points at, in the path syntax of `sla_model::Location`, e.g.
    /// `commitments[0].metrics[1].owner`; empty for the agreement as a whole.
    pub field: String,
    /// What is wrong and why it matters, in the language asked for.
    pub message: String,
    /// What to do about it, in the same language.
    pub fix: String,
    /// The key of the rule of the article or the source the finding applies (`metrics-targets`,
    /// `source-hbr`, `library`), so the UI can link its explanation.
    pub cites: &'static str,
    /// That rule or source in words: why, not only what.
    pub citation: String,
}

/// Every finding for the agreement, in document order, with messages in `language`.
pub fn check(agreement: &Agreement, language: Language) -> Vec<Finding> {
    let mut findings = Findings {
        messages: Messages::of(language),
        out: Vec::new(),
    };
    parties::check(agreement, &mut findings);
    identity::check(agreement, &mut findings);
    metrics::check(agreement, &mut findings);
    targets::check(agreement, &mut findings);
    plan::check(agreement, &mut findings);
    typical::check(agreement, &mut findings);
    monitoring::check(agreement, &mut findings);
    deadlines::check(agreement, &mut findings);
    meaning::check(agreement, &mut findings);
    consequences::check(agreement, &mut findings);
    findings.out
}

/// Whether any finding is an error: the CLI exits 1 and the PDF export refuses on them.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Collects findings and words them; each check module only decides what is wrong and where.
struct Findings {
    messages: &'static Messages,
    out: Vec<Finding>,
}

impl Findings {
    fn add(&mut self, check: Check, field: impl Into<String>, args: &[(&str, Arg)]) {
        let citation = self.messages.get(&check.cite_id());
        self.push(check, field.into(), args, check.cites, citation);
    }

    /// A finding whose figure comes from a source of its own (a library metric's study), cited
    /// in place of the check's rule.
    fn add_citing(
        &mut self,
        check: Check,
        field: impl Into<String>,
        args: &[(&str, Arg)],
        source: &str,
    ) {
        // The message ends the sentence itself.
        let source = source.trim().trim_end_matches('.');
        let citation = self
            .messages
            .format("cite-library", &[("source", Arg::from(source))]);
        self.push(check, field.into(), args, "library", citation);
    }

    fn push(
        &mut self,
        check: Check,
        field: String,
        args: &[(&str, Arg)],
        cites: &'static str,
        citation: String,
    ) {
        self.out.push(Finding {
            id: check.id,
            severity: check.severity,
            field,
            message: self.messages.format(&check.message_id(), args),
            fix: self.messages.format(&check.fix_id(), args),
            cites,
            citation,
        });
    }

    /// The department's name as the messages say it ("Marketing", "Маркетинг").
    fn side(&self, side: Side) -> Arg {
        Arg::Str(self.messages.get(match side {
            Side::Marketing => "side-marketing",
            Side::Sales => "side-sales",
        }))
    }
}

/// Field paths, spelled as `sla_model::Location` spells them.
fn commitment_path(c: usize) -> String {
    format!("commitments[{c}]")
}

fn metric_path(c: usize, m: usize) -> String {
    format!("commitments[{c}].metrics[{m}]")
}

fn side_key(side: Side) -> &'static str {
    match side {
        Side::Marketing => "marketing",
        Side::Sales => "sales",
    }
}

/// Whether two typed labels (names, flows) mean the same, ignoring case and outer spaces.
fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Typed text that is missing or only spaces.
fn blank(text: &str) -> bool {
    text.trim().is_empty()
}
