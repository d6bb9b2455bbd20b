//! A stored agreement's monthly reviews, the same from the command line and the window: read a
//! CRM export through the draft's column mapping, compute the period, keep it in the store with
//! the definition and mapping it used, and review it against the earlier periods. The work is the
//! core crates'; this joins them to the store.

pub use crate::signed_versions::signed_version_key;
use std::collections::BTreeMap;
use std::ops::DerefMut;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sla_compliance::{
    compute_period, BusinessClock, ManualActual, Measure, MetricFigure, Overrides, Period,
    PeriodFigures, Review, Status,
};
use sla_crm_export::{Export, ExportFile, Lead, Mapping, Preview, StageClass, StageValue};
use sla_model::{Agreement, Language};
use sla_store::{
    DoneAction, Draft, DraftId, EnteredActual, ImportInfo, NewActual, NewImport, NewPeriodResult,
    PeriodResult, Store,
};

use crate::error::{Error, Result};

/// What the person confirmed about a draft's exports: which column is what, and (rarely) how a
/// metric is computed when the inference from its kind and unit is wrong. The JSON form is what
/// `--mapping MAP.json` reads and what the store keeps.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewMapping {
    pub columns: Mapping,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub measures: Overrides,
}

/// Where the mapping an import used came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MappingOrigin {
    /// Given with the import (`--mapping`, or confirmed in the window).
    Given,
    /// The one confirmed for this draft's earlier import.
    Saved,
    /// Guessed from the export's header row.
    Guessed,
}

/// A metric whose figure a re-import would change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureChange {
    pub metric_id: String,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// What importing a period's export did.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Imported {
    /// The period was computed and stored.
    Stored {
        stored: PeriodResult,
        origin: MappingOrigin,
        review: Box<Review>,
    },
    /// The period already has figures from an export; nothing was stored. Importing again with
    /// `replace` stores these (the earlier ones stay in the period's history).
    WouldReplace {
        period: Period,
        previous: PeriodResult,
        changes: Vec<FigureChange>,
    },
}

/// How an import is to be done.
#[derive(Debug, Clone, Default)]
pub struct ImportRequest {
    pub mapping: Option<ReviewMapping>,
    /// The month to compute; by default the month most of the export's leads were created in.
    pub period: Option<Period>,
    /// Replace the figures a period already has from an export.
    pub replace: bool,
    pub language: Option<Language>,
}

/// Reads a `--mapping` file, naming the file and the place in it that is wrong.
pub fn read_mapping_file(path: &Path) -> Result<ReviewMapping> {
    let bytes = sla_model::interchange::read_limited(path)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut de = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let at = e.path().to_string();
        let inner = e.into_inner();
        Error::Io(format!(
            "{}: the column mapping is not valid at {}line {}, column {}: {}",
            path.display(),
            if at == "." {
                String::new()
            } else {
                format!("`{at}`, ")
            },
            inner.line(),
            inner.column(),
            inner
        ))
    })
}

/// The mapping an import of `path` for draft `id` uses: the given one, else the draft's saved one,
/// else the guess from the file's header row.
pub fn mapping_for(
    store: &Store,
    id: DraftId,
    given: Option<ReviewMapping>,
    path: &Path,
) -> Result<(ReviewMapping, MappingOrigin)> {
    if let Some(mapping) = given {
        return Ok((mapping, MappingOrigin::Given));
    }
    let preview = sla_crm_export::inspect(path)?;
    mapping_for_preview(store, id, &preview)
}

/// The mapping offered for an export already previewed: the draft's saved one when the file has
/// its columns, else the guess from the header row.
pub fn mapping_for_preview(
    store: &Store,
    id: DraftId,
    preview: &Preview,
) -> Result<(ReviewMapping, MappingOrigin)> {
    Ok(offered_mapping(saved_mapping(store, id)?, preview))
}

/// The mapping confirmed for draft `id`'s last import, if one was saved and can be read.
fn saved_mapping(store: &Store, id: DraftId) -> Result<Option<ReviewMapping>> {
    Ok(store
        .review_mapping(id)?
        .and_then(|json| serde_json::from_str::<ReviewMapping>(&json).ok()))
}

fn offered_mapping(
    saved: Option<ReviewMapping>,
    preview: &Preview,
) -> (ReviewMapping, MappingOrigin) {
    match saved {
        // An export from another CRM, or with other columns, gets a fresh guess.
        Some(mapping) if fits(&mapping.columns, &preview.headers) => {
            (mapping, MappingOrigin::Saved)
        }
        _ => (
            ReviewMapping {
                columns: preview.mapping.clone(),
                measures: Overrides::new(),
            },
            MappingOrigin::Guessed,
        ),
    }
}

