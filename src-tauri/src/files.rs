//! Writing the files a person asks for, the same way from the CLI and the window.

use std::path::Path;

/// Writes through a temporary file in the same folder and renames it into place, so a failure
/// never leaves half a file where the person expects a whole one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), crate::error::Error> {
    let fail = |e: std::io::Error| {
        crate::error::Error::Io(format!("cannot write {}: {e}", path.display()))
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| crate::error::Error::Io(format!("{} is not a file name", path.display())))?;
    let tmp = dir.join(format!(".{}.partial", name.to_string_lossy()));
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
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
