//! Why an export could not be read, naming the file and, where it applies, the row and column.

use std::path::Path;

/// Rows are 1-based with the header as row 1: for a CSV file, the record's number (a quoted
/// cell may span lines); for XLSX, the sheet's row number as Excel shows it. Columns are named
/// by their header.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: cannot be read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: is neither CSV nor XLSX ({found})")]
    NotCsvOrXlsx { file: String, found: String },
    #[error(
        "{file}: the workbook is encrypted or password-protected; save a copy without a password \
         and import that"
    )]
    EncryptedXlsx { file: String },
    #[error("{file}: the XLSX workbook is damaged and cannot be read ({detail})")]
    CorruptXlsx { file: String, detail: String },
    #[error(
        "{file}: is {size} bytes, over the {limit}-byte limit for a {kind} export; export a \
         shorter period or fewer columns"
    )]
    TooLarge {
        file: String,
        size: u64,
        limit: u64,
        kind: &'static str,
    },
    #[error("{file}: is empty: no header row and no leads")]
    Empty { file: String },
    #[error("{file}: has a header row but no leads")]
    NoLeads { file: String },
    #[error("{file}: the mapping names no column for the {field}")]
    UnmappedField { file: String, field: &'static str },
    #[error(
        "{file}: the mapping's column \"{column}\" for the {field} is not in the file; its \
         columns are: {}",
        quoted(available)
    )]
    MissingColumn {
        file: String,
        field: &'static str,
        column: String,
        available: Vec<String>,
    },
    #[error(
        "{file}, row {row}: the text is not valid {encoding} (the encoding found in the file's \
         first lines); save the export as UTF-8"
    )]
    BadEncoding {
        file: String,
        row: usize,
        encoding: &'static str,
    },
    #[error("{file}, row {row}: {detail}")]
    MalformedCsv {
        file: String,
        row: usize,
        detail: String,
    },
    #[error(
        "{file}, row {row}, column \"{column}\": \"{value}\" is not a date this reader knows \
         (DD.MM.YYYY [HH:MM[:SS]], YYYY-MM-DD[THH:MM[:SS]][zone], MM/DD/YYYY [h:mm AM], or an \
         Excel serial number)"
    )]
    BadDate {
        file: String,
        row: usize,
        column: String,
        value: String,
    },
    #[error("{file}, row {row}, column \"{column}\": \"{value}\" is not a whole number")]
    BadNumber {
        file: String,
        row: usize,
        column: String,
        value: String,
    },
    #[error("{file}, row {row}, column \"{column}\": the {field} is empty")]
    EmptyCell {
        file: String,
        row: usize,
        column: String,
        field: &'static str,
    },
    #[error(
        "{file}, row {row}, column \"{column}\": first contact {contact} is before the lead was \
         created ({created})"
    )]
    ContactBeforeCreation {
        file: String,
        row: usize,
        column: String,
        contact: String,
        created: String,
    },
    #[error(
        "{file}, rows {first_row} and {row}, column \"{column}\": the same lead id \"{id}\" twice"
    )]
    DuplicateId {
        file: String,
        column: String,
        id: String,
        first_row: usize,
        row: usize,
    },
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How files are named in messages: as the caller gave the path.
pub(crate) fn file_label(path: &Path) -> String {
    path.display().to_string()
}