/// Whether every column `mapping` names is in `headers` (matched as the reader matches them:
/// trimmed, ignoring case).
fn fits(mapping: &Mapping, headers: &[String]) -> bool {
    let has = |name: &str| {
        headers
            .iter()
            .any(|h| h.trim().to_lowercase() == name.trim().to_lowercase())
    };
    let optional = [
        &mapping.owner,
        &mapping.stage,
        &mapping.mql_date,
        &mapping.accepted_date,
        &mapping.rejection_reason,
        &mapping.first_contact,
        &mapping.attempts,
    ];
    has(&mapping.id)
        && has(&mapping.created)
        && optional.iter().all(|c| c.as_deref().is_none_or(has))
}

/// Imports a period's export for draft `id` and reviews the period.
pub fn import(
    store: &mut Store,
    id: DraftId,
    path: &Path,
    request: ImportRequest,
) -> Result<Imported> {
    let agreement = store.get(id)?.agreement;
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    let (mapping, origin) = mapping_for(store, id, request.mapping.clone(), path)?;
    let export = sla_crm_export::read_leads(path, &mapping.columns, clock.zone())?;
    import_export(store, id, &export, mapping, origin, &request)
}

/// Computes and stores the period of an export already read through `mapping` (the request's
/// own mapping is not used), unless the period has figures from an export and `replace` is off.
fn import_export(
    store: &mut Store,
    id: DraftId,
    export: &Export,
    mapping: ReviewMapping,
    origin: MappingOrigin,
    request: &ImportRequest,
) -> Result<Imported> {
    let draft = store.get(id)?;
    let agreement = draft.agreement;
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    let period = match request.period {
        Some(period) => period,
        None => busiest_period(&export.leads, &clock)
            .ok_or_else(|| Error::Io(format!("{}: the export has no leads", export.file.name)))?,
    };
    let manual = entered_figures(store, id)?;
    let figures = compute_period(
        &agreement,
        &export.leads,
        period,
        &manual,
        &mapping.measures,
    )?;

    let previous = store.period_result(id, &period.to_string())?;
    if let Some(previous) = previous.filter(|p| p.import.is_some()) {
        if !request.replace {
            let before: PeriodFigures = parse_figures(&previous)?;
            return Ok(Imported::WouldReplace {
                period,
                changes: changes(&agreement, &before, &figures),
                previous,
            });
        }
    }

    let in_period: Vec<&Lead> = export
        .leads
        .iter()
        .filter(|l| period.contains(clock.local_date(l.created)))
        .collect();
    let leads_json = serde_json::to_string(&in_period).map_err(json_error)?;
    let mapping_json = serde_json::to_string(&mapping).map_err(json_error)?;
    let format = describe_format(export);
    let stored = store.save_period_result(
        id,
        &NewPeriodResult {
            period: &period.to_string(),
            version: draft.info.version,
            import: Some(NewImport {
                file_name: &export.file.name,
                fingerprint: &export.file.fingerprint,
                format: &format,
                row_count: export.file.rows as u64,
                leads_json: &leads_json,
            }),
            definition_json: &definition_json(&agreement)?,
            mapping_json: &mapping_json,
            figures_json: &serde_json::to_string(&figures).map_err(json_error)?,
            entered: None,
        },
    )?;
    store.set_review_mapping(id, &mapping_json)?;
    let language = request.language.unwrap_or(agreement.language);
    let review = review_period(store, id, &agreement, period, language)?;
    Ok(Imported::Stored {
        stored,
        origin,
        review: Box::new(review),
    })
}

