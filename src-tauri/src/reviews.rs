//! A stored agreement's monthly reviews, the same from the command line and the window: read a
//! CRM export through the draft's column mapping, compute the period, keep it in the store with
//! the definition and mapping it used, and review it against the earlier periods. The work is the
//! core crates'; this joins them to the store.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sla_compliance::{
    compute_period, BusinessClock, ManualActual, MetricFigure, Overrides, Period, PeriodFigures,
    Review,
};
use sla_crm_export::{Export, Lead, Mapping};
use sla_model::{Agreement, Language};
use sla_store::{Draft, DraftId, NewActual, NewImport, NewPeriodResult, PeriodResult, Store};

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
    if let Some(json) = store.review_mapping(id)? {
        if let Ok(mapping) = serde_json::from_str::<ReviewMapping>(&json) {
            // An export from another CRM, or with other columns, gets a fresh guess.
            if fits(&mapping.columns, &preview.headers) {
                return Ok((mapping, MappingOrigin::Saved));
            }
        }
    }
    Ok((
        ReviewMapping {
            columns: preview.mapping,
            measures: Overrides::new(),
        },
        MappingOrigin::Guessed,
    ))
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
    let draft = store.get(id)?;
    let agreement = draft.agreement;
    let clock = BusinessClock::new(&agreement.deadlines.calendar)?;
    let (mapping, origin) = mapping_for(store, id, request.mapping, path)?;
    let export = sla_crm_export::read_leads(path, &mapping.columns, clock.zone())?;
    let period = match request.period {
        Some(period) => period,
        None => busiest_period(&export.leads, &clock)
            .ok_or_else(|| Error::Io(format!("{}: the export has no leads", path.display())))?,
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
    let format = describe_format(&export);
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
