//! Rewriting a dictionary object by copying the original bytes of every entry it keeps.
//! Parsing and re-printing would change how numbers are written (lopdf keeps reals as `f32`), and
//! validators such as pyHanko compare the field dictionaries of the signed revision with the
//! next one value by value: a /Rect of `319.55908` re-printed as `319.559082` counts as tampering.

use lopdf::xref::XrefEntry;
use lopdf::{Document, Object, ObjectId};

use crate::pdf_syntax::write_object;

/// The entries of a dictionary object as they are written in the file.
pub(crate) struct RawDictionary<'a> {
    /// (key as decoded name bytes, value bytes exactly as written).
    entries: Vec<(Vec<u8>, &'a [u8])>,
}

impl<'a> RawDictionary<'a> {
    /// Reads the dictionary object `id` from `pdf`, when it is stored uncompressed at the offset
    /// the cross-reference table gives.
    pub fn read(pdf: &'a [u8], doc: &Document, id: ObjectId) -> Option<RawDictionary<'a>> {
        let offset = match doc.reference_table.get(id.0)? {
            XrefEntry::Normal { offset, generation } if *generation == id.1 => *offset as usize,
            _ => return None,
        };
        let header = format!("{} {} obj", id.0, id.1);
        let mut pos = offset;
        if !pdf.get(pos..)?.starts_with(header.as_bytes()) {
            return None;
        }
        pos = skip_space(pdf, pos + header.len());
        if !pdf.get(pos..)?.starts_with(b"<<") {
            return None;
        }
        pos += 2;
        let mut entries = Vec::new();
        loop {
            pos = skip_space(pdf, pos);
            if pdf.get(pos..)?.starts_with(b">>") {
                break;
            }
            if *pdf.get(pos)? != b'/' {
                return None;
            }
            let key_end = name_end(pdf, pos + 1);
            let key = decode_name(&pdf[pos + 1..key_end]);
            let value_start = skip_space(pdf, key_end);
            let value_end = value_end(pdf, value_start, 0)?;
            entries.push((key, &pdf[value_start..value_end]));
            pos = value_end;
        }
        Some(RawDictionary { entries })
    }

    /// The dictionary with `set` entries replaced or added and `remove` entries left out, every
    /// other entry copied byte for byte.
    pub fn rewrite(&self, set: &[(&str, Object)], remove: &[&str]) -> Vec<u8> {
        let replaced = |key: &[u8]| {
            set.iter().any(|(k, _)| k.as_bytes() == key)
                || remove.iter().any(|k| k.as_bytes() == key)
        };
        let mut out = b"<<".to_vec();
        for (key, value) in &self.entries {
            if replaced(key) {
                continue;
            }
            crate::pdf_syntax::write_name(&mut out, key);
            out.push(b' ');
            out.extend_from_slice(value);
            out.push(b'\n');
        }
        for (key, value) in set {
            crate::pdf_syntax::write_name(&mut out, key.as_bytes());
            out.push(b' ');
            write_object(&mut out, value);
            out.push(b'\n');
        }
        out.extend_from_slice(b">>");
        out
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    b"()<>[]{}/%".contains(&b)
}

/// Skips white space and comments.
fn skip_space(pdf: &[u8], mut pos: usize) -> usize {
    while let Some(&b) = pdf.get(pos) {
        if is_space(b) {
            pos += 1;
        } else if b == b'%' {
            while pdf.get(pos).is_some_and(|&b| b != b'\n' && b != b'\r') {
                pos += 1;
            }
        } else {
            break;
        }
    }
    pos
}

fn name_end(pdf: &[u8], mut pos: usize) -> usize {
    while pdf
        .get(pos)
        .is_some_and(|&b| !is_space(b) && !is_delimiter(b))
    {
        pos += 1;
    }
    pos
}

fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' && i + 2 < raw.len() {
            if let Ok(b) = u8::from_str_radix(&String::from_utf8_lossy(&raw[i + 1..i + 3]), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// The end of the value starting at `pos`: a reference `n g R` counts as one value.
fn value_end(pdf: &[u8], pos: usize, depth: usize) -> Option<usize> {
    if depth > 64 {
        return None;
    }
    let first = *pdf.get(pos)?;
    match first {
        b'<' if pdf.get(pos + 1) == Some(&b'<') => {
            let mut at = pos + 2;
            loop {
                at = skip_space(pdf, at);
                if pdf.get(at..)?.starts_with(b">>") {
                    return Some(at + 2);
                }
                at = value_end(pdf, at, depth + 1)?;
            }
        }
        b'<' => {
            let close = pdf.get(pos..)?.iter().position(|&b| b == b'>')?;
            Some(pos + close + 1)
        }
        b'[' => {
            let mut at = pos + 1;
            loop {
                at = skip_space(pdf, at);
                if *pdf.get(at)? == b']' {
                    return Some(at + 1);
                }
                at = value_end(pdf, at, depth + 1)?;
            }
        }
        b'(' => {
            let mut nesting = 0usize;
            let mut at = pos;
            loop {
                match *pdf.get(at)? {
                    b'\\' => at += 1,
                    b'(' => nesting += 1,
                    b')' => {
                        nesting -= 1;
                        if nesting == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
        }
        b'/' => Some(name_end(pdf, pos + 1)),
        b'0'..=b'9' | b'+' | b'-' | b'.' => {
            let end = name_end(pdf, pos);
            // `n g R`: two unsigned integers and R make one reference.
            let is_integer = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
            if is_integer(&pdf[pos..end]) {
                let second = skip_space(pdf, end);
                let second_end = name_end(pdf, second);
                if second_end > second && is_integer(&pdf[second..second_end]) {
                    let r = skip_space(pdf, second_end);
                    if pdf.get(r) == Some(&b'R') && name_end(pdf, r) == r + 1 {
                        return Some(r + 1);
                    }
                }
            }
            Some(end)
        }
        _ if !is_delimiter(first) && !is_space(first) => Some(name_end(pdf, pos)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_keep_their_bytes() {
        let body = b"1 0 obj\n<</Type/Annot/FT/Sig/T(sig\\)1)/TU<FEFF0410>/Rect[319.55908 584.9276 544.252 648.9276]/F 4/P 26 0 R/AP<</N 66 0 R>>/Kids[1 0 R 2 0 R]>>\nendobj\n";
        let mut entries = Vec::new();
        let mut pos = 10;
        loop {
            pos = skip_space(body, pos);
            if body[pos..].starts_with(b">>") {
                break;
            }
            let key_end = name_end(body, pos + 1);
            let start = skip_space(body, key_end);
            let end = value_end(body, start, 0).unwrap();
            entries.push((decode_name(&body[pos + 1..key_end]), &body[start..end]));
            pos = end;
        }
        let values: Vec<&[u8]> = entries.iter().map(|(_, v)| *v).collect();
        assert_eq!(
            values,
            vec![
                b"/Annot".as_slice(),
                b"/Sig",
                b"(sig\\)1)",
                b"<FEFF0410>",
                b"[319.55908 584.9276 544.252 648.9276]",
                b"4",
                b"26 0 R",
                b"<</N 66 0 R>>",
                b"[1 0 R 2 0 R]",
            ]
        );
        let dict = RawDictionary { entries };
        let rewritten = dict.rewrite(&[("V", Object::Reference((9, 0)))], &["AP"]);
        let text = String::from_utf8(rewritten).unwrap();
        assert!(
            text.contains("/Rect [319.55908 584.9276 544.252 648.9276]"),
            "{text}"
        );
        assert!(text.contains("/V 9 0 R") && !text.contains("/AP"), "{text}");
    }
}
