//! Reading a PDF to sign or check: its end-of-file structure, its signature fields and the
//! agreement attached to it.

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::pdf_syntax::object_text;
use crate::SignError;

/// The name sla-pdf gives the agreement JSON it attaches to each export.
pub const AGREEMENT_ATTACHMENT: &str = "agreement.sla.json";

/// A PDF that parsed well enough to append an update to or check signatures in.
pub(crate) struct SourcePdf<'a> {
    pub bytes: &'a [u8],
    pub doc: Document,
    /// Offset of the last cross-reference section, which the next update points back to.
    pub startxref: usize,
    /// The trailer's /Size: the first free object number.
    pub size: u32,
    pub xref_is_stream: bool,
}

impl<'a> SourcePdf<'a> {
    pub fn parse(bytes: &'a [u8]) -> Result<SourcePdf<'a>, SignError> {
        let head = &bytes[..bytes.len().min(1024)];
        if find(head, b"%PDF-").is_none() {
            let detail = if bytes.is_empty() {
                "the file is empty".to_owned()
            } else {
                "it does not start with %PDF-".to_owned()
            };
            return Err(SignError::NotPdf { detail });
        }
        let startxref = last_startxref(bytes)?;
        let load = load_document(bytes);
        let doc = match load {
            Ok(doc) => doc,
            Err(_) if find(bytes, b"/Encrypt").is_some() => return Err(SignError::EncryptedPdf),
            Err(e) => return Err(SignError::damaged(e.to_string())),
        };
        if doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some() {
            return Err(SignError::EncryptedPdf);
        }
        if doc.xref_recovery.is_some() {
            return Err(SignError::damaged(
                "its cross-reference table does not match its objects (it had to be rebuilt)",
            ));
        }
        if doc.catalog().is_err() {
            return Err(SignError::damaged("it has no document catalog"));
        }
        let declared = doc
            .trailer
            .get(b"Size")
            .and_then(Object::as_i64)
            .unwrap_or(0);
        let size = u32::try_from(declared).unwrap_or(0).max(doc.max_id + 1);
        let xref_is_stream = matches!(
            doc.reference_table.cross_reference_type,
            lopdf::xref::XrefType::CrossReferenceStream
        );
        Ok(SourcePdf {
            bytes,
            doc,
            startxref,
            size,
            xref_is_stream,
        })
    }
}

/// Loads a PDF with each stream inflated while loading (object and cross-reference streams)
/// bounded, so that a decompression bomb fails here instead of taking all memory.
pub(crate) fn load_document(bytes: &[u8]) -> lopdf::Result<lopdf::Document> {
    let options =
        lopdf::LoadOptions::with_max_decompressed_size(crate::files::MAX_PDF_BYTES as usize);
    lopdf::Document::load_mem_with_options(bytes, options)
}

/// The offset after the last `startxref`, checked to lie inside the file and be followed by
/// `%%EOF`: a file cut short fails here.
fn last_startxref(bytes: &[u8]) -> Result<usize, SignError> {
    let tail_start = bytes.len().saturating_sub(2048);
    let tail = &bytes[tail_start..];
    let truncated = |detail: &str| SignError::TruncatedPdf {
        detail: detail.to_owned(),
    };
    let eof = rfind(tail, b"%%EOF").ok_or_else(|| truncated("it does not end with %%EOF"))?;
    if tail[eof + 5..]
        .iter()
        .any(|b| !b.is_ascii_whitespace() && *b != 0)
    {
        return Err(truncated("bytes follow its last %%EOF"));
    }
    let keyword = rfind(&tail[..eof], b"startxref")
        .ok_or_else(|| truncated("no startxref before its last %%EOF"))?;
    let number: String = tail[keyword + 9..eof]
        .iter()
        .map(|&b| b as char)
        .filter(|c| !c.is_whitespace())
        .collect();
    let offset: usize = number
        .parse()
        .map_err(|_| truncated("the startxref offset is not a number"))?;
    if offset >= bytes.len() {
        return Err(truncated("startxref points past the end of the file"));
    }
    Ok(offset)
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub(crate) fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A signature form field, signed or not.
#[derive(Debug, Clone)]
pub(crate) struct SignatureField {
    pub id: ObjectId,
    /// The fully qualified field name, e.g. `sig-1`.
    pub name: String,
    /// The alternate name (/TU): sla-pdf puts the signatory's name there.
    pub tooltip: String,
    /// The annotation that shows the field: the field itself when they are merged.
    pub widget: Option<ObjectId>,
    /// [llx, lly, urx, ury] of the widget.
    pub rect: Option<[f64; 4]>,
    /// The signature dictionary (/V), present once signed.
    pub value: Option<Object>,
    /// 1-based page the widget is on.
    pub page: Option<u32>,
}

impl SignatureField {
    pub fn is_signed(&self) -> bool {
        self.value.is_some()
    }
}

/// The interactive form dictionary and whether the catalog holds it by reference.
pub(crate) fn acroform(doc: &Document) -> Option<(Option<ObjectId>, &Dictionary)> {
    let catalog = doc.catalog().ok()?;
    match catalog.get(b"AcroForm").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok().map(|d| (Some(*id), d)),
        Object::Dictionary(dict) => Some((None, dict)),
        _ => None,
    }
}

/// Every signature field of the form, in the order of its /Fields array.
pub(crate) fn signature_fields(doc: &Document) -> Vec<SignatureField> {
    let Some((_, form)) = acroform(doc) else {
        return Vec::new();
    };
    let Ok(fields) = form.get(b"Fields").and_then(|f| resolve(doc, f).as_array()) else {
        return Vec::new();
    };
    let page_of = widget_pages(doc);
    let mut found = Vec::new();
    for field in fields {
        if let Object::Reference(id) = field {
            collect_fields(doc, *id, "", None, &page_of, &mut found, 0);
        }
    }
    found
}

fn collect_fields(
    doc: &Document,
    id: ObjectId,
    parent_name: &str,
    inherited_type: Option<&[u8]>,
    page_of: &std::collections::HashMap<ObjectId, u32>,
    found: &mut Vec<SignatureField>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    let Ok(dict) = doc.get_dictionary(id) else {
        return;
    };
    let partial = dict.get(b"T").ok().and_then(object_text);
    let name = match (&partial, parent_name.is_empty()) {
        (Some(p), true) => p.clone(),
        (Some(p), false) => format!("{parent_name}.{p}"),
        (None, _) => parent_name.to_owned(),
    };
    let field_type = dict
        .get(b"FT")
        .and_then(Object::as_name)
        .ok()
        .or(inherited_type);
    let kids: Vec<ObjectId> = dict
        .get(b"Kids")
        .map(|k| resolve(doc, k))
        .and_then(Object::as_array)
        .map(|a| a.iter().filter_map(|o| o.as_reference().ok()).collect())
        .unwrap_or_default();
    // Kids with their own names are fields; kids without are this field's widgets.
    let field_kids: Vec<ObjectId> = kids
        .iter()
        .copied()
        .filter(|kid| doc.get_dictionary(*kid).is_ok_and(|d| d.has(b"T")))
        .collect();
    if !field_kids.is_empty() {
        for kid in field_kids {
            collect_fields(doc, kid, &name, field_type, page_of, found, depth + 1);
        }
        return;
    }
    if field_type != Some(b"Sig".as_slice()) {
        return;
    }
    let widget = if dict.has(b"Rect") {
        Some(id)
    } else {
        kids.first().copied()
    };
    let rect = widget
        .and_then(|w| doc.get_dictionary(w).ok())
        .and_then(|w| w.get(b"Rect").ok())
        .map(|r| resolve(doc, r))
        .and_then(rect_of);
    let value = dict
        .get(b"V")
        .ok()
        .filter(|v| !matches!(v, Object::Null))
        .cloned();
    found.push(SignatureField {
        id,
        name,
        tooltip: dict
            .get(b"TU")
            .ok()
            .and_then(object_text)
            .unwrap_or_default(),
        widget,
        rect,
        value,
        page: widget.and_then(|w| page_of.get(&w).copied()),
    });
}

fn rect_of(object: &Object) -> Option<[f64; 4]> {
    let items = object.as_array().ok()?;
    if items.len() != 4 {
        return None;
    }
    let mut rect = [0.0; 4];
    for (slot, item) in rect.iter_mut().zip(items) {
        *slot = match item {
            Object::Integer(i) => *i as f64,
            Object::Real(r) => f64::from(*r),
            _ => return None,
        };
    }
    let [x1, y1, x2, y2] = rect;
    Some([x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2)])
}