/// Records a hand-entered figure and recomputes its period from the leads kept for it (or from
/// the entered figures alone when no export was imported for it).
pub fn enter_figure(
    store: &mut Store,
    id: DraftId,
    figure: &EnteredFigure,
    language: Option<Language>,
) -> Result<Review> {
    let draft = store.get(id)?;
    let agreement = &draft.agreement;
    if !agreement.metrics().any(|(_, m)| m.id == figure.metric_id) {
        let known: Vec<&str> = agreement.metrics().map(|(_, m)| m.id.as_str()).collect();
        return Err(Error::Io(format!(
            "draft {id} has no metric `{}`; its metrics are: {}",
            figure.metric_id,
            known.join(", ")
        )));
    }
    if !figure.value.is_finite() {
        return Err(Error::Io(format!(
            "the figure for `{}` must be a number, not {}",
            figure.metric_id, figure.value
        )));
    }
    sla_compliance::check_term(agreement, figure.period)?;
    let period_text = figure.period.to_string();
    // Checked before anything is written: a figure the computation would refuse is not stored.
    let mut manual = entered_figures(store, id)?;
    manual.retain(|m| !(m.metric_id == figure.metric_id && m.period == figure.period));
    manual.push(ManualActual {
        metric_id: figure.metric_id.clone(),
        period: figure.period,
        value: figure.value,
        entered_by: figure.entered_by.clone(),
        note: figure.note.clone(),
        entered_at: Utc::now(),
    });
    let previous = store.period_result(id, &period_text)?;
    let entered = NewActual {
        metric_id: &figure.metric_id,
        value: figure.value,
        entered_by: &figure.entered_by,
        note: &figure.note,
    };
    // The figure and the figures that include it are stored together or not at all.
    store_recomputed(
        store,
        id,
        &draft,
        figure.period,
        previous.as_ref(),
        &manual,
        Some(entered),
    )?;
    let language = language.unwrap_or(agreement.language);
    review_period(store, id, agreement, figure.period, language)
}

/// Recomputes a stored period from the leads kept for it, the figures entered for it and the
/// draft's latest version (after its calendar or metrics changed); the earlier result stays in
/// the period's history.
pub fn recompute(
    store: &mut Store,
    id: DraftId,
    period: Period,
    language: Option<Language>,
) -> Result<Review> {
    let draft = store.get(id)?;
    let agreement = &draft.agreement;
    let previous = store
        .period_result(id, &period.to_string())?
        .ok_or_else(|| {
            Error::Io(format!(
                "draft {id} has no figures for {period} to recompute"
            ))
        })?;
    let manual = entered_figures(store, id)?;
    store_recomputed(store, id, &draft, period, Some(&previous), &manual, None)?;
    let language = language.unwrap_or(agreement.language);
    review_period(store, id, agreement, period, language)
}

/// Computes `period` again from the leads and mapping of its current result (none when it has
/// none yet) and `manual`, and stores it, with `entered` in the same transaction.
fn store_recomputed(
    store: &mut Store,
    id: DraftId,
    draft: &Draft,
    period: Period,
    previous: Option<&PeriodResult>,
    manual: &[ManualActual],
    entered: Option<NewActual>,
) -> Result<()> {
    let (leads, mapping) = match previous {
        Some(previous) => (kept_leads(store, previous)?, parse_mapping(previous)),
        None => (Vec::new(), ReviewMapping::default()),
    };
    let agreement = &draft.agreement;
    let figures = compute_period(agreement, &leads, period, manual, &mapping.measures)?;
    store.save_period_result(
        id,
        &NewPeriodResult {
            period: &period.to_string(),
            version: draft.info.version,
            import: None,
            definition_json: &definition_json(agreement)?,
            mapping_json: &serde_json::to_string(&mapping).map_err(json_error)?,
            figures_json: &serde_json::to_string(&figures).map_err(json_error)?,
            entered,
        },
    )?;
    Ok(())
}

/// A figure a person enters for a metric no export gives.
#[derive(Debug, Clone)]
pub struct EnteredFigure {
    pub metric_id: String,
    pub period: Period,
    pub value: f64,
    pub entered_by: String,
    pub note: String,
}

/// The review of a stored period against the periods before it.
pub fn review_period(
    store: &Store,
    id: DraftId,
    agreement: &Agreement,
    period: Period,
    language: Language,
) -> Result<Review> {
    let history = stored_figures(store, id)?;
    if !history.iter().any(|f| f.period == period) {
        let stored: Vec<String> = history.iter().map(|f| f.period.to_string()).collect();
        return Err(Error::Io(if stored.is_empty() {
            format!("draft {id} has no reviewed periods yet; import a period's export first")
        } else {
            format!(
                "draft {id} has no figures for {period}; its reviewed periods are {}",
                stored.join(", ")
            )
        }));
    }
    Ok(sla_compliance::review(
        agreement, &history, period, language,
    )?)
}

/// The latest period draft `id` has figures for.
pub fn latest_period(store: &Store, id: DraftId) -> Result<Option<Period>> {
    Ok(stored_figures(store, id)?.last().map(|f| f.period))
}

