//! What was read from an export file: the file's identity and its leads, or a preview of it.

use serde::{Deserialize, Serialize};

use crate::{Lead, Mapping, StageClass};

/// The leads of one export file, with what identifies the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub file: ExportFile,
    pub leads: Vec<Lead>,
}

/// Identity of an imported file: enough to tell later whether the same file is imported again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFile {
    /// The file's name, without its folder.
    pub name: String,
    /// Hex SHA-256 of the file's bytes.
    pub fingerprint: String,
    pub format: ExportFormat,
    /// Data rows (leads), the header and blank rows not counted.
    pub rows: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportFormat {
    Csv {
        encoding: CsvEncoding,
        /// `,`, `;` or a tab.
        separator: char,
    },
    Xlsx {
        /// The sheet read: the workbook's first.
        sheet: String,
    },
}

/// Text encodings a CSV export is read in. Windows-1251 is what Russian Excel and several
/// Russian CRMs write; Windows-1252 is the Western counterpart, chosen for invalid UTF-8 whose
/// non-ASCII bytes do not look like Russian words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CsvEncoding {
    Utf8,
    /// UTF-8 starting with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode text").
    Utf16Le,
    Utf16Be,
    Windows1251,
    Windows1252,
}

impl CsvEncoding {
    /// The encoding's WHATWG label, as people meet it in editors and CRMs' export dialogs.
    pub fn label(self) -> &'static str {
        match self {
            CsvEncoding::Utf8 => "UTF-8",
            CsvEncoding::Utf8Bom => "UTF-8 (BOM)",
            CsvEncoding::Utf16Le => "UTF-16LE",
            CsvEncoding::Utf16Be => "UTF-16BE",
            CsvEncoding::Windows1251 => "windows-1251",
            CsvEncoding::Windows1252 => "windows-1252",
        }
    }
}

/// What a person sees before anything is computed: the columns, the first rows and the guessed
/// mapping, to confirm or correct.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub file: ExportFile,
    /// The header row's cells, trimmed, in file order.
    pub headers: Vec<String>,
    /// The first data rows ([`PREVIEW_ROWS`] at most), cell by cell as text; dates from XLSX
    /// cells as ISO 8601.
    pub sample: Vec<Vec<String>>,
    /// The mapping guessed from the header names, with the stage values guessed from
    /// `stage_values`. Required columns (`id`, `created`) it could not find are empty strings.
    pub mapping: Mapping,
    /// The distinct values of the guessed stage column, most frequent first ([`MAX_STAGE_VALUES`]
    /// at most), each with the class guessed for it.
    pub stage_values: Vec<StageValue>,
}

/// Rows shown in a preview.
pub const PREVIEW_ROWS: usize = 10;
/// Distinct stage values a preview lists; a stage column has a handful, more means a wrong column.
pub const MAX_STAGE_VALUES: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageValue {
    pub value: String,
    /// Rows with this value.
    pub count: usize,
    /// What the value was guessed to mean; `None`: not yet delivered to sales, or unknown.
    pub class: Option<StageClass>,
}
