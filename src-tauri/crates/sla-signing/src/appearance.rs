//! The visible signature drawn in the field's area: the typed and/or drawn signature above a
//! signature line, and below it the signer's name, role, and when it was signed.

use serde::{Deserialize, Serialize};

use crate::font::FontSubset;
use crate::SignError;

/// A point of a hand-drawn signature, in the drawing canvas's units with y pointing down (as
/// a browser canvas reports them); only the shape matters, it is scaled to fit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// One pen-down-to-pen-up line of a drawn signature.
pub type Stroke = Vec<Point>;

/// The most points a drawn signature may have; a canvas at 60 Hz for a minute stays below.
const MAX_POINTS: usize = 20_000;

/// What the appearance shows.
pub(crate) struct AppearanceContent<'a> {
    pub typed: Option<&'a str>,
    pub drawn: &'a [Stroke],
    pub name: &'a str,
    pub role: &'a str,
    /// e.g. "Digitally signed 2026-11-26 18:46 UTC+03:00".
    pub signed_line: &'a str,
    /// e.g. "Certificate SHA-256 97:73:3E:BD…", shown when there is room.
    pub certificate_line: &'a str,
}

const INK: &str = "0.09 0.20 0.52";
const TEXT: &str = "0.13 0.13 0.13";
const MUTED: &str = "0.38 0.38 0.40";
const RULE: &str = "0.62 0.62 0.66";

/// Refuses drawings that cannot be drawn: no usable points, too many, or not numbers.
pub(crate) fn check_drawing(strokes: &[Stroke]) -> Result<(), SignError> {
    let points: usize = strokes.iter().map(Vec::len).sum();
    if points > MAX_POINTS {
        return Err(SignError::InvalidDrawing {
            detail: format!("{points} points, more than the {MAX_POINTS} allowed"),
        });
    }
    if strokes
        .iter()
        .flatten()
        .any(|p| !p.x.is_finite() || !p.y.is_finite())
    {
        return Err(SignError::InvalidDrawing {
            detail: "a point is not a finite number".into(),
        });
    }
    if !strokes.is_empty() && points == 0 {
        return Err(SignError::InvalidDrawing {
            detail: "its strokes have no points".into(),
        });
    }
    Ok(())
}

/// The appearance stream's content for a `width` x `height` area.
pub(crate) fn content_stream(
    width: f64,
    height: f64,
    content: &AppearanceContent,
    font: &mut FontSubset,
) -> Vec<u8> {
    let mut ops = String::new();
    let pad = (height.min(width) * 0.06).clamp(2.0, 6.0);
    let small = (height * 0.1).clamp(5.5, 7.5);
    let large = (small * 1.2).min(9.5);
    let line_gap = 1.22;

    // The lines under the signature, bottom up; the certificate line only when there is room.
    let mut lines: Vec<(&str, f64, &str, bool)> = Vec::new();
    let show_certificate = height >= 80.0 && !content.certificate_line.is_empty();
    if show_certificate {
        lines.push((content.certificate_line, small * 0.85, MUTED, false));
    }
    lines.push((content.signed_line, small, MUTED, false));
    if !content.role.is_empty() {
        lines.push((content.role, small, TEXT, false));
    }
    lines.push((content.name, large, TEXT, true));

    let text_left = pad + 5.0;
    let text_width = width - text_left - pad;
    let mut baseline = pad + small * 0.25;
    let mut info_top = baseline;
    // White out the inside of the area (the page may print a line for a pen signature there),
    // leaving the frame the page draws around it.
    ops.push_str(&format!(
        "q\n1 1 1 rg {} {} {} {} re f\n",
        num(1.0),
        num(1.0),
        num(width - 2.0),
        num(height - 2.0)
    ));
    for (text, size, color, bold) in &lines {
        let (shown, size) = fit_text(font, text, *size, text_width);
        let codes = hex(&font.encode(&shown));
        if *bold {
            // Faux bold: fill and stroke the outlines with a hairline.
            ops.push_str(&format!(
                "BT /F1 {} Tf {color} rg {color} RG 2 Tr {} w 1 0 0 1 {} {} Tm <{codes}> Tj ET\n",
                num(size),
                num(size * 0.03),
                num(text_left),
                num(baseline)
            ));
        } else {
            ops.push_str(&format!(
                "BT /F1 {} Tf {color} rg 0 Tr 1 0 0 1 {} {} Tm <{codes}> Tj ET\n",
                num(size),
                num(text_left),
                num(baseline)
            ));
        }
        info_top = baseline + size * 0.8;
        baseline += size * line_gap;
    }
    // An accent bar beside the lines marks the block as a digital signature.
    ops.push_str(&format!(
        "{INK} RG 1.6 w 0 J {} {} m {} {} l S\n",
        num(pad + 1.0),
        num(pad),
        num(pad + 1.0),
        num(info_top)
    ));

    // The signature line, and the signature above it.
    let rule_y = info_top + small * 0.7;
    ops.push_str(&format!(
        "{RULE} RG 0.6 w {} {} m {} {} l S\n",
        num(pad),
        num(rule_y),
        num(width - pad),
        num(rule_y)
    ));
    let zone_bottom = rule_y + 1.5;
    let zone_top = height - pad;
    let zone_height = zone_top - zone_bottom;
    if zone_height > 4.0 {
        let left = pad + 2.0;
        let right = width - pad;
        let has_drawing = content.drawn.iter().any(|s| !s.is_empty());
        let (drawn_right, typed_left) = match (has_drawing, content.typed) {
            (true, Some(_)) => (left + (right - left) * 0.55, left + (right - left) * 0.58),
            _ => (right, left),
        };
        if has_drawing {
            draw_strokes(
                &mut ops,
                content.drawn,
                left,
                zone_bottom,
                drawn_right,
                zone_top,
            );
        }
        if let Some(typed) = content.typed.filter(|t| !t.trim().is_empty()) {
            let available = right - typed_left;
            let size = (zone_height * 0.62).min(28.0);
            let (shown, size) = fit_text(font, typed.trim(), size, available / 1.02);
            let codes = hex(&font.encode(&shown));
            let y = zone_bottom + (zone_height - size * 0.72) / 2.0;
            // Slanted like handwriting.
            ops.push_str(&format!(
                "BT /F1 {} Tf {INK} rg 0 Tr 1 0 0.21 1 {} {} Tm <{codes}> Tj ET\n",
                num(size),
                num(typed_left),
                num(y.max(zone_bottom + 1.0))
            ));
        }
    }
    ops.push_str("Q\n");
    ops.into_bytes()
}