/// Every stored period's figures, oldest first.
pub fn stored_figures(store: &Store, id: DraftId) -> Result<Vec<PeriodFigures>> {
    store
        .period_results(id)?
        .iter()
        .map(parse_figures)
        .collect()
}

/// The review report PDF of a stored period.
pub fn report_pdf(
    store: &Store,
    id: DraftId,
    period: Option<Period>,
    language: Option<Language>,
    created: DateTime<Utc>,
) -> Result<(Review, Vec<u8>)> {
    let draft = store.get(id)?;
    let agreement = draft.agreement;
    let period = match period {
        Some(period) => period,
        None => latest_period(store, id)?.ok_or_else(|| {
            Error::Io(format!(
                "draft {id} has no reviewed periods yet; import a period's export first"
            ))
        })?,
    };
    let language = language.unwrap_or(agreement.language);
    let review = review_period(store, id, &agreement, period, language)?;
    let options = sla_review_report::ReportOptions {
        language,
        created,
        draft_id: Some(id),
        version: Some(draft.info.version),
    };
    let pdf = sla_review_report::report(&agreement, &review, &options)?;
    Ok((review, pdf))
}

// The window's side of the reviews: the same work as the command line's, with the export read once
// from choosing the file to storing its period, and the store locked only around its own reads and
// writes (never while a file is read), so other commands are not kept waiting.

/// The leads of the export read last, kept so that previewing a file, computing its period and
/// storing it read a 100,000-row export once. The key is the file (path, size, modification time),
/// the column mapping and the zone its dates were read in: any change reads the file again.
#[derive(Default)]
pub struct ExportCache {
    last: Mutex<Option<(ExportKey, Arc<Export>)>>,
}

#[derive(Debug, Clone, PartialEq)]
struct ExportKey {
    path: PathBuf,
    len: u64,
    modified: Option<SystemTime>,
    columns: Mapping,
    zone: String,
}

impl ExportCache {
    /// The export's leads read through `columns` in `clock`'s zone: the kept ones when the file
    /// and the mapping are unchanged, else read now (and kept).
    pub fn read(
        &self,
        path: &Path,
        columns: &Mapping,
        clock: &BusinessClock,
    ) -> Result<Arc<Export>> {
        // Taken before reading: a file changed while it is read never matches the key again.
        let key = ExportKey {
            path: path.to_owned(),
            len: 0,
            modified: None,
            columns: columns.clone(),
            zone: clock.zone().name().to_owned(),
        }
        .with_metadata()?;
        if let Some((kept, export)) = self.slot().as_ref() {
            if *kept == key {
                return Ok(Arc::clone(export));
            }
        }
        let export = Arc::new(sla_crm_export::read_leads(path, columns, clock.zone())?);
        *self.slot() = Some((key, Arc::clone(&export)));
        Ok(export)
    }

    /// Lets the kept leads go (once their period is stored, they are not needed in memory).
    pub fn forget(&self) {
        *self.slot() = None;
    }

    fn slot(&self) -> MutexGuard<'_, Option<(ExportKey, Arc<Export>)>> {
        // Only ever replaced whole, so a poisoned lock holds nothing half-written.
        self.last.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl ExportKey {
    fn with_metadata(mut self) -> Result<ExportKey> {
        let metadata = std::fs::metadata(&self.path)
            .map_err(|e| Error::Io(format!("{}: cannot be read: {e}", self.path.display())))?;
        self.len = metadata.len();
        self.modified = metadata.modified().ok();
        Ok(self)
    }
}

/// A month of the export with the leads created in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodLeads {
    pub period: Period,
    pub leads: usize,
}

/// An export before anything is computed: what `review_inspect` answers.
#[derive(Debug, Clone, Serialize)]
pub struct ExportPreview {
    pub file: ExportFile,
    pub headers: Vec<String>,
    pub sample: Vec<Vec<String>>,
    pub mapping: ReviewMapping,
    pub origin: MappingOrigin,
    /// The values of the mapping's stage column, most frequent first, classed as the mapping
    /// classes them.
    pub stage_values: Vec<StageValue>,
    /// The months the leads were created in, oldest first; empty when `read_error` says why the
    /// leads cannot be read through `mapping`.
    pub periods: Vec<PeriodLeads>,
    /// The month most leads were created in.
    pub suggested: Option<Period>,
    /// Months that already have figures from an export.
    pub stored: Vec<Period>,
    pub read_error: Option<String>,
}

