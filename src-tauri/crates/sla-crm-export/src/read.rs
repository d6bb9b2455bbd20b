//! An export file read whole: previewed with a guessed mapping, or read into leads through one.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::dates::{from_serial, localize, parse_text};
use crate::error::file_label;
use crate::guess::{guess_mapping, guess_stage_values, normalize};
use crate::source::{cell_text, detect, number_text, scan, Cell, InvalidText, Kind, Line, Row};
use crate::{
    Export, ExportFile, Lead, Mapping, Preview, ReadError, StageClass, StageValue,
    MAX_STAGE_VALUES, PREVIEW_ROWS,
};

/// Distinct stage values counted while previewing; past this the column is no stage column.
const MAX_DISTINCT_COUNTED: usize = 10_000;

/// A first contact this much before creation is taken as at creation: one of the two columns
/// may be written without seconds.
const CONTACT_TOLERANCE_SECONDS: i64 = 60;

/// Reads the file once: its format, header, first rows, row count and fingerprint, and a mapping
/// guessed from the header names and the stage column's values.
pub fn inspect(path: impl AsRef<Path>) -> Result<Preview, ReadError> {
    let path = path.as_ref();
    let file = file_label(path);
    let kind = detect(path)?;
    let encoding = encoding_label(kind);
    let mut headers: Option<Vec<String>> = None;
    let mut mapping = Mapping::default();
    let mut stage_column = None;
    let mut sample = Vec::new();
    let mut rows = 0_usize;
    let mut counts: HashMap<String, usize> = HashMap::new();
    let scanned = scan(path, kind, &mut |line| {
        let (number, row) = match line {
            Line::Header(header) => {
                mapping = guess_mapping(&header);
                stage_column = mapping
                    .stage
                    .as_deref()
                    .and_then(|name| find_column(&header, name));
                headers = Some(header);
                return Ok(());
            }
            Line::Row(number, row) => (number, row),
        };
        {
            rows += 1;
            let width = headers.as_ref().map_or(0, Vec::len).max(row.len());
            if sample.len() < PREVIEW_ROWS {
                let cells = (0..width)
                    .map(|column| {
                        text(row, column)
                            .map(|text| text.map(Cow::into_owned).unwrap_or_default())
                            .map_err(|InvalidText| bad_encoding(&file, number, encoding))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                sample.push(cells);
            }
            if let Some(column) = stage_column {
                count_value(&mut counts, row, column)
                    .map_err(|InvalidText| bad_encoding(&file, number, encoding))?;
            }
            Ok(())
        }
    })?;
    let Some(headers) = headers else {
        return Err(ReadError::Empty { file });
    };
    if rows == 0 {
        return Err(ReadError::NoLeads { file });
    }
    let stage_values = guess_stage_values(&mut mapping, most_frequent(counts));
    Ok(Preview {
        file: ExportFile {
            name: file_name(path),
            fingerprint: scanned.fingerprint,
            format: scanned.format,
            rows,
        },
        headers,
        sample,
        mapping,
        stage_values,
    })
}

/// The distinct values of `column` with their guessed classes, most frequent first
/// ([`MAX_STAGE_VALUES`] at most): for a person who picks another stage column than the guessed
/// one.
pub fn stage_values(path: impl AsRef<Path>, column: &str) -> Result<Vec<StageValue>, ReadError> {
    let path = path.as_ref();
    let file = file_label(path);
    let kind = detect(path)?;
    let encoding = encoding_label(kind);
    let mut index = None;
    let mut counts: HashMap<String, usize> = HashMap::new();
    scan(path, kind, &mut |line| match line {
        Line::Header(header) => {
            let found = find_column(&header, column).ok_or_else(|| ReadError::MissingColumn {
                file: file.clone(),
                field: "stage",
                column: column.to_string(),
                available: header.clone(),
            })?;
            index = Some(found);
            Ok(())
        }
        Line::Row(number, row) => {
            if let Some(index) = index {
                count_value(&mut counts, row, index)
                    .map_err(|InvalidText| bad_encoding(&file, number, encoding))?;
            }
            Ok(())
        }
    })?;
    if index.is_none() {
        return Err(ReadError::Empty { file });
    }
    Ok(guess_stage_values(
        &mut Mapping::default(),
        most_frequent(counts),
    ))
}

fn count_value(
    counts: &mut HashMap<String, usize>,
    row: &dyn Row,
    column: usize,
) -> Result<(), InvalidText> {
    if let Some(value) = text(row, column)? {
        if let Some(count) = counts.get_mut(value.as_ref()) {
            *count += 1;
        } else if counts.len() < MAX_DISTINCT_COUNTED {
            counts.insert(value.into_owned(), 1);
        }
    }
    Ok(())
}

fn most_frequent(counts: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut counted: Vec<(String, usize)> = counts.into_iter().collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counted.truncate(MAX_STAGE_VALUES);
    counted
}

/// Reads every lead of the file through `mapping`; times without a zone are read in `tz`.
/// Fails on the first cell that cannot be read, naming its row and column, so nothing is
/// computed from a half-read export.
pub fn read_leads(path: impl AsRef<Path>, mapping: &Mapping, tz: Tz) -> Result<Export, ReadError> {
    let path = path.as_ref();
    let file = file_label(path);
    let kind = detect(path)?;
    let reader_state = LeadReader {
        file: &file,
        tz,
        encoding: encoding_label(kind),
        mql: mapping.mql_values.iter().map(|v| normalize(v)).collect(),
        accepted: mapping
            .accepted_values
            .iter()
            .map(|v| normalize(v))
            .collect(),
        rejected: mapping
            .rejected_values
            .iter()
            .map(|v| normalize(v))
            .collect(),
        stage_classes: HashMap::new(),
    };
    let mut reader = reader_state;
    let mut columns: Option<Columns> = None;
    let mut leads: Vec<Lead> = Vec::new();
    let scanned = scan(path, kind, &mut |line| match line {
        Line::Header(header) => {
            columns = Some(Columns::resolve(&file, mapping, &header)?);
            Ok(())
        }
        Line::Row(number, row) => {
            if let Some(columns) = columns.as_ref() {
                leads.push(reader.lead(number, row, columns)?);
            }
            Ok(())
        }
    })?;
    let Some(columns) = columns else {
        return Err(ReadError::Empty { file });
    };
    if leads.is_empty() {
        return Err(ReadError::NoLeads { file });
    }
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(leads.len());
    for lead in &leads {
        if let Some(first_row) = seen.insert(&lead.id, lead.row) {
            return Err(ReadError::DuplicateId {
                file,
                column: columns.id.name.clone(),
                id: lead.id.clone(),
                first_row,
                row: lead.row,
            });
        }
    }
    drop(seen);
    Ok(Export {
        file: ExportFile {
            name: file_name(path),
            fingerprint: scanned.fingerprint,
            format: scanned.format,
            rows: leads.len(),
        },
        leads,
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || file_label(path),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn encoding_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Csv { encoding, .. } => encoding.label(),
        Kind::Xlsx => "UTF-8",
    }
}

fn bad_encoding(file: &str, row: usize, encoding: &'static str) -> ReadError {
    ReadError::BadEncoding {
        file: file.to_string(),
        row,
        encoding,
    }
}

fn find_column(headers: &[String], name: &str) -> Option<usize> {
    let wanted = normalize(name);
    headers
        .iter()
        .position(|header| normalize(header) == wanted)
}

/// A cell as text; `None` when empty.
fn text(row: &dyn Row, column: usize) -> Result<Option<Cow<'_, str>>, InvalidText> {
    Ok(match row.cell(column)? {
        Cell::Empty => None,
        Cell::Text(text) => Some(Cow::Borrowed(text)),
        Cell::Number(value) => Some(Cow::Owned(number_text(value))),
        Cell::Serial(_) => Some(Cow::Owned(cell_text(row, column))),
    })
}

struct Column {
    index: usize,
    /// As the file's header writes it, for messages.
    name: String,
}

struct Columns {
    id: Column,
    owner: Option<Column>,
    created: Column,
    stage: Option<Column>,
    mql_date: Option<Column>,
    accepted_date: Option<Column>,
    rejection_reason: Option<Column>,
    first_contact: Option<Column>,
    attempts: Option<Column>,
}

impl Columns {
    fn resolve(file: &str, mapping: &Mapping, headers: &[String]) -> Result<Columns, ReadError> {
        let find = |field: &'static str, name: &str| -> Result<Column, ReadError> {
            if name.trim().is_empty() {
                return Err(ReadError::UnmappedField {
                    file: file.to_string(),
                    field,
                });
            }
            let index = find_column(headers, name).ok_or_else(|| ReadError::MissingColumn {
                file: file.to_string(),
                field,
                column: name.to_string(),
                available: headers.to_vec(),
            })?;
            Ok(Column {
                index,
                name: headers[index].clone(),
            })
        };
        let optional = |field: &'static str, name: &Option<String>| match name {
            Some(name) if !name.trim().is_empty() => find(field, name).map(Some),
            _ => Ok(None),
        };
        Ok(Columns {
            id: find("lead's id", &mapping.id)?,
            owner: optional("owner", &mapping.owner)?,
            created: find("creation time", &mapping.created)?,
            stage: optional("stage", &mapping.stage)?,
            mql_date: optional("MQL date", &mapping.mql_date)?,
            accepted_date: optional("accepted date", &mapping.accepted_date)?,
            rejection_reason: optional("rejection reason", &mapping.rejection_reason)?,
            first_contact: optional("first-contact time", &mapping.first_contact)?,
            attempts: optional("contact attempts", &mapping.attempts)?,
        })
    }
}

