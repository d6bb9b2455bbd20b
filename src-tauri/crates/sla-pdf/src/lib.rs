//! The agreement as a PDF that the heads sign and file: laid out like a contract in Russian or
//! English, with embedded subset fonts, outline, metadata, the agreement's canonical JSON
//! attached (so the PDF imports back into a draft exactly) and an unsigned signature field per
//! signatory for the signing step.
//!
//! [`kit`] lends the same composer, faces, words and finishing to other documents of the
//! agreement (the review report), so they look and sign alike.

pub mod clauses;
mod content;
mod finish;
mod fonts;
mod layout;
mod read;
mod words;
mod wrap;

use chrono::{DateTime, Utc};
use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};
use sla_model::Agreement;
pub use sla_model::Language;

pub use finish::ATTACHMENT_NAME;
pub use fonts::Face;
pub use read::{extract_agreement, signature_fields, SignatureField};

use crate::finish::{Attachment, DocumentInfo, FieldPlan};
use crate::fonts::face;
use crate::layout::{Composer, PageDecor};
use crate::words::Words;

/// How to print the agreement.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The language of the PDF; usually the agreement's own.
    pub language: Language,
    /// The local draft the export came from, printed in the title block.
    pub draft_id: Option<i64>,
    /// The draft's version, printed in the title block and the footer.
    pub version: Option<u32>,
    /// Marks every page DRAFT: set when the agreement fails the checks.
    pub draft_mark: bool,
    /// When the PDF is made: the document's creation date.
    pub created: DateTime<Utc>,
    /// Set when the agreement changes one that was signed: the PDF says so under its title and
    /// lists every change in an annex, so that both heads sign exactly the changes.
    pub amendment: Option<Amendment>,
}

/// The signed agreement an amendment changes, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Amendment {
    /// When the amended agreement was signed.
    pub signed_on: chrono::NaiveDate,
    /// The signed version's fingerprint, as its footer prints it.
    pub fingerprint: String,
    /// Every change since the signed version, as sentences in the PDF's language.
    pub changes: Vec<String>,
}

