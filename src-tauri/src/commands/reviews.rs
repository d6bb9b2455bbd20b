//! The reviews view: a period's CRM export previewed, computed and stored, the stored periods
//! reviewed, what fired marked done, the report and the calendar written. The work is
//! `crate::reviews`'; the commands that read an export are async so the file is read off the
//! window's main thread, and the store is locked only around its own reads and writes.

use std::path::PathBuf;

use serde::Serialize;
use sla_crm_export::StageValue;
use sla_model::Language;
use sla_store::{DoneAction, DraftId};
use tauri::State;

use crate::app::AppState;
use crate::error::{Error, Result};
use crate::reviews::{
    self, EnteredFigure, ExportPreview, ImportPreview, Imported, ReviewMapping, ReviewOverview,
    ReviewStatus,
};

#[tauri::command]
pub async fn review_inspect(
    state: State<'_, AppState>,
    id: DraftId,
    path: PathBuf,
) -> Result<ExportPreview> {
    reviews::inspect(|| state.store.lock(), &state.exports, id, &path)
}

/// The values of another column, for a person who picks a different stage column.
#[tauri::command]
pub async fn review_stage_values(path: PathBuf, column: String) -> Result<Vec<StageValue>> {
    Ok(sla_crm_export::stage_values(&path, &column)?)
}

#[tauri::command]
pub async fn review_preview(
    state: State<'_, AppState>,
    id: DraftId,
    path: PathBuf,
    mapping: ReviewMapping,
    period: String,
    language: Language,
) -> Result<ImportPreview> {
    let period = reviews::parse_period(&period)?;
    reviews::preview(
        || state.store.lock(),
        &state.exports,
        id,
        &path,
        &mapping,
        period,
        language,
    )
}

/// Stores the period; a period that already has figures from an export is replaced only with
/// `replace`, else refused as `would_replace` with what would change.
#[tauri::command]
pub async fn review_import(
    state: State<'_, AppState>,
    id: DraftId,
    path: PathBuf,
    mapping: ReviewMapping,
    period: String,
    replace: bool,
    language: Language,
) -> Result<ReviewOverview> {
    let period = reviews::parse_period(&period)?;
    let lock = || state.store.lock();
    match reviews::import_confirmed(
        lock,
        &state.exports,
        id,
        &path,
        mapping,
        period,
        replace,
        language,
    )? {
        Imported::Stored { .. } => reviews::overview(&*lock()?, id, language),
        Imported::WouldReplace {
            period,
            previous,
            changes,
        } => Err(Error::WouldReplace(reviews::would_replace_message(
            period, &previous, &changes,
        ))),
    }
}

#[tauri::command]
pub fn review_overview(
    state: State<'_, AppState>,
    id: DraftId,
    language: Language,
) -> Result<ReviewOverview> {
    let store = state.store.lock()?;
    reviews::overview(&store, id, language)
}

#[tauri::command]
#[allow(clippy::too_many_arguments)] // each is one field of the figure form
pub fn review_enter_figure(
    state: State<'_, AppState>,
    id: DraftId,
    metric: String,
    period: String,
    value: f64,
    by: String,
    note: String,
    language: Language,
) -> Result<ReviewOverview> {
    let figure = EnteredFigure {
        metric_id: metric,
        period: reviews::parse_period(&period)?,
        value,
        entered_by: by,
        note,
    };
    let mut store = state.store.lock()?;
    reviews::enter_figure(&mut store, id, &figure, Some(language))?;
    reviews::overview(&store, id, language)
}

#[tauri::command]
pub fn review_mark_done(
    state: State<'_, AppState>,
    id: DraftId,
    period: String,
    consequence: String,
    note: String,
    done: bool,
) -> Result<Vec<DoneAction>> {
    let period = reviews::parse_period(&period)?;
    let mut store = state.store.lock()?;
    reviews::mark_done(&mut store, id, period, &consequence, &note, done)
}

/// A file written for the person, as `export_pdf` answers.
#[derive(Serialize)]
pub struct Written {
    path: PathBuf,
    bytes: usize,
    /// A review report is never marked DRAFT (the shape is the agreement export's).
    draft_mark: bool,
}

/// Writes the period's review report to `path` (whole or not at all); the window may then open
/// it in the system viewer or sign it.
#[tauri::command]
pub async fn review_report(
    state: State<'_, AppState>,
    id: DraftId,
    period: String,
    language: Language,
    path: PathBuf,
) -> Result<Written> {
    let period = reviews::parse_period(&period)?;
    let (_, pdf) = {
        let store = state.store.lock()?;
        reviews::report_pdf(&store, id, Some(period), Some(language), chrono::Utc::now())?
    };
    crate::files::write_atomically(&path, &pdf)?;
    state.remember_file(&path);
    Ok(Written {
        path,
        bytes: pdf.len(),
        draft_mark: false,
    })
}

/// The review calendar written: where, its size, and how many meeting entries it holds.
#[derive(Serialize)]
pub struct CalendarWritten {
    path: PathBuf,
    bytes: usize,
    events: usize,
}

/// Writes the agreement's review meetings over its term as an iCalendar file to `path`.
#[tauri::command]
pub fn review_calendar(
    state: State<'_, AppState>,
    id: DraftId,
    language: Language,
    path: PathBuf,
) -> Result<CalendarWritten> {
    let agreement = state.store.lock()?.get(id)?.agreement;
    let options = sla_review_calendar::CalendarOptions {
        now: chrono::Utc::now(),
        language: Some(language),
    };
    let text = sla_review_calendar::review_calendar(&agreement, &options)?;
    crate::files::write_atomically(&path, text.as_bytes())?;
    Ok(CalendarWritten {
        path,
        bytes: text.len(),
        events: text.matches("BEGIN:VEVENT").count(),
    })
}

#[tauri::command]
pub fn review_statuses(state: State<'_, AppState>, ids: Vec<DraftId>) -> Result<Vec<ReviewStatus>> {
    let store = state.store.lock()?;
    reviews::statuses(&store, &ids)
}

#[tauri::command]
pub fn review_period(
    state: State<'_, AppState>,
    id: DraftId,
    period: String,
    language: Language,
) -> Result<sla_compliance::Review> {
    let period = reviews::parse_period(&period)?;
    let store = state.store.lock()?;
    let agreement = store.get(id)?.agreement;
    reviews::review_period(&store, id, &agreement, period, language)
}
