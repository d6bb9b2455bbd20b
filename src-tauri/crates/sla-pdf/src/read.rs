//! Reading an exported agreement back: the attached JSON, and the signature fields the signing
//! step fills. Works on signed files too (incremental updates are read as one document).

use lopdf::{Dictionary, Document, Object, ObjectId};
use sla_model::Agreement;

use crate::finish::ATTACHMENT_NAME;
use crate::PdfError;

/// An unsigned (or signed) signature field of an exported agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureField {
    /// Field name: `sig-1`, `sig-2`, … in the order of the agreement's signatories.
    pub name: String,
    /// The signatory's name (the field's `/TU`).
    pub signatory: String,
    /// Zero-based index of the page the field is on.
    pub page_index: usize,
    /// Lower-left x, lower-left y, upper-right x, upper-right y, in points from the page's
    /// lower-left corner.
    pub rect: [f32; 4],
    /// Whether the field already holds a signature (`/V`).
    pub signed: bool,
}

/// Largest attachment read: an agreement file's own limit, so a decompression bomb stops there.
const MAX_ATTACHMENT_BYTES: usize = sla_model::interchange::MAX_FILE_BYTES as usize;

/// Largest nesting followed in name trees and field trees; real files use two or three levels.
const MAX_DEPTH: usize = 16;

/// Loads a PDF with errors that say what is wrong with the file.
fn load(pdf: &[u8]) -> Result<Document, PdfError> {
    let head = &pdf[..pdf.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let tail = &pdf[pdf.len().saturating_sub(4096)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PdfError::Truncated);
    }
    // Object and cross-reference streams are inflated while loading: bound each one, or a
    // few kilobytes of compressed zeros would take gigabytes before any check of ours runs.
    let options = lopdf::LoadOptions::with_max_decompressed_size(MAX_ATTACHMENT_BYTES);
    let doc = Document::load_mem_with_options(pdf, options).map_err(|e| {
        if mentions_encryption(pdf) {
            PdfError::Encrypted
        } else {
            PdfError::Damaged(e.to_string())
        }
    })?;
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

fn mentions_encryption(pdf: &[u8]) -> bool {
    pdf.windows(8).any(|w| w == b"/Encrypt")
}

fn catalog(doc: &Document) -> Result<&Dictionary, PdfError> {
    doc.catalog()
        .map_err(|e| PdfError::Damaged(format!("no document catalog ({e})")))
}

/// Follows a reference, or returns the object itself.
fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    resolve(doc, object).and_then(|o| o.as_dict().ok())
}

/// Decodes a PDF text string (UTF-16BE with BOM, or PDFDocEncoding read as Latin-1).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn text_of(doc: &Document, d: &Dictionary, key: &[u8]) -> Option<String> {
    d.get(key)
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_str().ok())
        .map(decode_text)
}

/// Every (name, file specification) pair of a name tree.
fn name_tree<'a>(
    doc: &'a Document,
    node: &'a Dictionary,
    depth: usize,
    out: &mut Vec<(String, &'a Dictionary)>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Ok(names) = node.get(b"Names").and_then(Object::as_array) {
        for pair in names.chunks(2) {
            if let [name, value] = pair {
                if let (Ok(name), Some(spec)) = (name.as_str(), dict(doc, value)) {
                    out.push((decode_text(name), spec));
                }
            }
        }
    }
    if let Some(kids) = node
        .get(b"Kids")
        .ok()
        .and_then(|k| resolve(doc, k))
        .and_then(|k| k.as_array().ok())
    {
        for kid in kids {
            if let Some(kid) = dict(doc, kid) {
                name_tree(doc, kid, depth + 1, out);
            }
        }
    }
}

/// The file specifications attached to the document: the embedded-files name tree and `/AF`.
fn file_specs<'a>(doc: &'a Document, catalog: &'a Dictionary) -> Vec<(String, &'a Dictionary)> {
    let mut specs = Vec::new();
    let tree = catalog
        .get(b"Names")
        .ok()
        .and_then(|n| dict(doc, n))
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
        .and_then(|e| dict(doc, e));
    if let Some(tree) = tree {
        name_tree(doc, tree, 0, &mut specs);
    }
    if let Some(af) = catalog
        .get(b"AF")
        .ok()
        .and_then(|a| resolve(doc, a))
        .and_then(|a| a.as_array().ok())
    {
        for spec in af.iter().filter_map(|s| dict(doc, s)) {
            let name = text_of(doc, spec, b"UF")
                .or_else(|| text_of(doc, spec, b"F"))
                .unwrap_or_default();
            specs.push((name, spec));
        }
    }
    specs
}

