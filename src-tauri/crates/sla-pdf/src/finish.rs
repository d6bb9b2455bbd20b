//! What printpdf cannot write, added to its document before it is saved: the document
//! information and language, a nested outline, a JSON attachment (the agreement, or what a
//! report was made from), and an unsigned signature field for each signatory.

use chrono::{DateTime, Utc};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use crate::layout::{OutlineEntry, SignatureArea};

/// File name of the attached agreement; import looks for it.
pub const ATTACHMENT_NAME: &str = "agreement.sla.json";

pub struct DocumentInfo {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: String,
    pub created: DateTime<Utc>,
    /// BCP 47 tag of the text, e.g. "ru-RU".
    pub language: String,
}

pub struct Attachment<'a> {
    /// The file name, e.g. [`ATTACHMENT_NAME`].
    pub name: &'a str,
    pub json: &'a [u8],
    pub description: String,
}

/// A signature field to create: its name, the signatory's name and where the blank area is.
pub struct FieldPlan {
    pub name: String,
    pub signatory: String,
    pub area: SignatureArea,
}

pub fn finish(
    doc: &mut Document,
    info: &DocumentInfo,
    outline: &[OutlineEntry],
    attachment: &Attachment,
    fields: &[FieldPlan],
) {
    doc.version = "1.7".to_string();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let info_id = doc.add_object(info_dictionary(info));
    doc.trailer.set("Info", Object::Reference(info_id));

    let outline_id = if outline.is_empty() {
        None
    } else {
        Some(add_outline(doc, outline, &pages))
    };
    let filespec_id = add_attachment(doc, attachment, info.created);
    let acroform_id = add_signature_fields(doc, fields, &pages);

    let Ok(catalog_id) = doc.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    let Ok(catalog) = doc.get_dictionary_mut(catalog_id) else {
        return;
    };
    catalog.set("Lang", Object::string_literal(info.language.as_str()));
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    if let Some(id) = outline_id {
        catalog.set("Outlines", Object::Reference(id));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    let names = Dictionary::from_iter(vec![(
        "EmbeddedFiles",
        Object::Dictionary(Dictionary::from_iter(vec![(
            "Names",
            Object::Array(vec![
                text_string(attachment.name),
                Object::Reference(filespec_id),
            ]),
        )])),
    )]);
    catalog.set("Names", names);
    catalog.set("AF", Object::Array(vec![Object::Reference(filespec_id)]));
    catalog.set("AcroForm", Object::Reference(acroform_id));
}

/// Deflates every stream not yet compressed. lopdf's own `compress` uses the slowest level,
/// which costs more time than the whole layout for a few percent of size.
pub fn compress(doc: &mut Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") || stream.content.len() < 64 {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(compressed) = encoder.finish() {
            if compressed.len() < stream.content.len() {
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(compressed);
            }
        }
    }
}

/// A PDF text string: PDFDocEncoding-compatible ASCII as is, anything else as UTF-16BE with BOM.
pub fn text_string(text: &str) -> Object {
    if text.chars().all(|c| (' '..='~').contains(&c)) {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A PDF date: `D:YYYYMMDDHHmmSSZ`.
fn pdf_date(at: DateTime<Utc>) -> Object {
    Object::string_literal(at.format("D:%Y%m%d%H%M%SZ").to_string())
}

fn info_dictionary(info: &DocumentInfo) -> Dictionary {
    Dictionary::from_iter(vec![
        ("Title", text_string(&info.title)),
        ("Author", text_string(&info.author)),
        ("Subject", text_string(&info.subject)),
        ("Keywords", text_string(&info.keywords)),
        ("Creator", text_string("SLA Studio")),
        (
            "Producer",
            text_string(concat!(
                "SLA Studio ",
                env!("CARGO_PKG_VERSION"),
                " (printpdf, lopdf)"
            )),
        ),
        ("CreationDate", pdf_date(info.created)),
        ("ModDate", pdf_date(info.created)),
    ])
}

/// A two-level outline: sections, each with its subsections.
fn add_outline(doc: &mut Document, entries: &[OutlineEntry], pages: &[ObjectId]) -> ObjectId {
    let root_id = doc.new_object_id();
    // Group subsections under the section before them.
    let mut tree: Vec<(&OutlineEntry, Vec<&OutlineEntry>)> = Vec::new();
    for entry in entries {
        match (entry.level, tree.last_mut()) {
            (2.., Some((_, children))) => children.push(entry),
            _ => tree.push((entry, Vec::new())),
        }
    }
    let ids: Vec<(ObjectId, Vec<ObjectId>)> = tree
        .iter()
        .map(|(_, children)| {
            (
                doc.new_object_id(),
                children.iter().map(|_| doc.new_object_id()).collect(),
            )
        })
        .collect();
    let destination = |entry: &OutlineEntry| {
        let page = pages
            .get(entry.page)
            .or(pages.last())
            .copied()
            .unwrap_or((0, 0));
        Object::Array(vec![
            Object::Reference(page),
            Object::Name(b"XYZ".to_vec()),
            Object::Null,
            Object::Real(entry.top + 6.0),
            Object::Null,
        ])
    };
    let item = |title: &str, parent: ObjectId, siblings: &[ObjectId], i: usize, dest: Object| {
        let mut dict = Dictionary::from_iter(vec![
            ("Title", text_string(title)),
            ("Parent", Object::Reference(parent)),
            ("Dest", dest),
        ]);
        if i > 0 {
            dict.set("Prev", Object::Reference(siblings[i - 1]));
        }
        if i + 1 < siblings.len() {
            dict.set("Next", Object::Reference(siblings[i + 1]));
        }
        dict
    };
    let top_ids: Vec<ObjectId> = ids.iter().map(|(id, _)| *id).collect();
    let mut visible = top_ids.len();
    for (i, ((entry, children), (id, child_ids))) in tree.iter().zip(&ids).enumerate() {
        let mut dict = item(&entry.title, root_id, &top_ids, i, destination(entry));
        if !children.is_empty() {
            dict.set("First", Object::Reference(child_ids[0]));
            dict.set(
                "Last",
                Object::Reference(*child_ids.last().expect("not empty")),
            );
            dict.set("Count", Object::Integer(child_ids.len() as i64));
            visible += child_ids.len();
        }
        doc.objects.insert(*id, Object::Dictionary(dict));
        for (j, (child, child_id)) in children.iter().zip(child_ids).enumerate() {
            let dict = item(&child.title, *id, child_ids, j, destination(child));
            doc.objects.insert(*child_id, Object::Dictionary(dict));
        }
    }
    let root = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Outlines".to_vec())),
        ("First", Object::Reference(top_ids[0])),
        (
            "Last",
            Object::Reference(*top_ids.last().expect("not empty")),
        ),
        ("Count", Object::Integer(visible as i64)),
    ]);
    doc.objects.insert(root_id, Object::Dictionary(root));
    root_id
}

