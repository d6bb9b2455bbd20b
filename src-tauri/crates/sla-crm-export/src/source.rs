//! The file under an export: which format it is, and its rows one at a time.
//!
//! CSV is streamed (a 64 KiB buffer, one reused record), so its size limit only bounds how long
//! a read takes. XLSX is read cell by cell from the sheet's XML, but calamine holds the shared
//! strings table (most of a CRM sheet's text) and the zip's directory in memory, so its limit is
//! lower.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx, XlsxError};
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1251, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;
use sha2::{Digest, Sha256};

use crate::error::file_label;
use crate::{CsvEncoding, ExportFormat, ReadError};

/// CSV exports over this are refused (512 MiB: a few million leads, beyond any period's).
pub const CSV_SIZE_LIMIT: u64 = 512 * 1024 * 1024;
/// XLSX exports over this are refused (100 MiB compressed: about a million rows of a CRM's
/// columns, whose shared strings calamine keeps in memory).
pub const XLSX_SIZE_LIMIT: u64 = 100 * 1024 * 1024;

/// Bytes read to tell the format, the encoding and the separator.
const SNIFF_BYTES: usize = 64 * 1024;
/// Excel's column limit: a cell reference beyond it is a damaged sheet, not a wide one.
const MAX_COLUMNS: usize = 16_384;

#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Csv {
        encoding: CsvEncoding,
        separator: u8,
    },
    Xlsx,
}

/// A cell as the lead reader sees it, whatever the format.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    /// A cell Excel formats as a date: a serial number in the workbook's epoch.
    Serial(f64),
}

/// One data row; `cell` fails only on text that is not valid in the file's encoding.
pub(crate) trait Row {
    fn cell(&self, column: usize) -> Result<Cell<'_>, InvalidText>;
    fn len(&self) -> usize;
    /// Whether a bare number in a date column counts from 1904 (an XLSX workbook's setting).
    fn epoch_1904(&self) -> bool;
    fn is_blank(&self) -> bool {
        (0..self.len()).all(|i| matches!(self.cell(i), Ok(Cell::Empty)))
    }
}

#[derive(Debug)]
pub(crate) struct InvalidText;

/// The whole file was read: its fingerprint and format.
pub(crate) struct Scanned {
    pub fingerprint: String,
    pub format: ExportFormat,
}

/// Tells the format, and refuses what cannot be read before anything else is done.
pub(crate) fn detect(path: &Path) -> Result<Kind, ReadError> {
    let file = file_label(path);
    let io_error = |source| ReadError::Io {
        file: file.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io_error)?.len();
    let mut sample = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)
        .map_err(io_error)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut sample)
        .map_err(io_error)?;
    if sample.iter().all(|b| b.is_ascii_whitespace()) {
        if size > CSV_SIZE_LIMIT {
            return Err(too_large(&file, size, CSV_SIZE_LIMIT, "CSV"));
        }
        return Err(ReadError::Empty { file });
    }
    let not_either = |found: &str| ReadError::NotCsvOrXlsx {
        file: file.clone(),
        found: found.to_string(),
    };
    if sample.starts_with(b"PK\x03\x04") || sample.starts_with(b"PK\x05\x06") {
        if size > XLSX_SIZE_LIMIT {
            return Err(too_large(&file, size, XLSX_SIZE_LIMIT, "XLSX"));
        }
        return Ok(Kind::Xlsx);
    }
    if sample.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // An OLE container: Office's encryption wraps an XLSX in one (an "EncryptedPackage"
        // stream, which calamine looks for); otherwise it is an Excel 97–2003 .xls or a Word file.
        if size > XLSX_SIZE_LIMIT {
            return Err(too_large(&file, size, XLSX_SIZE_LIMIT, "XLSX"));
        }
        let opened = File::open(path).map_err(io_error)?;
        return match Xlsx::new(BufReader::new(opened)) {
            Err(XlsxError::Password) => Err(ReadError::EncryptedXlsx { file }),
            _ => Err(not_either(
                "an Excel 97–2003 .xls workbook or another old Office document; save it as XLSX or CSV",
            )),
        };
    }
    for (magic, what) in [
        (&b"%PDF"[..], "a PDF document"),
        (&b"\x1f\x8b"[..], "a gzip archive"),
        (&b"\x89PNG"[..], "a PNG image"),
        (&b"\xff\xd8\xff"[..], "a JPEG image"),
        (&b"Rar!"[..], "a RAR archive"),
        (&b"7z\xbc\xaf"[..], "a 7-Zip archive"),
    ] {
        if sample.starts_with(magic) {
            return Err(not_either(what));
        }
    }
    if size > CSV_SIZE_LIMIT {
        return Err(too_large(&file, size, CSV_SIZE_LIMIT, "CSV"));
    }
    let encoding = sniff_encoding(&sample, size as usize > sample.len());
    let utf16 = matches!(encoding, CsvEncoding::Utf16Le | CsvEncoding::Utf16Be);
    if !utf16 && sample.contains(&0) {
        return Err(not_either("binary data"));
    }
    let (text, _, _) = encoding_of(encoding).decode(&sample);
    let start: String = text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(64)
        .flat_map(char::to_lowercase)
        .collect();
    if ["<!doctype html", "<html", "<table", "<meta", "<head"]
        .iter()
        .any(|tag| start.starts_with(tag))
    {
        return Err(not_either(
            "an HTML table, as Bitrix24 writes its \"Excel\" export; export as CSV instead",
        ));
    }
    if start.starts_with("<?xml") {
        return Err(not_either(
            "an XML document, such as an Excel 2003 XML spreadsheet; save it as XLSX or CSV",
        ));
    }
    // A record cut by the sample's end would count its fields short.
    let text = if size as usize > sample.len() {
        text.rfind('\n').map_or(&text[..], |end| &text[..end])
    } else {
        &text[..]
    };
    Ok(Kind::Csv {
        encoding,
        separator: sniff_separator(text),
    })
}

