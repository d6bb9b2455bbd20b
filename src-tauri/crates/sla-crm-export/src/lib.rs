//! A CRM's lead or deal export, read into [`Lead`]s through a [`Mapping`] of its columns.
//!
//! [`inspect`] previews a file and guesses its mapping; [`read_leads`] reads its leads. CSV
//! (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1251 or -1252; `,`, `;` or tab) is
//! streamed; XLSX is read cell by cell. Files over [`CSV_SIZE_LIMIT`] or [`XLSX_SIZE_LIMIT`]
//! are refused.

mod dates;
mod error;
mod export;
mod guess;
mod lead;
mod mapping;
mod read;
mod source;

pub use error::ReadError;
pub use export::{
    CsvEncoding, Export, ExportFile, ExportFormat, Preview, StageValue, MAX_STAGE_VALUES,
    PREVIEW_ROWS,
};
pub use guess::{guess_mapping, guess_stage_class, guess_stage_values};
pub use lead::{Lead, StageClass};
pub use mapping::Mapping;
pub use read::{inspect, read_leads, stage_values};
pub use source::{CSV_SIZE_LIMIT, XLSX_SIZE_LIMIT};
