//! Writing the files a person asks for, the same way from the CLI and the window.

use std::path::Path;

/// Writes the whole file or nothing (a temporary file flushed and renamed into place), so a
/// failure never leaves half a file where the person expects a whole one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), crate::error::Error> {
    sla_model::interchange::write_atomically(path, bytes, false)
        .map_err(|e| crate::error::Error::Io(format!("cannot write {}: {e}", path.display())))
}

/// Exports `agreement` as a PDF to `path`. An agreement the checks find errors in still exports,
/// with every page marked DRAFT; the returned flag says whether it was.
pub fn export_pdf(
    agreement: &sla_model::Agreement,
    language: sla_model::Language,
    draft: Option<(sla_store::DraftId, u32)>,
    path: &Path,
) -> Result<(usize, bool), crate::error::Error> {
    use sla_guidance::checks;
    let mut options = sla_pdf::ExportOptions::new(agreement);
    options.language = language;
    options.draft_id = draft.map(|(id, _)| id);
    options.version = draft.map(|(_, version)| version);
    options.draft_mark = checks::has_errors(&checks::check(agreement, language));
    let pdf = sla_pdf::export(agreement, &options)?;
    write_atomically(path, &pdf)?;
    Ok((pdf.len(), options.draft_mark))
}

/// Reads an agreement file: `.sla.json`, or the agreement attached to a PDF SLA Studio exported
/// (a double-clicked signed agreement opens the same way as its JSON).
pub fn read_agreement(path: &Path) -> Result<sla_model::Agreement, crate::error::Error> {
    let bytes = sla_model::interchange::read_limited(path)?;
    if bytes.starts_with(b"%PDF-") {
        return Ok(sla_pdf::extract_agreement(&bytes)?);
    }
    Ok(sla_model::from_bytes(&bytes)?)
}