fn too_large(file: &str, size: u64, limit: u64, kind: &'static str) -> ReadError {
    ReadError::TooLarge {
        file: file.to_string(),
        size,
        limit,
        kind,
    }
}

fn encoding_of(encoding: CsvEncoding) -> &'static encoding_rs::Encoding {
    match encoding {
        CsvEncoding::Utf8 | CsvEncoding::Utf8Bom => encoding_rs::UTF_8,
        CsvEncoding::Utf16Le => UTF_16LE,
        CsvEncoding::Utf16Be => UTF_16BE,
        CsvEncoding::Windows1251 => WINDOWS_1251,
        CsvEncoding::Windows1252 => WINDOWS_1252,
    }
}

/// A byte-order mark decides; else valid UTF-8 is UTF-8; else the single-byte code page whose
/// reading looks like words. In Windows-1251 the Cyrillic letters are the bytes C0–FF (and A8,
/// B8 for Ё, ё), and Russian words are runs of them; Western text in Windows-1252 has its
/// accented letters (also in C0–FF) alone between ASCII letters.
fn sniff_encoding(sample: &[u8], truncated: bool) -> CsvEncoding {
    if sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return CsvEncoding::Utf8Bom;
    }
    if sample.starts_with(&[0xFF, 0xFE]) {
        return CsvEncoding::Utf16Le;
    }
    if sample.starts_with(&[0xFE, 0xFF]) {
        return CsvEncoding::Utf16Be;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return CsvEncoding::Utf8,
        // Only a character cut by the sample's end.
        Err(error) if truncated && error.error_len().is_none() => return CsvEncoding::Utf8,
        Err(_) => {}
    }
    let is_letter = |b: u8| b >= 0xC0 || b == 0xA8 || b == 0xB8;
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    let letters = sample.iter().filter(|&&b| is_letter(b)).count();
    let in_runs = sample
        .windows(2)
        .filter(|pair| is_letter(pair[0]) && is_letter(pair[1]))
        .count();
    if letters * 10 >= high * 8 && in_runs * 2 >= letters {
        CsvEncoding::Windows1251
    } else {
        CsvEncoding::Windows1252
    }
}

/// The separator that splits the header into the most columns while the rows after it have as
/// many; quotes are respected since the csv crate reads each candidate.
fn sniff_separator(text: &str) -> u8 {
    let mut best = (b',', 0.0_f64, 1_usize);
    for separator in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = reader.byte_records().take(50).filter_map(Result::ok);
        let Some(header) = records.next() else {
            continue;
        };
        let columns = header.len();
        let (mut rows, mut matching) = (0_usize, 0_usize);
        for record in records {
            rows += 1;
            matching += usize::from(record.len() == columns);
        }
        let consistency = if rows == 0 {
            1.0
        } else {
            matching as f64 / rows as f64
        };
        if columns > 1 && (consistency, columns) > (best.1, best.2) {
            best = (separator, consistency, columns);
        }
    }
    best.0
}

/// Reads every byte through the hasher, so the fingerprint costs no second pass.
struct Hashing<'h, R> {
    inner: R,
    hasher: &'h mut Sha256,
}

impl<R: Read> Read for Hashing<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.hasher.update(&buf[..read]);
        Ok(read)
    }
}

/// What [`scan`] hands on: the first non-blank row's cells, then each non-blank row after it
/// with its 1-based row number.
pub(crate) enum Line<'r> {
    Header(Vec<String>),
    Row(usize, &'r dyn Row),
}