/// Previews the export at `path` for draft `id`: the mapping offered (saved or guessed), its
/// stage values, and the months its leads fall in, read through that mapping and kept in `cache`.
pub fn inspect<G: DerefMut<Target = Store>>(
    lock: impl Fn() -> Result<G>,
    cache: &ExportCache,
    id: DraftId,
    path: &Path,
) -> Result<ExportPreview> {
    let (agreement, saved, stored) = {
        let store = lock()?;
        let stored: Vec<Period> = store
            .period_results(id)?
            .iter()
            .filter(|r| r.import.is_some())
            .filter_map(|r| r.period.parse().ok())
            .collect();
        (store.get(id)?.agreement, saved_mapping(&store, id)?, stored)
    };
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    // The month after the first, the saved mapping usually fits: its leads are read on the other
    // core while the file is previewed, which halves the wait for a large export.
    let (preview, early) = std::thread::scope(|scope| {
        let early = saved
            .as_ref()
            .map(|saved| scope.spawn(|| cache.read(path, &saved.columns, &clock)));
        let preview = sla_crm_export::inspect(path);
        let early = early.map(|reading| {
            reading.join().unwrap_or_else(|_| {
                Err(Error::Io(format!(
                    "{}: reading the export failed unexpectedly",
                    path.display()
                )))
            })
        });
        (preview, early)
    });
    let preview = preview?;
    let (mapping, origin) = offered_mapping(saved, &preview);
    let stage_values = match (&mapping.columns.stage, origin) {
        (None, _) => Vec::new(),
        // The guess counted its own stage column while previewing.
        (Some(_), MappingOrigin::Guessed) => preview.stage_values.clone(),
        (Some(column), _) => {
            let mut values = if preview.mapping.stage.as_deref() == Some(column.as_str()) {
                preview.stage_values.clone()
            } else {
                sla_crm_export::stage_values(path, column)?
            };
            for value in &mut values {
                value.class = class_in(&mapping.columns, &value.value);
            }
            values
        }
    };
    let read = match early {
        Some(read) if origin == MappingOrigin::Saved => read,
        _ => cache.read(path, &mapping.columns, &clock),
    };
    let (periods, suggested, read_error) = match read {
        Ok(export) => {
            let periods = sla_compliance::periods_in_export(&agreement, &export.leads)?
                .into_iter()
                .map(|(period, leads)| PeriodLeads { period, leads })
                .collect();
            (periods, busiest_period(&export.leads, &clock), None)
        }
        Err(e) => (Vec::new(), None, Some(e.to_string())),
    };
    Ok(ExportPreview {
        file: preview.file,
        headers: preview.headers,
        sample: preview.sample,
        mapping,
        origin,
        stage_values,
        periods,
        suggested,
        stored,
        read_error,
    })
}

/// The class a mapping gives a stage value (matched as the reader matches it: trimmed, ignoring
/// case).
fn class_in(columns: &Mapping, value: &str) -> Option<StageClass> {
    let key = value.trim().to_lowercase();
    let has = |list: &[String]| list.iter().any(|v| v.trim().to_lowercase() == key);
    if has(&columns.rejected_values) {
        Some(StageClass::Rejected)
    } else if has(&columns.accepted_values) {
        Some(StageClass::Accepted)
    } else if has(&columns.mql_values) {
        Some(StageClass::Delivered)
    } else {
        None
    }
}

/// A period computed from an export, not stored: what `review_preview` answers.
#[derive(Debug, Clone, Serialize)]
pub struct ImportPreview {
    pub period: Period,
    /// Leads of the export created in the period.
    pub leads: usize,
    /// The review the period gets once stored.
    pub review: Review,
    /// When the period already has figures from an export: what storing these would change.
    pub changes: Option<Vec<FigureChange>>,
}

/// Computes `period` from the export through `mapping` and reviews it against the stored periods,
/// storing nothing.
pub fn preview<G: DerefMut<Target = Store>>(
    lock: impl Fn() -> Result<G>,
    cache: &ExportCache,
    id: DraftId,
    path: &Path,
    mapping: &ReviewMapping,
    period: Period,
    language: Language,
) -> Result<ImportPreview> {
    let agreement = lock()?.get(id)?.agreement;
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    let export = cache.read(path, &mapping.columns, &clock)?;
    let (manual, mut history, previous) = {
        let store = lock()?;
        (
            entered_figures(&store, id)?,
            stored_figures(&store, id)?,
            store.period_result(id, &period.to_string())?,
        )
    };
    let figures = compute_period(
        &agreement,
        &export.leads,
        period,
        &manual,
        &mapping.measures,
    )?;
    let changes = match previous.filter(|p| p.import.is_some()) {
        Some(previous) => Some(changes(&agreement, &parse_figures(&previous)?, &figures)),
        None => None,
    };
    history.retain(|f| f.period != period);
    history.push(figures);
    let review = sla_compliance::review(&agreement, &history, period, language)?;
    let leads = export
        .leads
        .iter()
        .filter(|l| period.contains(clock.local_date(l.created)))
        .count();
    Ok(ImportPreview {
        period,
        leads,
        review,
        changes,
    })
}

