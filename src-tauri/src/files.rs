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
    amendment: Option<sla_pdf::Amendment>,
    path: &Path,
) -> Result<(usize, bool), crate::error::Error> {
    use sla_guidance::checks;
    let mut options = sla_pdf::ExportOptions::new(agreement);
    options.language = language;
    options.draft_id = draft.map(|(id, _)| id);
    options.version = draft.map(|(_, version)| version);
    options.draft_mark = checks::has_errors(&checks::check(agreement, language));
    options.amendment = amendment;
    let pdf = sla_pdf::export(agreement, &options)?;
    write_atomically(path, &pdf)?;
    Ok((pdf.len(), options.draft_mark))
}

/// Exports a version of draft `id` (the latest when `version` is `None`) as a PDF to `path`, for
/// the window and the CLI alike: the version is kept (the PDF names it, so autosave must never
/// change it); the attached agreement names the version both heads last had, so that the other
/// head's answer merges three ways; a change of a signed version is printed as an amendment
/// with its annex of changes; and the export is recorded, so that signing the PDF marks the
/// version signed.
pub fn export_draft_pdf(
    store: &mut sla_store::Store,
    id: sla_store::DraftId,
    version: Option<u32>,
    language: sla_model::Language,
    from: Option<sla_model::Side>,
    path: &Path,
) -> Result<(usize, bool), crate::error::Error> {
    let draft = match version {
        None => store.keep_latest(id)?,
        Some(version) => {
            store.keep_version(id, version)?;
            store.get_version(id, version)?
        }
    };
    let version = draft.info.version;
    let agreement = sla_proposals::outgoing(store, id, version, from)?;
    let amendment =
        crate::signed_versions::amendment(store, id, version, &draft.agreement, language)?;
    let exported = export_pdf(&agreement, language, Some((id, version)), amendment, path)?;
    crate::signed_versions::record_export(
        store,
        &sla_model::fingerprint(&draft.agreement),
        &crate::signed_versions::ExportRecord { draft: id, version },
    )?;
    Ok(exported)
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
