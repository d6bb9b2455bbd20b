//! Reading and writing the JSON interchange format. Reading never panics and never returns a
//! half-read agreement: either the whole document is valid against the current schema version, or
//! the error says what is wrong and where (field path, line and column).

use std::fmt;
use std::path::Path;

use crate::agreement::{Agreement, SCHEMA_VERSION};

/// Largest agreement file accepted. A real agreement is tens of kilobytes; anything this big is a
/// wrong file, and reading it whole would only waste memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Where in the document a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Dotted field path, e.g. `commitments[0].metrics[2].target`; empty for the document itself.
    pub path: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "line {}, column {}", self.line, self.column)
        } else {
            write!(
                f,
                "field `{}` (line {}, column {})",
                self.path, self.line, self.column
            )
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is a directory, not an agreement file")]
    IsDirectory { path: String },
    #[error("{path} is {size} bytes; an agreement file is at most {limit} bytes")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("the file is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("malformed JSON at {at}: {message}")]
    Syntax { at: Location, message: String },
    #[error("the document has no `schema_version` field; is this an SLA Studio agreement?")]
    MissingSchemaVersion,
    #[error("unknown schema version {found} in field `schema_version`; this version of SLA Studio reads version {supported}")]
    UnknownSchemaVersion { found: String, supported: u32 },
    #[error("{at}: {message}")]
    Invalid { at: Location, message: String },
    #[error("field `{path}`: {message}")]
    BadComment { path: String, message: String },
}

/// Parses an agreement from JSON text.
pub fn from_json(text: &str) -> Result<Agreement, ReadError> {
    // First as untyped JSON: syntax errors get their position, and the version is checked before
    // the typed read so that a future file is reported as such rather than as a missing field.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| ReadError::Syntax {
        at: Location {
            path: String::new(),
            line: e.line(),
            column: e.column(),
        },
        message: strip_position(&e.to_string()),
    })?;
    match value.get("schema_version") {
        None if value.is_object() => return Err(ReadError::MissingSchemaVersion),
        Some(v) if v.as_u64() != Some(SCHEMA_VERSION as u64) => {
            return Err(ReadError::UnknownSchemaVersion {
                found: v.to_string(),
                supported: SCHEMA_VERSION,
            })
        }
        _ => {}
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let agreement = serde_path_to_error::deserialize::<_, Agreement>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        ReadError::Invalid {
            at: Location {
                path: if path == "." { String::new() } else { path },
                line: inner.line(),
                column: inner.column(),
            },
            message: strip_position(&inner.to_string()),
        }
    })?;
    crate::negotiation::check_comments(&agreement.negotiation)
        .map_err(|(path, message)| ReadError::BadComment { path, message })?;
    Ok(agreement)
}

/// Parses an agreement from raw bytes (a file's contents, or an attachment of a PDF).
pub fn from_bytes(bytes: &[u8]) -> Result<Agreement, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    from_json(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads an agreement file, refusing directories and oversized files before reading a byte.
pub fn read_file(path: &Path) -> Result<Agreement, ReadError> {
    let bytes = read_limited(path)?;
    from_bytes(&bytes)
}

/// Reads a whole file of at most [`MAX_FILE_BYTES`], with errors that name the file.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let shown = path.display().to_string();
    let io = |source| ReadError::Io {
        path: shown.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory { path: shown });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: shown,
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    use std::io::Read;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` guards against a file that grows between the size check and the read.
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: shown,
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Pretty JSON for people and files.
pub fn to_json_pretty(agreement: &Agreement) -> String {
    serde_json::to_string_pretty(agreement).expect("an Agreement always serialises")
}

/// The canonical form: compact JSON with fields in declaration order. Equal agreements give equal
/// bytes, so its hash identifies the content (it is printed in the PDF footer).
pub fn to_canonical_json(agreement: &Agreement) -> String {
    serde_json::to_string(agreement).expect("an Agreement always serialises")
}

/// serde_json appends " at line L column C" to its messages; we report the position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, flushed to disk before
/// it is renamed into place (and the rename flushed), so a failure or a crash leaves the old file
/// or none, never half of one. A `private` file (a key) is readable by its owner alone.
pub fn write_atomically(path: &Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Some(file_name) = path.file_name() else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a file name",
        ));
    };
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        let mut file = options.open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path).map_err(held_open_hint)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
        return result;
    }
    // The rename itself is an entry in the folder: flushed too, it survives a power cut. Windows
    // cannot open a folder as a file and orders its metadata itself.
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// On Windows a file another program holds open (a PDF in a viewer, a workbook in Excel) cannot
/// be replaced: "Access denied" or a sharing violation. Say what is the likely cause.
fn held_open_hint(e: std::io::Error) -> std::io::Error {
    const ERROR_ACCESS_DENIED: i32 = 5;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    match e.raw_os_error() {
        Some(ERROR_ACCESS_DENIED | ERROR_SHARING_VIOLATION) if cfg!(windows) => std::io::Error::new(
            e.kind(),
            format!("{e}; if the file is open in another program (a PDF viewer, say), close it there or choose another name"),
        ),
        _ => e,
    }
}
