//! DejaVu Sans for the visible signature, embedded as a subset holding only the glyphs the
//! appearance uses (a few KB instead of 750), as a CID font with Identity-H encoding and a
//! ToUnicode map so Cyrillic shows and copies correctly.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::OnceLock;

use lopdf::{Dictionary, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};

use crate::pdf_update::UpdateWriter;
use crate::SignError;

/// The parsed face, shared by every signature made in the process.
fn face() -> &'static ttf_parser::Face<'static> {
    static FACE: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    // The font is compiled in and known to parse; a failure here is a build defect.
    FACE.get_or_init(|| {
        ttf_parser::Face::parse(sla_pdf::Face::Sans.bytes(), 0)
            .expect("the bundled DejaVu Sans parses")
    })
}

/// Glyphs used so far in one appearance, and their codes in the subset.
pub(crate) struct FontSubset {
    remapper: subsetter::GlyphRemapper,
    /// New glyph id -> the text it stands for, for ToUnicode.
    unicode: BTreeMap<u16, char>,
}

impl FontSubset {
    pub fn new() -> FontSubset {
        FontSubset {
            remapper: subsetter::GlyphRemapper::new(),
            unicode: BTreeMap::new(),
        }
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        let face = face();
        let units: u32 = text
            .chars()
            .map(|c| u32::from(face.glyph_hor_advance(glyph_for(c)).unwrap_or(0)))
            .sum();
        f64::from(units) * size / f64::from(face.units_per_em())
    }

    /// The 2-byte codes that show `text`, adding its glyphs to the subset.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut codes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let new_id = self.remapper.remap(glyph_for(c).0);
            self.unicode.entry(new_id).or_insert(c);
            codes.extend_from_slice(&new_id.to_be_bytes());
        }
        codes
    }

    /// Writes the Type0 font with its descendant, descriptor, subset program and ToUnicode
    /// map; returns the Type0 font's id for the appearance's resources.
    pub fn write(&self, writer: &mut UpdateWriter) -> Result<ObjectId, SignError> {
        let face = face();
        let program = subsetter::subset(sla_pdf::Face::Sans.bytes(), 0, &self.remapper)
            .map_err(|e| SignError::layout("subsetting the signature font", format!("{e:?}")))?;
        let base_font = format!("{}+DejaVuSans", self.tag());
        let scale = 1000.0 / f64::from(face.units_per_em());
        let scaled = |v: i16| Object::Integer((f64::from(v) * scale).round() as i64);

        let type0_id = writer.allocate();
        let cid_font_id = writer.allocate();
        let descriptor_id = writer.allocate();
        let program_id = writer.allocate();
        let to_unicode_id = writer.allocate();

        let mut program_dict = Dictionary::new();
        program_dict.set("Length1", Object::Integer(program.len() as i64));
        program_dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        writer.write_object(
            program_id,
            &Object::Stream(Stream::new(program_dict, deflate(&program)?)),
        );

        let bbox = face.global_bounding_box();
        let mut descriptor = Dictionary::new();
        descriptor.set("Type", Object::Name(b"FontDescriptor".to_vec()));
        descriptor.set("FontName", Object::Name(base_font.clone().into_bytes()));
        descriptor.set("Flags", Object::Integer(32));
        descriptor.set(
            "FontBBox",
            Object::Array(vec![
                scaled(bbox.x_min),
                scaled(bbox.y_min),
                scaled(bbox.x_max),
                scaled(bbox.y_max),
            ]),
        );
        descriptor.set("ItalicAngle", Object::Integer(0));
        descriptor.set("Ascent", scaled(face.ascender()));
        descriptor.set("Descent", scaled(face.descender()));
        descriptor.set(
            "CapHeight",
            scaled(face.capital_height().unwrap_or(face.ascender())),
        );
        descriptor.set("StemV", Object::Integer(80));
        descriptor.set("FontFile2", Object::Reference(program_id));
        writer.write_object(descriptor_id, &Object::Dictionary(descriptor));

        let widths: Vec<Object> = self
            .remapper
            .remapped_gids()
            .map(|old| {
                let advance = face
                    .glyph_hor_advance(ttf_parser::GlyphId(old))
                    .unwrap_or(0);
                Object::Integer((f64::from(advance) * scale).round() as i64)
            })
            .collect();
        let mut system_info = Dictionary::new();
        system_info.set("Registry", Object::string_literal("Adobe"));
        system_info.set("Ordering", Object::string_literal("Identity"));
        system_info.set("Supplement", Object::Integer(0));
        let mut cid_font = Dictionary::new();
        cid_font.set("Type", Object::Name(b"Font".to_vec()));
        cid_font.set("Subtype", Object::Name(b"CIDFontType2".to_vec()));
        cid_font.set("BaseFont", Object::Name(base_font.clone().into_bytes()));
        cid_font.set("CIDSystemInfo", Object::Dictionary(system_info));
        cid_font.set("FontDescriptor", Object::Reference(descriptor_id));
        cid_font.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
        cid_font.set(
            "W",
            Object::Array(vec![Object::Integer(0), Object::Array(widths)]),
        );
        writer.write_object(cid_font_id, &Object::Dictionary(cid_font));

        let mut to_unicode_dict = Dictionary::new();
        to_unicode_dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        writer.write_object(
            to_unicode_id,
            &Object::Stream(Stream::new(
                to_unicode_dict,
                deflate(self.to_unicode().as_bytes())?,
            )),
        );

        let mut type0 = Dictionary::new();
        type0.set("Type", Object::Name(b"Font".to_vec()));
        type0.set("Subtype", Object::Name(b"Type0".to_vec()));
        type0.set("BaseFont", Object::Name(base_font.into_bytes()));
        type0.set("Encoding", Object::Name(b"Identity-H".to_vec()));
        type0.set(
            "DescendantFonts",
            Object::Array(vec![Object::Reference(cid_font_id)]),
        );
        type0.set("ToUnicode", Object::Reference(to_unicode_id));
        writer.write_object(type0_id, &Object::Dictionary(type0));
        Ok(type0_id)
    }

    /// Six capital letters naming this subset, as the PDF specification asks of subset fonts.
    fn tag(&self) -> String {
        let mut hasher = Sha256::new();
        for old in self.remapper.remapped_gids() {
            hasher.update(old.to_be_bytes());
        }
        hasher
            .finalize()
            .iter()
            .take(6)
            .map(|b| char::from(b'A' + b % 26))
            .collect()
    }

    fn to_unicode(&self) -> String {
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        let entries: Vec<(&u16, &char)> = self.unicode.iter().collect();
        for block in entries.chunks(100) {
            cmap.push_str(&format!("{} beginbfchar\n", block.len()));
            for (code, c) in block {
                let utf16: String = c
                    .encode_utf16(&mut [0; 2])
                    .iter()
                    .map(|u| format!("{u:04X}"))
                    .collect();
                cmap.push_str(&format!("<{code:04X}> <{utf16}>\n"));
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        cmap
    }
}

/// The glyph for a character, or for "?" when DejaVu Sans has none.
fn glyph_for(c: char) -> ttf_parser::GlyphId {
    let face = face();
    face.glyph_index(c)
        .or_else(|| face.glyph_index('?'))
        .unwrap_or(ttf_parser::GlyphId(0))
}

pub(crate) fn deflate(bytes: &[u8]) -> Result<Vec<u8>, SignError> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|_| encoder.finish())
        .map_err(|e| SignError::layout("compressing", e))
}
