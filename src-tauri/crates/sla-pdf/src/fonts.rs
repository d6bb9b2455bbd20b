//! The embedded DejaVu faces and exact text measurement.
//!
//! Widths are the sums of the glyph advances truncated to thousandths of an em, exactly as printpdf
//! writes them into the PDF's `/W` table, so a line measured here is as long as a viewer draws it.

use std::sync::OnceLock;

use printpdf::ParsedFont;

/// One of the four faces the agreement is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Serif,
    SerifBold,
    Sans,
    SansBold,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Serif, Face::SerifBold, Face::Sans, Face::SansBold];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The face's TrueType file, compiled in once for the whole program (the signature appearance
    /// uses the same Sans rather than a second copy).
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Serif => include_bytes!("../fonts/DejaVuSerif.ttf"),
            Face::SerifBold => include_bytes!("../fonts/DejaVuSerif-Bold.ttf"),
            Face::Sans => include_bytes!("../fonts/DejaVuSans.ttf"),
            Face::SansBold => include_bytes!("../fonts/DejaVuSans-Bold.ttf"),
        }
    }
}

/// A parsed face with its advance widths in thousandths of an em, indexed by glyph id.
pub struct FaceData {
    pub parsed: ParsedFont,
    widths: Vec<u16>,
    /// Glyph of U+FFFD (or `?`), drawn for characters the face lacks.
    replacement: char,
    /// Ascender and descender in ems, as the PDF font descriptor states them.
    pub ascent: f32,
    pub descent: f32,
}

impl FaceData {
    fn parse(face: Face) -> FaceData {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
            .expect("the bundled DejaVu fonts parse");
        let upm = parsed.font_metrics.units_per_em.max(1) as u32;
        let widths = (0..parsed.num_glyphs)
            .map(|gid| (parsed.get_horizontal_advance(gid) as u32 * 1000 / upm) as u16)
            .collect();
        let metrics = &parsed.pdf_font_metrics;
        let ascent = metrics.ascender as f32 / upm as f32;
        let descent = -(metrics.descender as f32) / upm as f32;
        let replacement = if parsed.lookup_glyph_index(0xFFFD).is_some() {
            '\u{FFFD}'
        } else {
            '?'
        };
        FaceData {
            parsed,
            widths,
            replacement,
            ascent,
            descent,
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.parsed.lookup_glyph_index(c as u32).is_some()
    }

    /// Width of one character in thousandths of an em (0 for a character the face lacks).
    fn char_units(&self, c: char) -> u32 {
        self.parsed
            .lookup_glyph_index(c as u32)
            .and_then(|gid| self.widths.get(gid as usize))
            .copied()
            .unwrap_or(0) as u32
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| self.char_units(c)).sum();
        units as f32 * size / 1000.0
    }

    /// Width of one character at `size` points.
    pub fn char_width(&self, c: char, size: f32) -> f32 {
        self.char_units(c) as f32 * size / 1000.0
    }

    /// The text with characters this face cannot draw replaced by a visible replacement glyph,
    /// and tabs and stray control characters turned into spaces.
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    ' '
                } else if self.has(c) {
                    c
                } else {
                    self.replacement
                }
            })
            .collect()
    }
}

/// The four faces, parsed once per process: parsing DejaVu Sans takes milliseconds, and every
/// export needs the same faces.
pub fn faces() -> &'static [FaceData; 4] {
    static FACES: OnceLock<[FaceData; 4]> = OnceLock::new();
    FACES.get_or_init(|| Face::ALL.map(FaceData::parse))
}

pub fn face(face: Face) -> &'static FaceData {
    &faces()[face.index()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_font_and_scale_with_size() {
        let sans = face(Face::Sans);
        let w10 = sans.width("Agreement", 10.0);
        assert!(w10 > 40.0 && w10 < 60.0, "{w10}");
        assert!((sans.width("Agreement", 20.0) - 2.0 * w10).abs() < 1e-3);
        assert!(sans.width("Соглашение", 10.0) > 40.0);
        assert!(face(Face::SansBold).width("Agreement", 10.0) > w10);
    }

    #[test]
    fn unknown_characters_become_a_replacement_glyph() {
        let serif = face(Face::Serif);
        let shown = serif.printable("a\tb\u{10FFFD}");
        assert_eq!(shown.chars().nth(1), Some(' '));
        assert!(serif.has(shown.chars().nth(3).unwrap()));
    }
}
