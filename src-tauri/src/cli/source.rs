//! Where a command's agreement comes from: a file (`.sla.json`, or a PDF exported by SLA Studio)
//! or a stored draft named by its id.

use std::path::Path;

use sla_model::Agreement;
use sla_store::DraftId;

use super::backup::open_store;
use super::Failure;

/// An agreement and, when it came from the store, the draft and version it is.
pub struct Loaded {
    pub agreement: Agreement,
    pub draft: Option<(DraftId, u32)>,
}

/// Reads `source` as a file when one exists at that path, else as a draft id (its latest
/// version) or `ID@VERSION`.
pub fn load(source: &str) -> Result<Loaded, Failure> {
    let path = Path::new(source);
    if !path.exists() {
        let (id, version) = match source.split_once('@') {
            Some((id, version)) => (id, version.parse::<u32>().ok()),
            None => (source, None),
        };
        if let Ok(id) = id.parse::<DraftId>() {
            let store = open_store()?;
            let draft = match version {
                Some(version) => store.get_version(id, version)?,
                None if source.contains('@') => {
                    return Err(Failure {
                        message: format!(
                            "`{source}`: write a version of a draft as ID@VERSION (12@3)"
                        ),
                        code: 2,
                    })
                }
                None => store.get(id)?,
            };
            return Ok(Loaded {
                agreement: draft.agreement,
                draft: Some((id, draft.info.version)),
            });
        }
    }
    Ok(Loaded {
        agreement: read_file(path)?,
        draft: None,
    })
}

impl Loaded {
    /// The language asked for on the command line, else the agreement's own.
    pub fn language(&self, asked: Option<super::LangArg>) -> sla_model::Language {
        asked.map(Into::into).unwrap_or(self.agreement.language)
    }
}

/// Reads an agreement file (JSON or an exported PDF), naming the file in every error.
pub fn read_file(path: &Path) -> Result<Agreement, Failure> {
    use crate::error::Error;
    crate::files::read_agreement(path).map_err(|e| match e {
        Error::Read(e) => located(path, e),
        other => Failure {
            message: format!("{}: {other}", path.display()),
            code: 2,
        },
    })
}

/// Prefixes errors about a document's content with the file's name; I/O errors name it already.
fn located(file: &Path, e: sla_model::ReadError) -> Failure {
    use sla_model::ReadError::*;
    let message = match e {
        Io { .. } | IsDirectory { .. } | TooLarge { .. } => e.to_string(),
        _ => format!("{}: {e}", file.display()),
    };
    Failure { message, code: 2 }
}