struct LeadReader<'f> {
    file: &'f str,
    tz: Tz,
    encoding: &'static str,
    /// The mapping's stage values, normalized.
    mql: Vec<String>,
    accepted: Vec<String>,
    rejected: Vec<String>,
    /// Each distinct stage value's class, as written: an export has a handful of values, so each
    /// is normalized and looked up once.
    stage_classes: HashMap<String, Option<StageClass>>,
}

impl LeadReader<'_> {
    fn lead(
        &mut self,
        row_number: usize,
        row: &dyn Row,
        columns: &Columns,
    ) -> Result<Lead, ReadError> {
        let id = self
            .text(row_number, row, &columns.id)?
            .ok_or_else(|| self.empty(row_number, &columns.id, "lead's id"))?
            .into_owned();
        let owner = match &columns.owner {
            Some(column) => self
                .text(row_number, row, column)?
                .map(Cow::into_owned)
                .unwrap_or_default(),
            None => String::new(),
        };
        let created = self
            .date(row_number, row, &columns.created)?
            .ok_or_else(|| self.empty(row_number, &columns.created, "creation time"))?;
        let stage = match &columns.stage {
            Some(column) => self
                .text(row_number, row, column)?
                .map(Cow::into_owned)
                .unwrap_or_default(),
            None => String::new(),
        };
        let stage_class = self.stage_class(&stage);
        let mql_date = self.optional_date(row_number, row, &columns.mql_date)?;
        let accepted_date = self.optional_date(row_number, row, &columns.accepted_date)?;
        // A rejection wins over a date column: HubSpot keeps "Became an SQL" after sales
        // disqualify the lead.
        let class = match stage_class {
            Some(StageClass::Rejected) => Some(StageClass::Rejected),
            _ if stage_class == Some(StageClass::Accepted) || accepted_date.is_some() => {
                Some(StageClass::Accepted)
            }
            _ if stage_class == Some(StageClass::Delivered) || mql_date.is_some() => {
                Some(StageClass::Delivered)
            }
            _ => None,
        };
        let rejection_reason = match &columns.rejection_reason {
            Some(column) => self.text(row_number, row, column)?.map(Cow::into_owned),
            None => None,
        };
        let mut first_contact = self.optional_date(row_number, row, &columns.first_contact)?;
        if let (Some(contact), Some(column)) = (first_contact, &columns.first_contact) {
            if contact < created - Duration::seconds(CONTACT_TOLERANCE_SECONDS) {
                return Err(ReadError::ContactBeforeCreation {
                    file: self.file.to_string(),
                    row: row_number,
                    column: column.name.clone(),
                    contact: cell_text(row, column.index),
                    created: cell_text(row, columns.created.index),
                });
            }
            first_contact = Some(contact.max(created));
        }
        let attempts = match &columns.attempts {
            Some(column) => self.whole_number(row_number, row, column)?,
            None => None,
        };
        Ok(Lead {
            row: row_number,
            id,
            owner,
            created,
            stage,
            class,
            rejection_reason,
            first_contact,
            attempts,
        })
    }

    fn empty(&self, row: usize, column: &Column, field: &'static str) -> ReadError {
        ReadError::EmptyCell {
            file: self.file.to_string(),
            row,
            column: column.name.clone(),
            field,
        }
    }

    fn text<'r>(
        &self,
        row_number: usize,
        row: &'r dyn Row,
        column: &Column,
    ) -> Result<Option<Cow<'r, str>>, ReadError> {
        text(row, column.index)
            .map_err(|InvalidText| bad_encoding(self.file, row_number, self.encoding))
    }

    fn date(
        &self,
        row_number: usize,
        row: &dyn Row,
        column: &Column,
    ) -> Result<Option<DateTime<Utc>>, ReadError> {
        let cell = row
            .cell(column.index)
            .map_err(|InvalidText| bad_encoding(self.file, row_number, self.encoding))?;
        let read = match cell {
            Cell::Empty => return Ok(None),
            Cell::Text(text) => parse_text(text, self.tz),
            Cell::Number(serial) | Cell::Serial(serial) => {
                from_serial(serial, row.epoch_1904()).map(|naive| localize(naive, self.tz))
            }
        };
        read.map(Some).ok_or_else(|| ReadError::BadDate {
            file: self.file.to_string(),
            row: row_number,
            column: column.name.clone(),
            value: cell_text(row, column.index),
        })
    }

    fn optional_date(
        &self,
        row_number: usize,
        row: &dyn Row,
        column: &Option<Column>,
    ) -> Result<Option<DateTime<Utc>>, ReadError> {
        match column {
            Some(column) => self.date(row_number, row, column),
            None => Ok(None),
        }
    }

    fn whole_number(
        &self,
        row_number: usize,
        row: &dyn Row,
        column: &Column,
    ) -> Result<Option<u32>, ReadError> {
        let Some(text) = self.text(row_number, row, column)? else {
            return Ok(None);
        };
        let value: Option<f64> = text.replace(',', ".").parse().ok();
        match value {
            Some(value) if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) => {
                Ok(Some(value as u32))
            }
            _ => Err(ReadError::BadNumber {
                file: self.file.to_string(),
                row: row_number,
                column: column.name.clone(),
                value: text.into_owned(),
            }),
        }
    }

    fn stage_class(&mut self, stage: &str) -> Option<StageClass> {
        if let Some(class) = self.stage_classes.get(stage) {
            return *class;
        }
        let normalized = normalize(stage);
        let class = if normalized.is_empty() {
            None
        } else if self.rejected.contains(&normalized) {
            Some(StageClass::Rejected)
        } else if self.accepted.contains(&normalized) {
            Some(StageClass::Accepted)
        } else if self.mql.contains(&normalized) {
            Some(StageClass::Delivered)
        } else {
            None
        };
        self.stage_classes.insert(stage.to_string(), class);
        class
    }
}
