//! Greedy line breaking on exact glyph widths. Words break at spaces; a word longer than the line
//! (a URL, a run of characters without spaces) breaks after a slash or hyphen where one falls late
//! enough in the line, and anywhere otherwise, so text never runs past its column.

use crate::fonts::FaceData;

/// One line of wrapped text and its width in points.
#[derive(Debug, Clone, PartialEq)]
pub struct WrappedLine {
    pub text: String,
    pub width: f32,
}

/// Wraps `text` to lines of at most `max_width` points. Line breaks in the text start new lines;
/// an empty text gives no lines.
pub fn wrap(face: &FaceData, size: f32, text: &str, max_width: f32) -> Vec<WrappedLine> {
    let mut lines = Vec::new();
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = normalized.trim_end_matches(['\n', ' ']);
    if trimmed.trim().is_empty() {
        return lines;
    }
    for paragraph in trimmed.split('\n') {
        let shown = face.printable(paragraph);
        wrap_paragraph(face, size, &shown, max_width.max(size), &mut lines);
    }
    lines
}

fn wrap_paragraph(
    face: &FaceData,
    size: f32,
    text: &str,
    max_width: f32,
    out: &mut Vec<WrappedLine>,
) {
    let space = face.char_width(' ', size);
    let mut line = String::new();
    let mut line_width = 0.0f32;
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        // A blank line inside a longer text keeps its place.
        out.push(WrappedLine {
            text: String::new(),
            width: 0.0,
        });
        return;
    }
    for word in words {
        let word_width = face.width(word, size);
        if !line.is_empty() && line_width + space + word_width <= max_width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            out.push(WrappedLine {
                text: std::mem::take(&mut line),
                width: line_width,
            });
        }
        if word_width <= max_width {
            line.push_str(word);
            line_width = word_width;
        } else {
            let (pieces, last) = break_word(face, size, word, max_width);
            out.extend(pieces);
            line_width = last.width;
            line = last.text;
        }
    }
    if !line.is_empty() {
        out.push(WrappedLine {
            text: line,
            width: line_width,
        });
    }
}

/// Splits a word wider than the line into full lines and the remainder that starts the next.
fn break_word(
    face: &FaceData,
    size: f32,
    word: &str,
    max_width: f32,
) -> (Vec<WrappedLine>, WrappedLine) {
    let mut pieces = Vec::new();
    let mut chars: Vec<(char, f32)> = word
        .chars()
        .map(|c| (c, face.char_width(c, size)))
        .collect();
    loop {
        let total: f32 = chars.iter().map(|(_, w)| w).sum();
        if total <= max_width {
            let text: String = chars.iter().map(|(c, _)| c).collect();
            return (pieces, WrappedLine { text, width: total });
        }
        // The longest prefix that fits, at least one character so that progress is made.
        let mut fit = 0;
        let mut width = 0.0;
        for (i, (_, w)) in chars.iter().enumerate() {
            if width + w > max_width && i > 0 {
                break;
            }
            width += w;
            fit = i + 1;
        }
        // Prefer to break after a separator in the last third of the line.
        let separator = chars[..fit]
            .iter()
            .rposition(|(c, _)| matches!(c, '/' | '-' | '_' | '.' | '?' | '&' | '=' | ',' | ';'))
            .map(|i| i + 1)
            .filter(|&end| end < fit && end * 3 >= fit * 2);
        let end = separator.unwrap_or(fit);
        let rest = chars.split_off(end);
        pieces.push(WrappedLine {
            text: chars.iter().map(|(c, _)| c).collect(),
            width: chars.iter().map(|(_, w)| w).sum(),
        });
        chars = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{face, Face};

    #[test]
    fn lines_never_exceed_the_width_and_keep_every_character() {
        let f = face(Face::Serif);
        let text = format!(
            "The lead is reassigned to another rep. {} and then some words after it.",
            "https://example.com/".to_string() + &"a".repeat(280)
        );
        let lines = wrap(f, 9.5, &text, 200.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(line.width <= 200.0 + 1e-3, "{line:?}");
            assert!((f.width(&line.text, 9.5) - line.width).abs() < 1e-3);
        }
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn explicit_line_breaks_and_blank_text() {
        let f = face(Face::Sans);
        assert!(wrap(f, 9.0, "  \n ", 100.0).is_empty());
        let lines = wrap(f, 9.0, "one\n\ntwo\n", 100.0);
        let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["one", "", "two"]);
    }
}
