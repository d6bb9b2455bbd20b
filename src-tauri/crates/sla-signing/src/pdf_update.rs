//! An incremental update: new and rewritten objects appended after the original bytes, with a
//! cross-reference section pointing back to the previous one, so every earlier byte (and every
//! earlier signature) stays as it was.

use std::collections::BTreeMap;

use lopdf::{Object, ObjectId};

use crate::pdf_source::SourcePdf;
use crate::pdf_syntax::{write_dictionary, write_object};

pub(crate) struct UpdateWriter<'a> {
    source: &'a SourcePdf<'a>,
    /// The appended bytes; their first byte sits at `source.bytes.len()`.
    out: Vec<u8>,
    offsets: BTreeMap<u32, (u16, usize)>,
    next_number: u32,
}

impl<'a> UpdateWriter<'a> {
    pub fn new(source: &'a SourcePdf<'a>) -> UpdateWriter<'a> {
        let mut out = Vec::new();
        if !matches!(source.bytes.last(), Some(b'\n' | b'\r')) {
            out.push(b'\n');
        }
        // New objects are numbered from the old /Size up; pyHanko rejects earlier signatures
        // when an update skips or reuses numbers.
        UpdateWriter {
            source,
            out,
            offsets: BTreeMap::new(),
            next_number: source.size,
        }
    }

    /// A fresh object number.
    pub fn allocate(&mut self) -> ObjectId {
        let id = (self.next_number, 0);
        self.next_number += 1;
        id
    }

    /// Absolute offset in the final file of the next byte written.
    pub fn position(&self) -> usize {
        self.source.bytes.len() + self.out.len()
    }

    pub fn write_object(&mut self, id: ObjectId, object: &Object) {
        let mut body = Vec::new();
        write_object(&mut body, object);
        self.write_raw(id, &body);
    }

    /// Writes an object whose body is already PDF syntax; returns the absolute offset of the
    /// body's first byte, so placeholders inside it can be found again.
    pub fn write_raw(&mut self, id: ObjectId, body: &[u8]) -> usize {
        self.offsets.insert(id.0, (id.1, self.position()));
        self.out
            .extend_from_slice(format!("{} {} obj\n", id.0, id.1).as_bytes());
        let body_start = self.position();
        self.out.extend_from_slice(body);
        self.out.extend_from_slice(b"\nendobj\n");
        body_start
    }

    /// Appends the cross-reference section and trailer, and returns the whole new file.
    pub fn finish(mut self) -> Vec<u8> {
        let trailer_keys: &[&[u8]] = &[b"Root", b"Info", b"ID"];
        let mut trailer = lopdf::Dictionary::new();
        for key in trailer_keys {
            if let Ok(value) = self.source.doc.trailer.get(key) {
                trailer.set(key.to_vec(), value.clone());
            }
        }
        trailer.set("Prev", Object::Integer(self.source.startxref as i64));
        let xref_offset = if self.source.xref_is_stream {
            self.write_xref_stream(trailer)
        } else {
            self.write_xref_table(trailer)
        };
        self.out
            .extend_from_slice(format!("startxref\n{xref_offset}\n%%EOF\n").as_bytes());
        let mut file = Vec::with_capacity(self.source.bytes.len() + self.out.len());
        file.extend_from_slice(self.source.bytes);
        file.extend_from_slice(&self.out);
        file
    }

    /// Consecutive runs of object numbers, as cross-reference subsections list them.
    fn subsections(&self) -> Vec<(u32, Vec<(u16, usize)>)> {
        let mut runs: Vec<(u32, Vec<(u16, usize)>)> = Vec::new();
        for (&number, &entry) in &self.offsets {
            match runs.last_mut() {
                Some((start, entries)) if *start + entries.len() as u32 == number => {
                    entries.push(entry)
                }
                _ => runs.push((number, vec![entry])),
            }
        }
        runs
    }

    fn write_xref_table(&mut self, mut trailer: lopdf::Dictionary) -> usize {
        let xref_offset = self.position();
        let mut section = b"xref\n".to_vec();
        for (start, entries) in self.subsections() {
            section.extend_from_slice(format!("{start} {}\n", entries.len()).as_bytes());
            for (generation, offset) in entries {
                // Exactly 20 bytes each, as the format requires.
                section.extend_from_slice(format!("{offset:010} {generation:05} n\r\n").as_bytes());
            }
        }
        trailer.set("Size", Object::Integer(i64::from(self.next_number)));
        section.extend_from_slice(b"trailer\n");
        write_dictionary(&mut section, &trailer);
        section.push(b'\n');
        self.out.extend_from_slice(&section);
        xref_offset
    }

    /// The same section as a cross-reference stream, for files whose last section is one.
    fn write_xref_stream(&mut self, mut trailer: lopdf::Dictionary) -> usize {
        let id = self.allocate();
        let xref_offset = self.position();
        self.offsets.insert(id.0, (0, xref_offset));
        let mut data = Vec::new();
        let mut index = Vec::new();
        for (start, entries) in self.subsections() {
            index.push(Object::Integer(i64::from(start)));
            index.push(Object::Integer(entries.len() as i64));
            for (generation, offset) in entries {
                data.push(1u8);
                data.extend_from_slice(&(offset as u32).to_be_bytes());
                data.extend_from_slice(&generation.to_be_bytes());
            }
        }
        trailer.set("Type", Object::Name(b"XRef".to_vec()));
        trailer.set("Size", Object::Integer(i64::from(self.next_number)));
        trailer.set("Index", Object::Array(index));
        trailer.set(
            "W",
            Object::Array(vec![
                Object::Integer(1),
                Object::Integer(4),
                Object::Integer(2),
            ]),
        );
        let stream = Object::Stream(lopdf::Stream::new(trailer, data));
        self.write_object(id, &stream);
        xref_offset
    }
}