fn widget_pages(doc: &Document) -> std::collections::HashMap<ObjectId, u32> {
    let mut map = std::collections::HashMap::new();
    for (number, page_id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let Ok(annots) = page
            .get(b"Annots")
            .map(|a| resolve(doc, a))
            .and_then(Object::as_array)
        else {
            continue;
        };
        for annot in annots {
            if let Object::Reference(id) = annot {
                map.insert(*id, number);
            }
        }
    }
    map
}

/// Follows one reference, leaving other objects as they are.
pub(crate) fn resolve<'d>(doc: &'d Document, object: &'d Object) -> &'d Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        other => other,
    }
}

/// The bytes of the agreement JSON attached to the document, if any.
pub(crate) fn attached_agreement(doc: &Document) -> Option<Vec<u8>> {
    let catalog = doc.catalog().ok()?;
    let mut specs: Vec<&Object> = Vec::new();
    if let Ok(names) = catalog
        .get(b"Names")
        .map(|n| resolve(doc, n))
        .and_then(Object::as_dict)
    {
        if let Ok(tree) = names.get(b"EmbeddedFiles") {
            collect_name_tree(doc, resolve(doc, tree), &mut specs, 0);
        }
    }
    if let Ok(associated) = catalog
        .get(b"AF")
        .map(|a| resolve(doc, a))
        .and_then(Object::as_array)
    {
        specs.extend(associated.iter());
    }
    specs.into_iter().find_map(|spec| {
        let spec = resolve(doc, spec).as_dict().ok()?;
        let file_name = ["UF", "F"]
            .iter()
            .find_map(|key| spec.get(key.as_bytes()).ok().and_then(object_text))?;
        if file_name != AGREEMENT_ATTACHMENT {
            return None;
        }
        let embedded = spec
            .get(b"EF")
            .map(|e| resolve(doc, e))
            .and_then(Object::as_dict)
            .ok()?;
        let stream = embedded
            .get(b"UF")
            .or_else(|_| embedded.get(b"F"))
            .map(|s| resolve(doc, s))
            .ok()?
            .as_stream()
            .ok()?;
        if !stream.dict.has(b"Filter") {
            return Some(stream.content.clone());
        }
        // An agreement file's own limit: a decompression bomb is no agreement.
        stream
            .decompressed_content_with_limit(crate::files::MAX_PDF_BYTES as usize)
            .ok()
    })
}

fn collect_name_tree<'d>(
    doc: &'d Document,
    node: &'d Object,
    out: &mut Vec<&'d Object>,
    depth: usize,
) {
    let Ok(node) = node.as_dict() else { return };
    if depth > 16 {
        return;
    }
    if let Ok(names) = node
        .get(b"Names")
        .map(|n| resolve(doc, n))
        .and_then(Object::as_array)
    {
        out.extend(names.iter().skip(1).step_by(2));
    }
    if let Ok(kids) = node
        .get(b"Kids")
        .map(|k| resolve(doc, k))
        .and_then(Object::as_array)
    {
        for kid in kids {
            collect_name_tree(doc, resolve(doc, kid), out, depth + 1);
        }
    }
}

/// The document's language from the catalog's /Lang, e.g. "ru" from "ru-RU".
pub(crate) fn catalog_language(doc: &Document) -> Option<String> {
    let lang = doc
        .catalog()
        .ok()?
        .get(b"Lang")
        .ok()
        .and_then(object_text)?;
    Some(
        lang.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_lowercase(),
    )
}