/// Imports `period` of the export at `path` through the confirmed `mapping` (read once, through
/// `cache`), and saves the mapping for the draft's next export.
#[allow(clippy::too_many_arguments)] // each is one thing the import form confirms
pub fn import_confirmed<G: DerefMut<Target = Store>>(
    lock: impl Fn() -> Result<G>,
    cache: &ExportCache,
    id: DraftId,
    path: &Path,
    mapping: ReviewMapping,
    period: Period,
    replace: bool,
    language: Language,
) -> Result<Imported> {
    let agreement = lock()?.get(id)?.agreement;
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    let export = cache.read(path, &mapping.columns, &clock)?;
    let request = ImportRequest {
        mapping: None,
        period: Some(period),
        replace,
        language: Some(language),
    };
    let mut store = lock()?;
    let imported = import_export(
        &mut store,
        id,
        &export,
        mapping,
        MappingOrigin::Given,
        &request,
    )?;
    if matches!(imported, Imported::Stored { .. }) {
        cache.forget();
    }
    Ok(imported)
}

/// Why an import was not stored, in words: the period, the file its figures came from and what
/// would change.
pub fn would_replace_message(
    period: Period,
    previous: &PeriodResult,
    changes: &[FigureChange],
) -> String {
    let file = previous
        .import
        .as_ref()
        .map_or("", |i| i.file_name.as_str());
    format!(
        "{period} already has figures from {file} (computed {}); importing this export would change them: {}. Nothing was stored; import again replacing them to store the new figures (the earlier ones stay in the period's history)",
        plain_time(&previous.computed_at),
        changes_in_words(changes)
    )
}