impl ExportOptions {
    /// Options for the agreement's own language, made now, unmarked.
    pub fn new(agreement: &Agreement) -> ExportOptions {
        ExportOptions {
            language: agreement.language,
            draft_id: None,
            version: None,
            draft_mark: false,
            created: Utc::now(),
            amendment: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the file is not a PDF (no %PDF- header at its start)")]
    NotPdf,
    #[error("the PDF is truncated: its end marker (%%EOF) is missing, so the file was cut short")]
    Truncated,
    #[error("the PDF is encrypted; save an unencrypted copy and open that instead")]
    Encrypted,
    #[error("the PDF is damaged and cannot be read: {0}")]
    Damaged(String),
    #[error(
        "this PDF was not made by SLA Studio: it has no agreement attached ({ATTACHMENT_NAME})"
    )]
    NoAgreement,
    #[error("the agreement attached to this PDF cannot be read: {0}")]
    BadAttachment(#[source] sla_model::ReadError),
    #[error("cannot write the PDF: {0}")]
    Write(String),
}

/// The agreement's fingerprint ([`sla_model::fingerprint`]), printed in every footer.
pub fn agreement_hash(agreement: &Agreement) -> String {
    sla_model::fingerprint(agreement)
}

/// The agreement as a PDF document.
pub fn export(agreement: &Agreement, options: &ExportOptions) -> Result<Vec<u8>, PdfError> {
    let words = Words::of(options.language);
    // The attachment says which version it was made from, so that it can come back as a
    // proposal; the comments on it never go into the PDF.
    let mut attached = agreement.clone();
    attached.negotiation.comments.clear();
    let canonical = sla_model::to_canonical_json(&attached);
    let hash = sla_model::fingerprint(agreement);
    let decor = page_decor(agreement, words, options, &hash);
    let info = document_info(agreement, words, options);
    let attachment = Attachment {
        name: ATTACHMENT_NAME,
        json: canonical.as_bytes(),
        description: words.t("pdf-attachment-description"),
    };
    let signatories: Vec<String> = agreement
        .signatories
        .iter()
        .map(|s| s.name.clone())
        .collect();
    render(
        &agreement.title,
        |composer| content::compose(composer, agreement, words, options),
        &decor,
        &info,
        &attachment,
        &signatories,
    )
}

/// Lays out a document with `compose` on A4 pages in the embedded faces, decorates every page,
/// and finishes it: information, outline, the attachment and an unsigned signature field
/// (`sig-1`, `sig-2`, ...) on each signature area the composer recorded, in order, named after
/// `signatories`.
fn render(
    title: &str,
    compose: impl FnOnce(&mut Composer),
    decor: &PageDecor,
    info: &DocumentInfo,
    attachment: &Attachment,
    signatories: &[String],
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(title);
    let font_ids = Face::ALL.map(|f| doc.add_font(&face(f).parsed));
    let mut composer = Composer::new(font_ids);
    compose(&mut composer);

    let (pages, outline, signature_areas) = composer.finish(decor);
    doc.pages = pages
        .into_iter()
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
        .collect();

    let save = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = printpdf::to_lopdf_doc(&doc, &save, &mut warnings);

    let fields: Vec<FieldPlan> = signatories
        .iter()
        .zip(signature_areas)
        .enumerate()
        .map(|(i, (name, area))| FieldPlan {
            name: format!("sig-{}", i + 1),
            signatory: name.clone(),
            area,
        })
        .collect();
    finish::finish(&mut lo, info, &outline, attachment, &fields);

    finish::compress(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(out)
}

/// What another document of the agreement (the review report) needs to be set, numbered and
/// signed like it: the composer and its styles, the faces, the words, the clause numbers, the
/// signature blocks and the finishing.
pub mod kit {
    pub use crate::clauses::{self, Clauses};
    pub use crate::finish::{text_string, Attachment, DocumentInfo};
    pub use crate::fonts::{face, Face, FaceData};
    pub use crate::layout::{
        Cell, Composer, OutlineEntry, PageDecor, SignatureArea, Style, Table, TableKind, Tone,
        BODY, BODY_HEIGHT, CELL, CELL_SMALL, CONTENT_LEFT, CONTENT_RIGHT, CONTENT_WIDTH, H1, H2,
        HEAD_CELL, LABEL, PAGE_HEIGHT, PAGE_WIDTH, TITLE,
    };
    pub use crate::words::{Case, Words};
    pub use crate::wrap::WrappedLine;
    /// The printpdf the composer draws with, for callers' own drawing operations.
    pub use printpdf;

    use sla_model::{Agreement, Signatory};

    use crate::PdfError;

    /// Lays out a document with `compose`, then finishes it as the agreement is finished: one
    /// unsigned signature field per signature area, in order, named after `signatories`.
    pub fn render(
        title: &str,
        compose: impl FnOnce(&mut Composer),
        decor: &PageDecor,
        info: &DocumentInfo,
        attachment: &Attachment,
        signatories: &[String],
    ) -> Result<Vec<u8>, PdfError> {
        crate::render(title, compose, decor, info, attachment, signatories)
    }

    /// The agreement's signature blocks for `signatories`, two to a row from the cursor down,
    /// each with the blank area that becomes its signature field.
    pub fn signature_blocks(
        c: &mut Composer,
        agreement: &Agreement,
        words: &Words,
        signatories: &[Signatory],
    ) {
        crate::content::signature_blocks(c, agreement, words, signatories)
    }
}

fn page_decor(
    agreement: &Agreement,
    words: &Words,
    options: &ExportOptions,
    hash: &str,
) -> PageDecor {
    let mut first = words.f(
        "pdf-footer-agreement",
        &[("id", words.or_dash(&agreement.id).into())],
    );
    if let Some(id) = options.draft_id {
        first.push_str(" · ");
        first.push_str(&words.f("pdf-draft-number", &[("id", id.to_string().into())]));
    }
    if let Some(version) = options.version {
        first.push_str(if options.draft_id.is_some() {
            ", "
        } else {
            " · "
        });
        first.push_str(&words.f(
            "pdf-version-number",
            &[("version", version.to_string().into())],
        ));
    }
    let page_words = Words::of(words.language());
    let page_of = move |page: usize, total: usize| {
        page_words.f(
            "pdf-page-of",
            &[("page", page.into()), ("total", total.into())],
        )
    };
    PageDecor {
        running_title: agreement.title.clone(),
        draft_mark: options.draft_mark.then(|| words.t("pdf-draft-mark")),
        draft_banner: options.draft_mark.then(|| words.t("pdf-draft-banner")),
        footer_left: vec![first, words.f("pdf-footer-hash", &[("hash", hash.into())])],
        page_label: Box::new(page_of),
    }
}

fn document_info(agreement: &Agreement, words: &Words, options: &ExportOptions) -> DocumentInfo {
    let department = |side: sla_model::Side| {
        let name = agreement.parties.get(side).department.trim();
        if name.is_empty() {
            words.side(side)
        } else {
            name.to_string()
        }
    };
    let mut authors: Vec<&str> = agreement
        .signatories
        .iter()
        .map(|s| s.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if authors.is_empty() {
        authors = [
            &agreement.parties.marketing.head.name,
            &agreement.parties.sales.head.name,
        ]
        .into_iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    }
    let subject = words.f(
        "pdf-meta-subject",
        &[
            ("marketing", department(sla_model::Side::Marketing).into()),
            ("sales", department(sla_model::Side::Sales).into()),
        ],
    );
    DocumentInfo {
        title: agreement.title.clone(),
        author: authors.join(", "),
        subject,
        keywords: format!("{}, {}", words.t("pdf-meta-keywords"), agreement.id),
        created: options.created,
        language: match options.language {
            Language::En => "en",
            Language::Ru => "ru",
        }
        .to_string(),
    }
}
