//! Signing one signature field of an exported agreement: an incremental update that rewrites
//! the field with its signature and visible appearance, then the CMS signature over every byte
//! but the /Contents hole.

use chrono::{DateTime, FixedOffset, Local, Timelike, Utc};
use lopdf::{Dictionary, Object};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sla_model::Language;

use crate::appearance::{self, AppearanceContent, Stroke};
use crate::cms_signature::{self, SubFilter};
use crate::font::{deflate, FontSubset};
use crate::pdf_raw::RawDictionary;
use crate::pdf_source::{
    acroform, attached_agreement, catalog_language, signature_fields, SignatureField, SourcePdf,
};
use crate::pdf_syntax::{pdf_date, text_string, write_hex_string, write_name};
use crate::pdf_update::UpdateWriter;
use crate::plain_words;
use crate::{SignError, SigningIdentity};

/// Which signature field to sign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldChoice {
    /// The first unsigned field whose signatory (/TU) is the identity's name, else the first
    /// unsigned field.
    #[default]
    Auto,
    /// The field with this name, e.g. `sig-2`.
    Named(String),
}

/// How to sign. `SignOptions::default()` signs the signatory's own field with the name typed as
/// the signature, now, in the agreement's language, as PAdES.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignOptions {
    pub field: FieldChoice,
    /// The typed signature; the signer's name when neither this nor a drawing is given.
    pub typed_signature: Option<String>,
    /// The hand-drawn signature, if any.
    pub drawn_signature: Vec<Stroke>,
    pub reason: Option<String>,
    pub location: Option<String>,
    /// When the signature is made; now when `None`.
    pub signing_time: Option<DateTime<FixedOffset>>,
    /// The language of the visible signature's labels; the agreement's when `None`.
    pub language: Option<Language>,
    pub sub_filter: SubFilter,
}

/// Room reserved in /Contents beyond the trial signature's size (ECDSA values vary by a few
/// bytes from one signature to the next).
const CONTENTS_SLACK: usize = 64;

/// Width of the /ByteRange placeholder `[0 0000000000 0000000000 0000000000]`.
const BYTE_RANGE_WIDTH: usize = 36;

