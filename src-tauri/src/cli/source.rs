//! Where a command's agreement comes from: a file (`.sla.json`, or a PDF exported by SLA Studio)
//! or a stored draft named by its id.

use std::path::Path;

use sla_model::Agreement;
use sla_store::{DraftId, Store};

use super::Failure;

/// An agreement and, when it came from the store, the draft and version it is.
pub struct Loaded {
    pub agreement: Agreement,
    pub draft: Option<(DraftId, u32)>,
}

/// Reads `source` as a file when one exists at that path, else as a draft id.
pub fn load(source: &str) -> Result<Loaded, Failure> {
    let path = Path::new(source);
    if !path.exists() {
        if let Ok(id) = source.parse::<DraftId>() {
            let draft = Store::open_default()?.get(id)?;
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

/// Reads an agreement file: JSON, or the agreement attached to an exported PDF.
pub fn read_file(path: &Path) -> Result<Agreement, Failure> {
    let shown = path.display();
    let bytes = sla_model::interchange::read_limited(path).map_err(|e| located(path, e))?;
    if bytes.starts_with(b"%PDF-") {
        return sla_pdf::extract_agreement(&bytes).map_err(|e| Failure {
            message: format!("{shown}: {e}"),
            code: 2,
        });
    }
    sla_model::from_bytes(&bytes).map_err(|e| located(path, e))
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