pub(crate) type Visit<'v> = dyn FnMut(Line<'_>) -> Result<(), ReadError> + 'v;

/// Reads the rows in file order.
pub(crate) fn scan(path: &Path, kind: Kind, visit: &mut Visit) -> Result<Scanned, ReadError> {
    match kind {
        Kind::Csv {
            encoding,
            separator,
        } => scan_csv(path, encoding, separator, visit),
        // calamine has panicked on malformed sheets before; a damaged file must not take the
        // app down with it.
        Kind::Xlsx => {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| scan_xlsx(path, visit)))
                .unwrap_or_else(|_| {
                    Err(ReadError::CorruptXlsx {
                        file: file_label(path),
                        detail: "its sheet could not be parsed".to_string(),
                    })
                })
        }
    }
}

struct CsvRow<'r> {
    record: &'r csv::ByteRecord,
}

impl Row for CsvRow<'_> {
    fn cell(&self, column: usize) -> Result<Cell<'_>, InvalidText> {
        let Some(bytes) = self.record.get(column) else {
            return Ok(Cell::Empty);
        };
        let text = std::str::from_utf8(bytes).map_err(|_| InvalidText)?.trim();
        Ok(if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        })
    }
    fn len(&self) -> usize {
        self.record.len()
    }
    fn epoch_1904(&self) -> bool {
        false
    }
    fn is_blank(&self) -> bool {
        self.record
            .iter()
            .all(|bytes| bytes.trim_ascii().is_empty())
    }
}

fn scan_csv(
    path: &Path,
    encoding: CsvEncoding,
    separator: u8,
    visit: &mut Visit,
) -> Result<Scanned, ReadError> {
    let file = file_label(path);
    let io_error = |source| ReadError::Io {
        file: file.clone(),
        source,
    };
    let opened = File::open(path).map_err(io_error)?;
    let mut hasher = Sha256::new();
    {
        let hashing = Hashing {
            inner: opened,
            hasher: &mut hasher,
        };
        // UTF-8 is read as it is (each mapped cell is checked when read); everything else is
        // transcoded to UTF-8 on the way, a buffer at a time.
        let input: Box<dyn Read + '_> = match encoding {
            CsvEncoding::Utf8 => Box::new(hashing),
            CsvEncoding::Utf8Bom => Box::new(
                DecodeReaderBytesBuilder::new()
                    .utf8_passthru(true)
                    .strip_bom(true)
                    .build(hashing),
            ),
            other => Box::new(
                DecodeReaderBytesBuilder::new()
                    .encoding(Some(encoding_of(other)))
                    .strip_bom(true)
                    .build(hashing),
            ),
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(SNIFF_BYTES)
            .from_reader(input);
        let mut record = csv::ByteRecord::new();
        let mut number = 0_usize;
        let mut header_seen = false;
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(error) => {
                    let row = number + 1;
                    return Err(match error.into_kind() {
                        csv::ErrorKind::Io(source) => io_error(source),
                        other => ReadError::MalformedCsv {
                            file: file.clone(),
                            row,
                            detail: format!("{other:?}"),
                        },
                    });
                }
            }
            number += 1;
            let row = CsvRow { record: &record };
            if row.is_blank() {
                continue;
            }
            if !header_seen {
                header_seen = true;
                let mut headers = Vec::with_capacity(record.len());
                for column in 0..record.len() {
                    let text = match row.cell(column) {
                        Ok(Cell::Text(text)) => text.trim_start_matches('\u{feff}').to_string(),
                        Ok(_) => String::new(),
                        Err(InvalidText) => {
                            return Err(ReadError::BadEncoding {
                                file,
                                row: number,
                                encoding: encoding.label(),
                            })
                        }
                    };
                    headers.push(text);
                }
                visit(Line::Header(headers))?;
                continue;
            }
            visit(Line::Row(number, &row))?;
        }
    }
    Ok(Scanned {
        fingerprint: hex::encode(hasher.finalize()),
        format: ExportFormat::Csv {
            encoding,
            separator: char::from(separator),
        },
    })
}

struct XlsxRow<'r, 'a> {
    cells: &'r [DataRef<'a>],
    epoch_1904: bool,
}

impl Row for XlsxRow<'_, '_> {
    fn cell(&self, column: usize) -> Result<Cell<'_>, InvalidText> {
        Ok(match self.cells.get(column) {
            None | Some(DataRef::Empty) => Cell::Empty,
            Some(DataRef::String(text)) | Some(DataRef::DateTimeIso(text)) => text_cell(text),
            Some(DataRef::DurationIso(text)) => text_cell(text),
            Some(DataRef::SharedString(text)) => text_cell(text),
            Some(DataRef::Int(value)) => Cell::Number(*value as f64),
            Some(DataRef::Float(value)) => Cell::Number(*value),
            Some(DataRef::DateTime(value)) => Cell::Serial(value.as_f64()),
            Some(DataRef::Bool(true)) => Cell::Text("TRUE"),
            Some(DataRef::Bool(false)) => Cell::Text("FALSE"),
            Some(DataRef::Error(_)) => Cell::Text("#ERROR"),
        })
    }
    fn len(&self) -> usize {
        self.cells.len()
    }
    fn epoch_1904(&self) -> bool {
        self.epoch_1904
    }
}