/// "mql-per-rep 2.5 → 3; first-contact-time no data → 0.9", or that nothing would change.
pub fn changes_in_words(changes: &[FigureChange]) -> String {
    if changes.is_empty() {
        return "no figure would change".to_string();
    }
    let figure = |value: Option<f64>| value.map_or("no data".into(), plain_number);
    changes
        .iter()
        .map(|c| format!("{} {} → {}", c.metric_id, figure(c.before), figure(c.after)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A figure as the messages write it: whole numbers without decimals, others to one place.
pub fn plain_number(value: f64) -> String {
    if (value - value.round()).abs() < 0.05 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// "2026-12-02 04:00 UTC" from an RFC 3339 time.
pub fn plain_time(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// One stored period in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodOverview {
    pub review: Review,
    /// The export the figures came from; `None` when they were only entered by hand.
    pub import: Option<ImportInfo>,
    pub computed_at: String,
}

/// The agreement's term in months: the first and last a figure can be entered for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TermMonths {
    pub first: Period,
    pub last: Period,
}

/// Everything the reviews view shows for one agreement.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewOverview {
    pub draft_id: DraftId,
    /// Every stored period, oldest first, each reviewed against the periods before it.
    pub periods: Vec<PeriodOverview>,
    pub done: Vec<DoneAction>,
    pub entered: Vec<EnteredActual>,
    /// The clause the agreement's PDF prints for each thing the view cites, by key:
    /// `metric:<id>`, `escalation:<index>`, `remedy:<id>`, `adjustment:<id>`.
    pub clauses: BTreeMap<String, String>,
    /// Metrics no export gives: their figures are entered by hand.
    pub manual_metrics: Vec<String>,
    pub term: TermMonths,
}

/// Every stored period of draft `id` reviewed, with what was done and entered and the clauses
/// the view cites.
pub fn overview(store: &Store, id: DraftId, language: Language) -> Result<ReviewOverview> {
    let agreement = store.get(id)?.agreement;
    let results = store.period_results(id)?;
    let history: Vec<PeriodFigures> = results.iter().map(parse_figures).collect::<Result<_>>()?;
    let periods = results
        .into_iter()
        .zip(&history)
        .map(|(result, figures)| {
            Ok(PeriodOverview {
                review: sla_compliance::review(&agreement, &history, figures.period, language)?,
                import: result.import,
                computed_at: result.computed_at,
            })
        })
        .collect::<Result<_>>()?;
    let (first, last) = sla_compliance::term_days(&agreement);
    Ok(ReviewOverview {
        draft_id: id,
        periods,
        done: store.done_actions(id)?,
        entered: store.actuals(id)?,
        clauses: clauses(&agreement),
        manual_metrics: manual_metrics(store, id, &agreement)?,
        term: TermMonths {
            first: Period::containing(first),
            last: Period::containing(last),
        },
    })
}

/// The clause numbers the agreement's PDF prints, by the keys the view cites them with. An
/// escalation step is cited as its clause and its step: "6.1.2" is step 2 of clause 6.1's table.
pub fn clauses(agreement: &Agreement) -> BTreeMap<String, String> {
    let numbers = sla_pdf::clauses::Clauses::of(agreement);
    let mut clauses = BTreeMap::new();
    for (_, metric) in agreement.metrics() {
        if let Some(clause) = numbers.metric(&metric.id) {
            clauses.insert(format!("metric:{}", metric.id), clause);
        }
    }
    for index in 0..agreement.consequences.escalation.len() {
        if let Some((clause, step)) = numbers.escalation_step(index) {
            clauses.insert(format!("escalation:{index}"), format!("{clause}.{step}"));
        }
    }
    for remedy in &agreement.consequences.remedies {
        if let Some(clause) = numbers.remedy(&remedy.id) {
            clauses.insert(format!("remedy:{}", remedy.id), clause);
        }
    }
    for adjustment in &agreement.consequences.adjustments {
        if let Some(clause) = numbers.adjustment(&adjustment.id) {
            clauses.insert(format!("adjustment:{}", adjustment.id), clause);
        }
    }
    clauses
}

/// Metrics whose measure is manual: inferred from the metric, or so chosen in the draft's saved
/// mapping (its choices for metrics the agreement no longer has are ignored).
fn manual_metrics(store: &Store, id: DraftId, agreement: &Agreement) -> Result<Vec<String>> {
    let mut overrides = saved_mapping(store, id)?
        .map(|m| m.measures)
        .unwrap_or_default();
    overrides.retain(|metric_id, _| agreement.metrics().any(|(_, m)| &m.id == metric_id));
    let measures = sla_compliance::measures(agreement, &overrides)
        .or_else(|_| sla_compliance::measures(agreement, &Overrides::new()))?;
    Ok(measures
        .into_iter()
        .filter(|(_, measure)| *measure == Measure::Manual)
        .map(|(metric_id, _)| metric_id)
        .collect())
}

/// Marks a consequence of a period done (or, `done` false, not done), refusing a key that names
/// nothing in the agreement; answers every action of the draft marked done.
pub fn mark_done(
    store: &mut Store,
    id: DraftId,
    period: Period,
    consequence: &str,
    note: &str,
    done: bool,
) -> Result<Vec<DoneAction>> {
    let agreement = store.get(id)?.agreement;
    if !clauses(&agreement).contains_key(consequence) || consequence.starts_with("metric:") {
        let known: Vec<String> = clauses(&agreement)
            .into_keys()
            .filter(|k| !k.starts_with("metric:"))
            .collect();
        return Err(Error::Io(format!(
            "`{consequence}` is not a consequence of draft {id}'s agreement; a consequence is \
             `escalation:<step index>`, `remedy:<id>` or `adjustment:<id>`, and this agreement's \
             are: {}",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )));
    }
    store.mark_action(id, &period.to_string(), consequence, note, done)?;
    Ok(store.done_actions(id)?)
}

/// The home list's line for a signed agreement: its latest stored period at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewStatus {
    pub draft_id: DraftId,
    /// `None` when no period has been stored yet.
    pub period: Option<Period>,
    pub met: usize,
    pub missed: usize,
    pub no_data: usize,
}

/// The latest stored period's counts of each draft of `ids` that has a signed version; drafts
/// not signed are left out. Reads only what the counts need: one setting per draft, and the
/// agreement and figures of the signed ones.
pub fn statuses(store: &Store, ids: &[DraftId]) -> Result<Vec<ReviewStatus>> {
    let mut statuses = Vec::new();
    for &id in ids {
        let signed = store
            .get_setting(&signed_version_key(id))?
            .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok())
            .is_some_and(|record| record.get("version").is_some_and(|v| v.is_u64()));
        if !signed {
            continue;
        }
        let history = stored_figures(store, id)?;
        let Some(latest) = history.last().map(|f| f.period) else {
            statuses.push(ReviewStatus {
                draft_id: id,
                period: None,
                met: 0,
                missed: 0,
                no_data: 0,
            });
            continue;
        };
        let agreement = store.get(id)?.agreement;
        let review = sla_compliance::review(&agreement, &history, latest, agreement.language)?;
        statuses.push(ReviewStatus {
            draft_id: id,
            period: Some(latest),
            met: review.count(Status::Met),
            missed: review.count(Status::Missed),
            no_data: review.count(Status::NoData),
        });
    }
    Ok(statuses)
}