/// Shrinks the text to fit `width` down to 70% of `size`, then shortens it with an ellipsis.
fn fit_text(font: &FontSubset, text: &str, size: f64, width: f64) -> (String, f64) {
    let natural = font.width(text, size);
    if natural <= width || width <= 0.0 {
        return (text.to_owned(), size);
    }
    let shrunk = (size * width / natural).max(size * 0.7);
    if font.width(text, shrunk) <= width {
        return (text.to_owned(), shrunk);
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if font.width(&candidate, shrunk) <= width {
            return (candidate, shrunk);
        }
    }
    (String::new(), shrunk)
}

/// Scales the strokes uniformly into the box, keeping their shape, flipping y upwards.
fn draw_strokes(
    ops: &mut String,
    strokes: &[Stroke],
    left: f64,
    bottom: f64,
    right: f64,
    top: f64,
) {
    let points = || strokes.iter().flatten();
    let min_x = points()
        .map(|p| f64::from(p.x))
        .fold(f64::INFINITY, f64::min);
    let max_x = points()
        .map(|p| f64::from(p.x))
        .fold(f64::NEG_INFINITY, f64::max);
    let min_y = points()
        .map(|p| f64::from(p.y))
        .fold(f64::INFINITY, f64::min);
    let max_y = points()
        .map(|p| f64::from(p.y))
        .fold(f64::NEG_INFINITY, f64::max);
    let span_x = (max_x - min_x).max(1e-6);
    let span_y = (max_y - min_y).max(1e-6);
    let scale = ((right - left) / span_x).min((top - bottom) / span_y);
    let drawn_height = span_y * scale;
    let y_offset = bottom + ((top - bottom) - drawn_height) / 2.0;
    let map = |p: &Point| {
        let x = left + (f64::from(p.x) - min_x) * scale;
        let y = y_offset + (max_y - f64::from(p.y)) * scale;
        (x, y)
    };
    let line_width = ((top - bottom) * 0.035).clamp(0.8, 1.6);
    ops.push_str(&format!("{INK} RG {} w 1 J 1 j\n", num(line_width)));
    for stroke in strokes.iter().filter(|s| !s.is_empty()) {
        let (x, y) = map(&stroke[0]);
        ops.push_str(&format!("{} {} m\n", num(x), num(y)));
        if stroke.len() == 1 {
            // A dot: a zero-length line shows as a round cap.
            ops.push_str(&format!("{} {} l\n", num(x + 0.01), num(y)));
        }
        for point in &stroke[1..] {
            let (x, y) = map(point);
            ops.push_str(&format!("{} {} l\n", num(x), num(y)));
        }
        ops.push_str("S\n");
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn num(value: f64) -> String {
    crate::pdf_syntax::format_real((value * 100.0).round() / 100.0)
}