fn text_cell(text: &str) -> Cell<'_> {
    let text = text.trim();
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text)
    }
}

fn xlsx_error(file: &str, error: XlsxError) -> ReadError {
    match error {
        XlsxError::Io(source) => ReadError::Io {
            file: file.to_string(),
            source,
        },
        XlsxError::Password => ReadError::EncryptedXlsx {
            file: file.to_string(),
        },
        // A zip without a workbook's parts (a .docx, a folder of photos).
        XlsxError::FileNotFound(part) if part == "_rels/.rels" || part.contains("workbook") => {
            ReadError::NotCsvOrXlsx {
                file: file.to_string(),
                found: "a ZIP archive that is not an Excel workbook".to_string(),
            }
        }
        XlsxError::RelationshipNotFound => ReadError::NotCsvOrXlsx {
            file: file.to_string(),
            found: "a ZIP archive that is not an Excel workbook".to_string(),
        },
        other => ReadError::CorruptXlsx {
            file: file.to_string(),
            detail: other.to_string(),
        },
    }
}

fn scan_xlsx(path: &Path, visit: &mut Visit) -> Result<Scanned, ReadError> {
    let file = file_label(path);
    let io_error = |source| ReadError::Io {
        file: file.clone(),
        source,
    };
    let mut hasher = Sha256::new();
    io::copy(
        &mut BufReader::new(File::open(path).map_err(io_error)?),
        &mut hasher,
    )
    .map_err(io_error)?;
    let opened = BufReader::new(File::open(path).map_err(io_error)?);
    let mut workbook: Xlsx<_> = Xlsx::new(opened).map_err(|e| xlsx_error(&file, e))?;
    let epoch_1904 = workbook.has_1904_epoch();
    let Some(sheet) = workbook.sheet_names().into_iter().next() else {
        return Err(ReadError::Empty { file });
    };
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|e| xlsx_error(&file, e))?;
    let mut row_cells: Vec<DataRef> = Vec::new();
    let mut current: Option<u32> = None;
    let mut header_seen = false;
    let mut flush = |number: u32, row_cells: &[DataRef]| -> Result<(), ReadError> {
        let row = XlsxRow {
            cells: row_cells,
            epoch_1904,
        };
        if row.is_blank() {
            return Ok(());
        }
        let number = number as usize + 1;
        if header_seen {
            return visit(Line::Row(number, &row));
        }
        header_seen = true;
        let headers = (0..row.len()).map(|i| cell_text(&row, i)).collect();
        visit(Line::Header(headers))
    };
    loop {
        let cell = match cells.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(error) => return Err(xlsx_error(&file, error)),
        };
        let (row, column) = cell.get_position();
        if current != Some(row) {
            if let Some(done) = current {
                flush(done, &row_cells)?;
            }
            row_cells.clear();
            current = Some(row);
        }
        let column = column as usize;
        if column >= MAX_COLUMNS {
            return Err(ReadError::CorruptXlsx {
                file,
                detail: format!("row {} has a cell beyond Excel's last column", row + 1),
            });
        }
        if row_cells.len() <= column {
            row_cells.resize(column + 1, DataRef::Empty);
        }
        row_cells[column] = cell.get_value().clone();
    }
    if let Some(done) = current {
        flush(done, &row_cells)?;
    }
    Ok(Scanned {
        fingerprint: hex::encode(hasher.finalize()),
        format: ExportFormat::Xlsx { sheet },
    })
}

/// A cell as text for headers and previews: numbers as written, dates in ISO 8601.
pub(crate) fn cell_text(row: &dyn Row, column: usize) -> String {
    match row.cell(column) {
        Ok(Cell::Empty) => String::new(),
        Ok(Cell::Text(text)) => text.to_string(),
        Ok(Cell::Number(value)) => number_text(value),
        Ok(Cell::Serial(serial)) => match crate::dates::from_serial(serial, row.epoch_1904()) {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.date().to_string(),
            Some(at) => at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            None => number_text(serial),
        },
        Err(InvalidText) => "\u{fffd}".to_string(),
    }
}

/// Whole numbers without a fraction: an id stored as a number reads `1042`, not `1042.0`.
pub(crate) fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}