/// The agreement attached to a PDF exported by SLA Studio, exactly as it was exported.
pub fn extract_agreement(pdf: &[u8]) -> Result<Agreement, PdfError> {
    let doc = load(pdf)?;
    let catalog = catalog(&doc)?;
    let spec = file_specs(&doc, catalog)
        .into_iter()
        .find(|(name, spec)| {
            name == ATTACHMENT_NAME
                || text_of(&doc, spec, b"UF").as_deref() == Some(ATTACHMENT_NAME)
                || text_of(&doc, spec, b"F").as_deref() == Some(ATTACHMENT_NAME)
        })
        .map(|(_, spec)| spec)
        .ok_or(PdfError::NoAgreement)?;
    let ef = spec
        .get(b"EF")
        .ok()
        .and_then(|e| dict(&doc, e))
        .ok_or(PdfError::NoAgreement)?;
    let stream = ef
        .get(b"UF")
        .or_else(|_| ef.get(b"F"))
        .ok()
        .and_then(|s| resolve(&doc, s))
        .and_then(|s| s.as_stream().ok())
        .ok_or(PdfError::NoAgreement)?;
    let bytes = if stream.dict.has(b"Filter") {
        stream
            .decompressed_content_with_limit(MAX_ATTACHMENT_BYTES)
            .map_err(|e| {
                PdfError::Damaged(format!(
                    "the attached agreement cannot be decompressed ({e})"
                ))
            })?
    } else {
        stream.content.clone()
    };
    sla_model::from_bytes(&bytes).map_err(PdfError::BadAttachment)
}

/// The signature fields of an exported agreement, in the order of its signatories.
pub fn signature_fields(pdf: &[u8]) -> Result<Vec<SignatureField>, PdfError> {
    let doc = load(pdf)?;
    let catalog = catalog(&doc)?;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let Some(form) = catalog.get(b"AcroForm").ok().and_then(|f| dict(&doc, f)) else {
        return Ok(Vec::new());
    };
    let Some(fields) = form
        .get(b"Fields")
        .ok()
        .and_then(|f| resolve(&doc, f))
        .and_then(|f| f.as_array().ok())
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for field in fields {
        collect_fields(&doc, field, &pages, None, 0, &mut out);
    }
    Ok(out)
}

fn collect_fields(
    doc: &Document,
    field: &Object,
    pages: &[ObjectId],
    inherited_type: Option<&[u8]>,
    depth: usize,
    out: &mut Vec<SignatureField>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let field_id = field.as_reference().ok();
    let Some(d) = dict(doc, field) else { return };
    let field_type = d
        .get(b"FT")
        .and_then(Object::as_name)
        .ok()
        .or(inherited_type);
    if let Some(kids) = d
        .get(b"Kids")
        .ok()
        .and_then(|k| resolve(doc, k))
        .and_then(|k| k.as_array().ok())
    {
        for kid in kids {
            collect_fields(doc, kid, pages, field_type, depth + 1, out);
        }
        return;
    }
    if field_type != Some(b"Sig".as_slice()) {
        return;
    }
    let rect = d
        .get(b"Rect")
        .ok()
        .and_then(|r| resolve(doc, r))
        .and_then(|r| r.as_array().ok())
        .map(|r| {
            r.iter()
                .filter_map(|n| n.as_float().ok())
                .collect::<Vec<_>>()
        })
        .filter(|r| r.len() == 4)
        .map(|r| {
            [
                r[0].min(r[2]),
                r[1].min(r[3]),
                r[0].max(r[2]),
                r[1].max(r[3]),
            ]
        })
        .unwrap_or_default();
    let page_index = d
        .get(b"P")
        .and_then(Object::as_reference)
        .ok()
        .and_then(|p| pages.iter().position(|id| *id == p))
        .or_else(|| field_id.and_then(|id| page_listing(doc, pages, id)))
        .unwrap_or(0);
    out.push(SignatureField {
        name: text_of(doc, d, b"T").unwrap_or_default(),
        signatory: text_of(doc, d, b"TU").unwrap_or_default(),
        page_index,
        rect,
        signed: d.has(b"V"),
    });
}

/// The page whose `/Annots` lists the widget.
fn page_listing(doc: &Document, pages: &[ObjectId], widget: ObjectId) -> Option<usize> {
    pages.iter().position(|page| {
        doc.get_dictionary(*page)
            .ok()
            .and_then(|p| p.get(b"Annots").ok())
            .and_then(|a| resolve(doc, a))
            .and_then(|a| a.as_array().ok())
            .is_some_and(|a| a.iter().any(|o| o.as_reference().ok() == Some(widget)))
    })
}
