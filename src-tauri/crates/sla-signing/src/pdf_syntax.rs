//! PDF syntax: writing objects back out, text strings in and out, and PDF dates.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use lopdf::{Dictionary, Object};

/// Appends the PDF syntax of `object`. Strings are written in hex so any bytes survive.
pub(crate) fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(value) => out.extend_from_slice(if *value { b"true" } else { b"false" }),
        Object::Integer(value) => out.extend_from_slice(value.to_string().as_bytes()),
        // The shortest text that reads back as the same f32, as most writers print them.
        Object::Real(value) if value.is_finite() => {
            out.extend_from_slice(format!("{value}").as_bytes())
        }
        Object::Real(_) => out.push(b'0'),
        Object::Name(name) => write_name(out, name),
        Object::String(bytes, _) => write_hex_string(out, bytes),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dictionary(out, dict),
        Object::Stream(stream) => {
            let mut dict = stream.dict.clone();
            dict.set("Length", Object::Integer(stream.content.len() as i64));
            write_dictionary(out, &dict);
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((number, generation)) => {
            out.extend_from_slice(format!("{number} {generation} R").as_bytes())
        }
    }
}

pub(crate) fn write_dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict.iter() {
        write_name(out, key);
        out.push(b' ');
        write_object(out, value);
        out.push(b' ');
    }
    out.extend_from_slice(b">>");
}

/// A number without exponent, short but exact enough to read back as the same `f32`.
pub(crate) fn format_real(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

pub(crate) fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        let regular = (0x21..=0x7e).contains(&b) && !b"()<>[]{}/%#".contains(&b);
        if regular {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

pub(crate) fn write_hex_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for b in bytes {
        out.extend_from_slice(format!("{b:02X}").as_bytes());
    }
    out.push(b'>');
}

/// A text string as PDF stores it: plain bytes when ASCII, UTF-16BE with a byte-order mark
/// otherwise.
pub(crate) fn text_string(text: &str) -> Object {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Object::String(text.as_bytes().to_vec(), lopdf::StringFormat::Hexadecimal);
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

/// Decodes a PDF text string (UTF-16 with a byte-order mark, UTF-8 with one, or
/// PDFDocEncoding, read as Latin-1 which it matches for letters).
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| b as char).collect()
}

/// The text of a string object, if `object` is one.
pub(crate) fn object_text(object: &Object) -> Option<String> {
    match object {
        Object::String(bytes, _) => Some(decode_text(bytes)),
        _ => None,
    }
}

/// `D:YYYYMMDDHHmmSS+HH'mm'`, the PDF date format.
pub(crate) fn pdf_date(time: &DateTime<FixedOffset>) -> String {
    let offset = time.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        time.format("%Y%m%d%H%M%S"),
        offset / 3600,
        (offset % 3600) / 60
    )
}

/// Reads a PDF date; missing parts default as the PDF specification says.
pub(crate) fn parse_pdf_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim().strip_prefix("D:").unwrap_or(text.trim());
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() < 4 {
        return None;
    }
    let part = |from: usize, len: usize, default: u32| -> Option<u32> {
        match digits.get(from..from + len) {
            Some(s) => s.parse().ok(),
            None => Some(default),
        }
    };
    let year = part(0, 4, 0)? as i32;
    let date = NaiveDate::from_ymd_opt(year, part(4, 2, 1)?, part(6, 2, 1)?)?;
    let naive = date.and_hms_opt(part(8, 2, 0)?, part(10, 2, 0)?, part(12, 2, 0)?)?;
    let rest = &text[digits.len()..];
    let offset_seconds = match rest.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let numbers: Vec<i32> = rest[1..]
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect();
            let seconds = numbers.first().copied().unwrap_or(0) * 3600
                + numbers.get(1).copied().unwrap_or(0) * 60;
            if sign == '-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => 0,
    };
    FixedOffset::east_opt(offset_seconds)?
        .from_local_datetime(&naive)
        .single()
}

/// Whether two objects mean the same: reals compared with the precision files carry, and
/// strings whatever their notation.
pub(crate) fn same_object(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::String(x, _), Object::String(y, _)) => x == y,
        (Object::Integer(x), Object::Real(y)) | (Object::Real(y), Object::Integer(x)) => {
            (*x as f64 - f64::from(*y)).abs() < 1e-3
        }
        (Object::Real(x), Object::Real(y)) => (f64::from(*x) - f64::from(*y)).abs() < 1e-3,
        (Object::Array(x), Object::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_object(a, b))
        }
        (Object::Dictionary(x), Object::Dictionary(y)) => same_dictionary(x, y, &[]),
        (Object::Stream(x), Object::Stream(y)) => {
            // Bounded, as a hostile update could carry a decompression bomb: past the bound
            // the compressed bytes are compared instead.
            let content = |s: &lopdf::Stream| {
                s.decompressed_content_with_limit(crate::files::MAX_PDF_BYTES as usize)
                    .unwrap_or(s.content.clone())
            };
            let ignore: &[&[u8]] = &[b"Length", b"Filter", b"DecodeParms"];
            same_dictionary(&x.dict, &y.dict, ignore) && content(x) == content(y)
        }
        _ => a == b,
    }
}

/// Whether two dictionaries are the same apart from the keys in `ignore`.
pub(crate) fn same_dictionary(a: &Dictionary, b: &Dictionary, ignore: &[&[u8]]) -> bool {
    let relevant = |dict: &Dictionary| -> Vec<Vec<u8>> {
        let mut keys: Vec<Vec<u8>> = dict
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| !ignore.contains(&k.as_slice()))
            .collect();
        keys.sort();
        keys
    };
    let keys = relevant(a);
    keys == relevant(b)
        && keys.iter().all(|k| match (a.get(k), b.get(k)) {
            (Ok(x), Ok(y)) => same_object(x, y),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        let time = DateTime::parse_from_rfc3339("2026-11-26T18:46:05+03:00").unwrap();
        let text = pdf_date(&time);
        assert_eq!(text, "D:20261126184605+03'00'");
        assert_eq!(parse_pdf_date(&text), Some(time));
        assert_eq!(
            parse_pdf_date("D:20261126184605Z"),
            Some(DateTime::parse_from_rfc3339("2026-11-26T18:46:05Z").unwrap())
        );
    }

    #[test]
    fn text_strings_round_trip() {
        for text in ["sig-1", "Анна Петрова", "Jürgen"] {
            let Object::String(bytes, _) = text_string(text) else {
                panic!()
            };
            assert_eq!(decode_text(&bytes), text);
        }
    }

    #[test]
    fn reals_read_back_equal() {
        for value in [0.1f32, 123.456, -7.25, 595.2756, 1e-4] {
            let text = format_real(f64::from(value));
            let read: f32 = text.parse().unwrap();
            assert!((read - value).abs() < 1e-5, "{value} -> {text}");
        }
    }

    #[test]
    fn names_escape_delimiters() {
        let mut out = Vec::new();
        write_name(&mut out, b"SLA Studio#1");
        assert_eq!(out, b"/SLA#20Studio#231");
    }
}