/// Signs `pdf` and returns the signed file: the input bytes unchanged, followed by one
/// incremental update. Nothing is written anywhere.
pub fn sign(
    pdf: &[u8],
    identity: &SigningIdentity,
    options: &SignOptions,
) -> Result<Vec<u8>, SignError> {
    let source = SourcePdf::parse(pdf)?;
    let fields = signature_fields(&source.doc);
    let summary = identity.summary();
    let field = choose_field(&fields, &options.field, &summary.name)?;
    let (Some(rect), Some(widget_id)) = (field.rect, field.widget) else {
        return Err(SignError::FieldWithoutArea {
            name: field.name.clone(),
        });
    };
    let width = rect[2] - rect[0];
    let height = rect[3] - rect[1];
    if width < 10.0 || height < 10.0 {
        return Err(SignError::FieldWithoutArea {
            name: field.name.clone(),
        });
    }
    let time = options
        .signing_time
        .unwrap_or_else(|| Local::now().fixed_offset())
        .with_nanosecond(0)
        .unwrap_or_else(|| Local::now().fixed_offset());
    let time_utc = time.with_timezone(&Utc);
    identity.check_valid_at(time_utc)?;
    appearance::check_drawing(&options.drawn_signature)?;
    let language = options
        .language
        .unwrap_or_else(|| document_language(&source.doc));

    let mut writer = UpdateWriter::new(&source);

    // The visible signature.
    let typed = match &options.typed_signature {
        Some(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        _ if options.drawn_signature.iter().all(Vec::is_empty) => Some(summary.name.clone()),
        _ => None,
    };
    let role = match (summary.role.is_empty(), summary.department.is_empty()) {
        (false, false) => format!("{}, {}", summary.role, summary.department),
        (false, true) => summary.role.clone(),
        (true, _) => summary.department.clone(),
    };
    let content = AppearanceContent {
        typed: typed.as_deref(),
        drawn: &options.drawn_signature,
        name: &summary.name,
        role: &role,
        signed_line: &plain_words::signed_line(language, &time),
        certificate_line: &plain_words::certificate_line(
            language,
            &summary.fingerprint_sha256,
            summary.self_signed,
        ),
    };
    let mut font = FontSubset::new();
    let stream = appearance::content_stream(width, height, &content, &mut font);
    let font_id = font.write(&mut writer)?;
    let appearance_id = writer.allocate();
    writer.write_object(
        appearance_id,
        &appearance_stream(width, height, font_id, &stream)?,
    );

    // The signature dictionary, with placeholders patched once the file is laid out.
    let signature_id = writer.allocate();
    let trial = cms_signature::build(identity, &[0; 32], options.sub_filter, time_utc)?;
    let contents_len = trial.len() + CONTENTS_SLACK;
    let body = signature_dictionary(identity, options, &time, contents_len);
    let body_start = writer.write_raw(signature_id, &body.bytes);
    let byte_range_at = body_start + body.byte_range_at;
    let contents_at = body_start + body.contents_at;

    // The field gets its value and appearance; the form says the document is signed.
    let widget_entries = appearance_entries(&source, widget_id, appearance_id)?;
    let mut field_entries = vec![("V", Object::Reference(signature_id))];
    if widget_id == field.id {
        field_entries.extend(widget_entries);
    } else {
        rewrite_dictionary(&source, &mut writer, widget_id, &widget_entries, &["AS"])?;
    }
    rewrite_dictionary(&source, &mut writer, field.id, &field_entries, &["AS"])?;
    mark_form_signed(&source, &mut writer)?;

    let mut file = writer.finish();
    let contents_end = contents_at + 2 * contents_len + 2;
    let byte_range = format!(
        "[0 {contents_at} {contents_end} {}]",
        file.len() - contents_end
    );
    file[byte_range_at..byte_range_at + BYTE_RANGE_WIDTH]
        .copy_from_slice(format!("{byte_range:<BYTE_RANGE_WIDTH$}").as_bytes());
    let digest = {
        let mut hasher = Sha256::new();
        hasher.update(&file[..contents_at]);
        hasher.update(&file[contents_end..]);
        hasher.finalize()
    };
    let cms = cms_signature::build(identity, &digest, options.sub_filter, time_utc)?;
    if cms.len() > contents_len {
        return Err(SignError::layout(
            "placing the signature",
            format!(
                "it takes {} bytes, {} were reserved",
                cms.len(),
                contents_len
            ),
        ));
    }
    let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
    file[contents_at + 1..contents_at + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(file)
}

/// Signs the PDF at `input` and writes the signed file to `output` (which may be `input`). The
/// output is written whole or not at all: on any error nothing is written.
pub fn sign_file(
    input: &std::path::Path,
    identity: &SigningIdentity,
    options: &SignOptions,
    output: &std::path::Path,
) -> Result<(), SignError> {
    let pdf = crate::files::read_limited(input, "a PDF to sign", crate::files::MAX_PDF_BYTES)?;
    let signed = sign(&pdf, identity, options)?;
    crate::files::write_atomically(output, &signed, false)
}

fn choose_field<'f>(
    fields: &'f [SignatureField],
    choice: &FieldChoice,
    signer_name: &str,
) -> Result<&'f SignatureField, SignError> {
    if fields.is_empty() {
        return Err(SignError::NoSignatureFields);
    }
    let names = || {
        fields
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match choice {
        FieldChoice::Named(name) => {
            let field = fields.iter().find(|f| &f.name == name).ok_or_else(|| {
                SignError::FieldNotFound {
                    name: name.clone(),
                    available: names(),
                }
            })?;
            if field.is_signed() {
                return Err(SignError::FieldAlreadySigned { name: name.clone() });
            }
            Ok(field)
        }
        FieldChoice::Auto => {
            let normalized = |s: &str| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            let signer = normalized(signer_name);
            let unsigned = || fields.iter().filter(|f| !f.is_signed());
            unsigned()
                .find(|f| normalized(&f.tooltip) == signer)
                .or_else(|| unsigned().next())
                .ok_or_else(|| SignError::AllFieldsSigned { fields: names() })
        }
    }
}

/// The agreement's language (from the attached agreement, else the catalog's /Lang).
fn document_language(doc: &lopdf::Document) -> Language {
    let from_agreement = attached_agreement(doc)
        .and_then(|json| serde_json::from_slice::<serde_json::Value>(&json).ok())
        .and_then(|value| {
            value
                .get("language")
                .and_then(|l| l.as_str())
                .map(str::to_owned)
        });
    match from_agreement.or_else(|| catalog_language(doc)).as_deref() {
        Some("ru") => Language::Ru,
        _ => Language::En,
    }
}

fn appearance_stream(
    width: f64,
    height: f64,
    font_id: lopdf::ObjectId,
    content: &[u8],
) -> Result<Object, SignError> {
    let real = |v: f64| Object::Real(v as f32);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    resources.set(
        "ProcSet",
        Object::Array(vec![
            Object::Name(b"PDF".to_vec()),
            Object::Name(b"Text".to_vec()),
        ]),
    );
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Form".to_vec()));
    dict.set(
        "BBox",
        Object::Array(vec![real(0.0), real(0.0), real(width), real(height)]),
    );
    dict.set("Resources", Object::Dictionary(resources));
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    Ok(Object::Stream(lopdf::Stream::new(dict, deflate(content)?)))
}

/// The widget's entries that show the signature: its appearance, and flags that make it
/// printable and neither hidden nor invisible.
fn appearance_entries(
    source: &SourcePdf,
    widget_id: lopdf::ObjectId,
    appearance_id: lopdf::ObjectId,
) -> Result<Vec<(&'static str, Object)>, SignError> {
    let widget = source.doc.get_dictionary(widget_id).map_err(|e| {
        SignError::damaged(format!(
            "signature widget {} {}: {e}",
            widget_id.0, widget_id.1
        ))
    })?;
    let flags = widget.get(b"F").and_then(Object::as_i64).unwrap_or(0);
    let mut appearances = Dictionary::new();
    appearances.set("N", Object::Reference(appearance_id));
    Ok(vec![
        ("AP", Object::Dictionary(appearances)),
        ("F", Object::Integer((flags | 4) & !0b11)),
    ])
}

/// Writes object `id` again with `set` entries replaced or added and `remove` entries dropped.
/// The kept entries are copied byte for byte where the object is stored plainly, so validators
/// comparing revisions see them unchanged.
fn rewrite_dictionary(
    source: &SourcePdf,
    writer: &mut UpdateWriter,
    id: lopdf::ObjectId,
    set: &[(&str, Object)],
    remove: &[&str],
) -> Result<(), SignError> {
    if let Some(raw) = RawDictionary::read(source.bytes, &source.doc, id) {
        writer.write_raw(id, &raw.rewrite(set, remove));
        return Ok(());
    }
    let mut dict = source
        .doc
        .get_dictionary(id)
        .map_err(|e| SignError::damaged(format!("object {} {}: {e}", id.0, id.1)))?
        .clone();
    for key in remove {
        dict.remove(key.as_bytes());
    }
    for (key, value) in set {
        dict.set(*key, value.clone());
    }
    writer.write_object(id, &Object::Dictionary(dict));
    Ok(())
}

/// Sets /SigFlags 3 (signatures exist, append only) on an indirect /AcroForm, making it
/// indirect first if the catalog holds it directly, so later signatures rewrite only it.
fn mark_form_signed(source: &SourcePdf, writer: &mut UpdateWriter) -> Result<(), SignError> {
    let Some((form_id, form)) = acroform(&source.doc) else {
        return Err(SignError::NoSignatureFields);
    };
    let flags = form.get(b"SigFlags").and_then(Object::as_i64).unwrap_or(0);
    let set = [("SigFlags", Object::Integer(flags | 3))];
    // Viewers that regenerate appearances would redraw the signed fields.
    let remove = ["NeedAppearances"];
    match form_id {
        Some(id) if flags & 3 != 3 || form.has(b"NeedAppearances") => {
            rewrite_dictionary(source, writer, id, &set, &remove)?
        }
        Some(_) => {}
        None => {
            let root = source
                .doc
                .trailer
                .get(b"Root")
                .and_then(Object::as_reference)
                .map_err(|_| SignError::damaged("the trailer has no /Root"))?;
            let mut form = form.clone();
            form.set("SigFlags", Object::Integer(flags | 3));
            form.remove(b"NeedAppearances");
            let new_id = writer.allocate();
            writer.write_object(new_id, &Object::Dictionary(form));
            rewrite_dictionary(
                source,
                writer,
                root,
                &[("AcroForm", Object::Reference(new_id))],
                &[],
            )?;
        }
    }
    Ok(())
}

struct SignatureBody {
    bytes: Vec<u8>,
    /// Where in `bytes` the /ByteRange array starts.
    byte_range_at: usize,
    /// Where in `bytes` the `<` of /Contents is.
    contents_at: usize,
}

fn signature_dictionary(
    identity: &SigningIdentity,
    options: &SignOptions,
    time: &DateTime<FixedOffset>,
    contents_len: usize,
) -> SignatureBody {
    let summary = identity.summary();
    let mut out = b"<</Type /Sig /Filter /Adobe.PPKLite /SubFilter ".to_vec();
    write_name(&mut out, options.sub_filter.pdf_name().as_bytes());
    out.extend_from_slice(b"\n/ByteRange ");
    let byte_range_at = out.len();
    out.extend_from_slice(format!("{:<BYTE_RANGE_WIDTH$}", "[0 0 0 0]").as_bytes());
    out.extend_from_slice(b"\n/Contents ");
    let contents_at = out.len();
    out.push(b'<');
    out.resize(out.len() + 2 * contents_len, b'0');
    out.push(b'>');
    out.extend_from_slice(format!("\n/M ({})", pdf_date(time)).as_bytes());
    let mut text_entry = |key: &str, value: &str| {
        if value.trim().is_empty() {
            return;
        }
        out.extend_from_slice(format!("\n/{key} ").as_bytes());
        if let Object::String(bytes, _) = text_string(value.trim()) {
            write_hex_string(&mut out, &bytes);
        }
    };
    text_entry("Name", &summary.name);
    text_entry("Reason", options.reason.as_deref().unwrap_or(""));
    text_entry("Location", options.location.as_deref().unwrap_or(""));
    text_entry("ContactInfo", &summary.email);
    out.extend_from_slice(b"\n/Prop_Build <</App <</Name /SLA#20Studio>>>>\n>>");
    SignatureBody {
        bytes: out,
        byte_range_at,
        contents_at,
    }
}