/// A period as the window sends it, or a message saying how to write one.
pub fn parse_period(text: &str) -> Result<Period> {
    text.parse().map_err(Error::Io)
}

fn entered_figures(store: &Store, id: DraftId) -> Result<Vec<ManualActual>> {
    store
        .actuals(id)?
        .into_iter()
        .filter_map(|a| {
            let period = a.period.parse().ok()?;
            let entered_at = DateTime::parse_from_rfc3339(&a.entered_at)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_default();
            Some(Ok(ManualActual {
                metric_id: a.metric_id,
                period,
                value: a.value,
                entered_by: a.entered_by,
                note: a.note,
                entered_at,
            }))
        })
        .collect()
}

fn kept_leads(store: &Store, result: &PeriodResult) -> Result<Vec<Lead>> {
    let Some(import) = &result.import else {
        return Ok(Vec::new());
    };
    let json = store
        .import_leads(import.id)?
        .unwrap_or_else(|| "[]".into());
    serde_json::from_str(&json).map_err(json_error)
}

fn parse_mapping(result: &PeriodResult) -> ReviewMapping {
    serde_json::from_str(&result.mapping_json).unwrap_or_default()
}

fn parse_figures(result: &PeriodResult) -> Result<PeriodFigures> {
    serde_json::from_str(&result.figures_json).map_err(|e| {
        Error::Io(format!(
            "the stored figures of {} cannot be read ({e}); import the period again",
            result.period
        ))
    })
}

/// The metrics and calendar the figures were computed with, kept beside them.
fn definition_json(agreement: &Agreement) -> Result<String> {
    let metrics: Vec<_> = agreement.metrics().map(|(_, m)| m).collect();
    serde_json::to_string(&serde_json::json!({
        "metrics": metrics,
        "calendar": agreement.deadlines.calendar,
        "basis": agreement.deadlines.basis,
    }))
    .map_err(json_error)
}

fn changes(
    agreement: &Agreement,
    before: &PeriodFigures,
    after: &PeriodFigures,
) -> Vec<FigureChange> {
    let actual = |figures: &PeriodFigures, id: &str| {
        figures
            .figures
            .iter()
            .find(|f: &&MetricFigure| f.metric_id == id)
            .and_then(|f| f.actual)
    };
    agreement
        .metrics()
        .filter_map(|(_, metric)| {
            let (was, now) = (actual(before, &metric.id), actual(after, &metric.id));
            let same = match (was, now) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                (None, None) => true,
                _ => false,
            };
            (!same).then(|| FigureChange {
                metric_id: metric.id.clone(),
                name: metric.name.clone(),
                before: was,
                after: now,
            })
        })
        .collect()
}

/// The month most leads were created in, by the calendar's zone: an export pulled on the 2nd
/// holds a few leads of the new month, and the review is of the month before.
fn busiest_period(leads: &[Lead], clock: &BusinessClock) -> Option<Period> {
    let mut counts: BTreeMap<Period, usize> = BTreeMap::new();
    for lead in leads {
        *counts
            .entry(Period::containing(clock.local_date(lead.created)))
            .or_default() += 1;
    }
    // The latest of equally busy months.
    counts
        .into_iter()
        .max_by_key(|(period, count)| (*count, *period))
        .map(|(period, _)| period)
}

fn describe_format(export: &Export) -> String {
    match &export.file.format {
        sla_crm_export::ExportFormat::Csv {
            encoding,
            separator,
        } => {
            let separator = match separator {
                '\t' => "tab".to_string(),
                c => format!("`{c}`"),
            };
            format!("CSV, {}, {separator}", encoding.label())
        }
        sla_crm_export::ExportFormat::Xlsx { sheet } => format!("XLSX, sheet {sheet}"),
    }
}

fn json_error(e: serde_json::Error) -> Error {
    Error::Io(format!("cannot write the review as JSON: {e}"))
}