/// The agreement's canonical JSON as an associated file (PDF 2.0 `/AF`, `/AFRelationship /Data`).
fn add_attachment(doc: &mut Document, attachment: &Attachment, created: DateTime<Utc>) -> ObjectId {
    let params = Dictionary::from_iter(vec![
        ("Size", Object::Integer(attachment.json.len() as i64)),
        ("CreationDate", pdf_date(created)),
        ("ModDate", pdf_date(created)),
    ]);
    let stream_dict = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"EmbeddedFile".to_vec())),
        ("Subtype", Object::Name(b"application/json".to_vec())),
        ("Params", Object::Dictionary(params)),
    ]);
    let file_id = doc.add_object(Stream::new(stream_dict, attachment.json.to_vec()));
    let filespec = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Filespec".to_vec())),
        ("F", Object::string_literal(attachment.name)),
        ("UF", utf16_string(attachment.name)),
        ("Desc", text_string(&attachment.description)),
        ("AFRelationship", Object::Name(b"Data".to_vec())),
        (
            "EF",
            Object::Dictionary(Dictionary::from_iter(vec![
                ("F", Object::Reference(file_id)),
                ("UF", Object::Reference(file_id)),
            ])),
        ),
    ]);
    doc.add_object(filespec)
}

/// Always UTF-16BE with BOM, as `/UF` asks.
fn utf16_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// An indirect `/AcroForm` with one unsigned signature field (merged with its widget) per
/// signatory; the signing step fills them by name in an incremental update.
fn add_signature_fields(doc: &mut Document, fields: &[FieldPlan], pages: &[ObjectId]) -> ObjectId {
    let mut field_refs = Vec::new();
    for plan in fields {
        let Some(&page_id) = pages.get(plan.area.page) else {
            continue;
        };
        let [x1, y1, x2, y2] = plan.area.rect;
        // An empty appearance, so that viewers that require one show a blank area.
        let appearance = doc.add_object(Stream::new(
            Dictionary::from_iter(vec![
                ("Type", Object::Name(b"XObject".to_vec())),
                ("Subtype", Object::Name(b"Form".to_vec())),
                (
                    "BBox",
                    Object::Array(vec![
                        0.into(),
                        0.into(),
                        Object::Real(x2 - x1),
                        Object::Real(y2 - y1),
                    ]),
                ),
            ]),
            Vec::new(),
        ));
        let widget = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Annot".to_vec())),
            ("Subtype", Object::Name(b"Widget".to_vec())),
            ("FT", Object::Name(b"Sig".to_vec())),
            ("T", text_string(&plan.name)),
            ("TU", text_string(&plan.signatory)),
            (
                "Rect",
                Object::Array(vec![
                    Object::Real(x1),
                    Object::Real(y1),
                    Object::Real(x2),
                    Object::Real(y2),
                ]),
            ),
            ("F", Object::Integer(4)),
            ("P", Object::Reference(page_id)),
            (
                "AP",
                Object::Dictionary(Dictionary::from_iter(vec![(
                    "N",
                    Object::Reference(appearance),
                )])),
            ),
        ]);
        let widget_id = doc.add_object(widget);
        if let Ok(page) = doc.get_dictionary_mut(page_id) {
            match page.get_mut(b"Annots").and_then(Object::as_array_mut) {
                Ok(annots) => annots.push(Object::Reference(widget_id)),
                Err(_) => page.set("Annots", Object::Array(vec![Object::Reference(widget_id)])),
            }
        }
        field_refs.push(Object::Reference(widget_id));
    }
    doc.add_object(Dictionary::from_iter(vec![(
        "Fields",
        Object::Array(field_refs),
    )]))
}
