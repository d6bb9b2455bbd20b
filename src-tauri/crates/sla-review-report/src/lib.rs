//! The review report: one period's figures for every metric of a signed agreement against its
//! targets, a chart per metric over the periods, the escalations, remedies and adjustments that
//! apply (each citing the agreement's clause), room for the review's decisions and an unsigned
//! signature field for each head. Set with the agreement PDF's composer, faces and words
//! (`sla_pdf::kit`), so both documents look, number and sign alike.

mod chart;
mod compose;
mod text;

use chrono::{DateTime, Utc};
use sla_compliance::{ConsequenceRef, Review};
use sla_model::{Agreement, Side, Signatory};
use sla_pdf::kit::{self, Attachment, Clauses, DocumentInfo, PageDecor, Words};
pub use sla_pdf::Language;

/// File name of the review's figures attached to the report as JSON.
pub const ATTACHMENT_NAME: &str = "review.sla.json";

/// How to print the report.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub language: Language,
    /// When the report is made: its creation date and "prepared on".
    pub created: DateTime<Utc>,
    /// The local draft the agreement came from, printed in the title block and footer.
    pub draft_id: Option<i64>,
    /// The agreement's version.
    pub version: Option<u32>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(
        "the review of {period} names {what}, which this agreement does not have; \
         recompute the review against this version of the agreement"
    )]
    UnknownItem { period: String, what: String },
    #[error("the review of {period} gives metric `{metric}` a {what} that is not a number")]
    NotANumber {
        period: String,
        metric: String,
        what: &'static str,
    },
    #[error("cannot attach the review's figures: {0}")]
    Attachment(String),
    #[error(transparent)]
    Pdf(#[from] sla_pdf::PdfError),
}

/// The review of one period as a PDF.
pub fn report(
    agreement: &Agreement,
    review: &Review,
    options: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    check(agreement, review)?;
    let words = Words::of(options.language);
    let hash = sla_pdf::agreement_hash(agreement);
    let json =
        serde_json::to_vec_pretty(review).map_err(|e| ReportError::Attachment(e.to_string()))?;
    let period = text::period(words, review.period);
    let decor = page_decor(agreement, words, options, &hash, &period);
    let info = document_info(agreement, words, options, &period);
    let attachment = Attachment {
        name: ATTACHMENT_NAME,
        json: &json,
        description: words.t("report-attachment-description"),
    };
    let signatories = signatories(agreement);
    let names: Vec<String> = signatories.iter().map(|s| s.name.clone()).collect();
    let input = compose::Input {
        agreement,
        review,
        words,
        options,
        hash: &hash,
        signatories: &signatories,
    };
    Ok(kit::render(
        &info.title,
        |c| compose::compose(c, &input),
        &decor,
        &info,
        &attachment,
        &names,
    )?)
}

/// Every figure is a number (a chart cannot place infinity), and every consequence and
/// adjustment the review names exists in the agreement, so each can cite its clause.
fn check(agreement: &Agreement, review: &Review) -> Result<(), ReportError> {
    for m in &review.metrics {
        let not_a_number = |what| ReportError::NotANumber {
            period: review.period.to_string(),
            metric: m.metric_id.clone(),
            what,
        };
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        if !m.target.is_finite() {
            return Err(not_a_number("target"));
        }
        if !finite(m.actual) || !finite(m.achieved_percent) {
            return Err(not_a_number("figure"));
        }
        if !m.trend.iter().all(|(_, v)| finite(*v)) {
            return Err(not_a_number("figure in an earlier period"));
        }
        if let Some(t) = m.time {
            if ![t.median, t.p90, t.within_target_percent]
                .iter()
                .all(|v| v.is_finite())
            {
                return Err(not_a_number("response time"));
            }
        }
    }
    let clauses = Clauses::of(agreement);
    let unknown = |what: String| ReportError::UnknownItem {
        period: review.period.to_string(),
        what,
    };
    for fired in &review.fired {
        match &fired.source {
            ConsequenceRef::Escalation { index } => {
                if clauses.escalation_step(*index).is_none() {
                    return Err(unknown(format!("escalation step {}", index + 1)));
                }
            }
            ConsequenceRef::Remedy { id } => {
                if clauses.remedy(id).is_none() {
                    return Err(unknown(format!("remedy `{id}`")));
                }
            }
        }
    }
    for adjustment in &review.adjustments {
        if clauses.adjustment(&adjustment.adjustment_id).is_none() {
            return Err(unknown(format!(
                "adjustment `{}`",
                adjustment.adjustment_id
            )));
        }
    }
    Ok(())
}

/// Who signs the review: the agreement's signatories, or the two heads when it names none.
fn signatories(agreement: &Agreement) -> Vec<Signatory> {
    if !agreement.signatories.is_empty() {
        return agreement.signatories.clone();
    }
    [Side::Marketing, Side::Sales]
        .into_iter()
        .map(|side| {
            let head = &agreement.parties.get(side).head;
            Signatory {
                side,
                name: head.name.clone(),
                role: head.role.clone(),
                email: head.email.clone(),
            }
        })
        .collect()
}

fn page_decor(
    agreement: &Agreement,
    words: &'static Words,
    options: &ReportOptions,
    hash: &str,
    period: &str,
) -> PageDecor {
    let mut first = words.f(
        "report-footer",
        &[
            ("id", words.or_dash(&agreement.id).into()),
            ("period", period.into()),
        ],
    );
    if let Some(version) = options.version {
        first.push_str(", ");
        first.push_str(&words.f(
            "pdf-version-number",
            &[("version", version.to_string().into())],
        ));
    }
    PageDecor {
        running_title: format!(
            "{}: {}",
            words.t("report-document-kind"),
            words.or_dash(&agreement.title)
        ),
        draft_mark: None,
        draft_banner: None,
        footer_left: vec![
            first,
            words.f("report-fingerprint", &[("hash", hash.into())]),
        ],
        page_label: Box::new(move |page: usize, total: usize| {
            words.f(
                "pdf-page-of",
                &[("page", page.into()), ("total", total.into())],
            )
        }),
    }
}

fn document_info(
    agreement: &Agreement,
    words: &Words,
    options: &ReportOptions,
    period: &str,
) -> DocumentInfo {
    let authors: Vec<String> = signatories(agreement)
        .into_iter()
        .map(|s| s.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let department = |side: Side| {
        let name = agreement.parties.get(side).department.trim();
        if name.is_empty() {
            words.side(side)
        } else {
            name.to_string()
        }
    };
    DocumentInfo {
        title: format!(
            "{} — {}",
            words.f("report-period", &[("period", period.into())]),
            words.or_dash(&agreement.title)
        ),
        author: authors.join(", "),
        subject: words.f(
            "report-meta-subject",
            &[
                ("period", period.into()),
                ("marketing", department(Side::Marketing).into()),
                ("sales", department(Side::Sales).into()),
            ],
        ),
        keywords: format!("{}, {}", words.t("report-meta-keywords"), agreement.id),
        created: options.created,
        language: match options.language {
            Language::En => "en",
            Language::Ru => "ru",
        }
        .to_string(),
    }
}
