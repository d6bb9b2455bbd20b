//! A signed agreement's reviews: per period, the figures computed from a CRM export or entered by
//! hand, kept with the definition and mapping they were computed with. The store does not know
//! what the figures mean; it keeps the compliance crate's JSON and the facts it is asked for by
//! (draft, period), and never deletes a result: a recomputed period marks the earlier one replaced.

use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::error::sqlite;
use crate::store::now;
use crate::{DraftId, Store, StoreError};

/// The export a period was computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportInfo {
    pub id: i64,
    /// The file's name as the person chose it (not its folder).
    pub file_name: String,
    /// Hex SHA-256 of the file's bytes.
    pub fingerprint: String,
    /// "CSV, Windows-1251, `;`" or "XLSX, sheet Leads": as the reader described it.
    pub format: String,
    pub row_count: u64,
    /// RFC 3339, UTC.
    pub imported_at: String,
}

/// An export to keep with a period: its facts and its leads, enough to recompute the period.
#[derive(Debug, Clone, Copy)]
pub struct NewImport<'a> {
    pub file_name: &'a str,
    pub fingerprint: &'a str,
    pub format: &'a str,
    pub row_count: u64,
    pub leads_json: &'a str,
}

/// A period's figures to store.
#[derive(Debug, Clone, Copy)]
pub struct NewPeriodResult<'a> {
    /// `YYYY-MM`.
    pub period: &'a str,
    /// The draft's version whose metrics were computed.
    pub version: u32,
    /// The export, when the figures come from one; `None` keeps the period's current export
    /// (a recomputation after a hand-entered figure, say).
    pub import: Option<NewImport<'a>>,
    /// The metrics' definitions the figures were computed with (JSON).
    pub definition_json: &'a str,
    pub mapping_json: &'a str,
    pub figures_json: &'a str,
    /// A figure entered by hand that these figures include, stored in the same transaction.
    pub entered: Option<NewActual<'a>>,
}

/// A hand-entered figure to store with the period's recomputed figures.
#[derive(Debug, Clone, Copy)]
pub struct NewActual<'a> {
    pub metric_id: &'a str,
    pub value: f64,
    pub entered_by: &'a str,
    pub note: &'a str,
}

/// One stored result of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodResult {
    pub id: i64,
    pub period: String,
    pub version: u32,
    pub import: Option<ImportInfo>,
    pub definition_json: String,
    pub mapping_json: String,
    pub figures_json: String,
    /// RFC 3339, UTC.
    pub computed_at: String,
    /// When a later result took its place; `None` for the current one.
    pub replaced_at: Option<String>,
}

/// A figure a person entered for a metric no export gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnteredActual {
    pub period: String,
    pub metric_id: String,
    pub value: f64,
    pub entered_by: String,
    pub note: String,
    /// RFC 3339, UTC.
    pub entered_at: String,
}

/// A consequence of a period marked done, with the person's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoneAction {
    pub period: String,
    /// The consequence's key as the caller names it (e.g. `escalation:0` or `remedy:r-1`).
    pub consequence: String,
    pub note: String,
    /// RFC 3339, UTC.
    pub done_at: String,
}

const RESULT_COLUMNS: &str = "r.id, r.period, r.version, r.definition_json, r.mapping_json,
    r.figures_json, r.computed_at, r.replaced_at, i.id, i.file_name, i.fingerprint, i.format,
    i.row_count, i.imported_at";

impl Store {
    /// Stores a period's figures in one transaction, in place of its current result, which is
    /// kept as history. Refused for a draft that does not exist.
    pub fn save_period_result(
        &mut self,
        id: DraftId,
        result: &NewPeriodResult,
    ) -> Result<PeriodResult, StoreError> {
        let doing = format!("saving the review of {} for draft {id}", result.period);
        self.write(&doing, |tx, path| {
            require_draft(tx, path, id, &doing)?;
            let fail = |e| sqlite(path, doing.clone(), e);
            let at = now();
            if let Some(entered) = &result.entered {
                upsert_actual(tx, id, result.period, entered, &at).map_err(fail)?;
            }
            let current: Option<(i64, Option<i64>)> = tx
                .prepare_cached(
                    "SELECT id, import_id FROM review_results
                     WHERE draft_id = ?1 AND period = ?2 AND replaced_at IS NULL",
                )
                .and_then(|mut s| {
                    s.query_row(params![id, result.period], |r| Ok((r.get(0)?, r.get(1)?)))
                        .optional()
                })
                .map_err(fail)?;
            let import_id = match &result.import {
                Some(import) => Some(
                    tx.prepare_cached(
                        "INSERT INTO review_imports (draft_id, period, file_name, fingerprint,
                             format, row_count, leads_json, imported_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )
                    .and_then(|mut s| {
                        s.insert(params![
                            id,
                            result.period,
                            import.file_name,
                            import.fingerprint,
                            import.format,
                            import.row_count as i64,
                            import.leads_json,
                            at
                        ])
                    })
                    .map_err(fail)?,
                ),
                None => current.and_then(|(_, import)| import),
            };
            if let Some((previous, _)) = current {
                tx.execute(
                    "UPDATE review_results SET replaced_at = ?2 WHERE id = ?1",
                    params![previous, at],
                )
                .map_err(fail)?;
            }
            let new_id = tx
                .prepare_cached(
                    "INSERT INTO review_results (draft_id, period, version, import_id,
                         definition_json, mapping_json, figures_json, computed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .and_then(|mut s| {
                    s.insert(params![
                        id,
                        result.period,
                        result.version,
                        import_id,
                        result.definition_json,
                        result.mapping_json,
                        result.figures_json,
                        at
                    ])
                })
                .map_err(fail)?;
            read_result(tx, path, new_id)
        })
    }

    /// The current result of every period of draft `id`, oldest period first.
    pub fn period_results(&self, id: DraftId) -> Result<Vec<PeriodResult>, StoreError> {
        self.select_results(
            "r.draft_id = ?1 AND r.replaced_at IS NULL ORDER BY r.period",
            params![id],
            &format!("reading the reviews of draft {id}"),
        )
    }

    /// The current result of one period, if it has one.
    pub fn period_result(
        &self,
        id: DraftId,
        period: &str,
    ) -> Result<Option<PeriodResult>, StoreError> {
        let mut found = self.select_results(
            "r.draft_id = ?1 AND r.period = ?2 AND r.replaced_at IS NULL",
            params![id, period],
            &format!("reading the review of {period} for draft {id}"),
        )?;
        Ok(found.pop())
    }

    /// Every result a period has had, the current one first.
    pub fn period_history(
        &self,
        id: DraftId,
        period: &str,
    ) -> Result<Vec<PeriodResult>, StoreError> {
        self.select_results(
            "r.draft_id = ?1 AND r.period = ?2 ORDER BY r.replaced_at IS NOT NULL, r.id DESC",
            params![id, period],
            &format!("reading the history of the review of {period} for draft {id}"),
        )
    }

    /// The leads an import kept, as the JSON they were stored in.
    pub fn import_leads(&self, import_id: i64) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT leads_json FROM review_imports WHERE id = ?1")
            .and_then(|mut s| s.query_row([import_id], |r| r.get(0)).optional())
            .map_err(|e| {
                sqlite(
                    &self.path,
                    format!("reading the leads of import {import_id}"),
                    e,
                )
            })
    }

    /// The column mapping last confirmed for draft `id`'s exports (JSON).
    pub fn review_mapping(&self, id: DraftId) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT mapping_json FROM review_mappings WHERE draft_id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| sqlite(&self.path, format!("reading the mapping of draft {id}"), e))
    }

    pub fn set_review_mapping(
        &mut self,
        id: DraftId,
        mapping_json: &str,
    ) -> Result<(), StoreError> {
        let doing = format!("saving the column mapping of draft {id}");
        self.write(&doing, |tx, path| {
            require_draft(tx, path, id, &doing)?;
            tx.execute(
                "INSERT INTO review_mappings (draft_id, mapping_json, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (draft_id) DO UPDATE
                 SET mapping_json = excluded.mapping_json, saved_at = excluded.saved_at",
                params![id, mapping_json, now()],
            )
            .map_err(|e| sqlite(path, doing.clone(), e))?;
            Ok(())
        })
    }

    /// Records a hand-entered figure, in place of an earlier one for the same metric and period.
    pub fn set_actual(
        &mut self,
        id: DraftId,
        period: &str,
        metric_id: &str,
        value: f64,
        entered_by: &str,
        note: &str,
    ) -> Result<EnteredActual, StoreError> {
        let doing = format!("saving the figure of {metric_id} for {period} in draft {id}");
        self.write(&doing, |tx, path| {
            require_draft(tx, path, id, &doing)?;
            let entered_at = now();
            let entered = NewActual {
                metric_id,
                value,
                entered_by,
                note,
            };
            upsert_actual(tx, id, period, &entered, &entered_at)
                .map_err(|e| sqlite(path, doing.clone(), e))?;
            Ok(EnteredActual {
                period: period.to_owned(),
                metric_id: metric_id.to_owned(),
                value,
                entered_by: entered_by.to_owned(),
                note: note.to_owned(),
                entered_at,
            })
        })
    }

    /// Every hand-entered figure of draft `id`, by period then metric.
    pub fn actuals(&self, id: DraftId) -> Result<Vec<EnteredActual>, StoreError> {
        let fail = |e| {
            sqlite(
                &self.path,
                format!("reading the entered figures of draft {id}"),
                e,
            )
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT period, metric_id, value, entered_by, note, entered_at FROM review_actuals
                 WHERE draft_id = ?1 ORDER BY period, metric_id",
            )
            .map_err(fail)?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(EnteredActual {
                    period: r.get(0)?,
                    metric_id: r.get(1)?,
                    value: r.get(2)?,
                    entered_by: r.get(3)?,
                    note: r.get(4)?,
                    entered_at: r.get(5)?,
                })
            })
            .map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)
    }

    /// Marks a consequence of a period done with a note, or (`done` false) not done.
    pub fn mark_action(
        &mut self,
        id: DraftId,
        period: &str,
        consequence: &str,
        note: &str,
        done: bool,
    ) -> Result<(), StoreError> {
        let doing = format!("marking {consequence} of {period} in draft {id}");
        self.write(&doing, |tx, path| {
            require_draft(tx, path, id, &doing)?;
            let result = if done {
                tx.execute(
                    "INSERT INTO review_actions (draft_id, period, consequence, note, done_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (draft_id, period, consequence) DO UPDATE
                     SET note = excluded.note, done_at = excluded.done_at",
                    params![id, period, consequence, note, now()],
                )
            } else {
                tx.execute(
                    "DELETE FROM review_actions
                     WHERE draft_id = ?1 AND period = ?2 AND consequence = ?3",
                    params![id, period, consequence],
                )
            };
            result.map_err(|e| sqlite(path, doing.clone(), e))?;
            Ok(())
        })
    }

    /// The consequences of draft `id` marked done, by period.
    pub fn done_actions(&self, id: DraftId) -> Result<Vec<DoneAction>, StoreError> {
        let fail = |e| sqlite(&self.path, format!("reading the actions of draft {id}"), e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT period, consequence, note, done_at FROM review_actions
                 WHERE draft_id = ?1 ORDER BY period, consequence",
            )
            .map_err(fail)?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(DoneAction {
                    period: r.get(0)?,
                    consequence: r.get(1)?,
                    note: r.get(2)?,
                    done_at: r.get(3)?,
                })
            })
            .map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)
    }

    fn select_results(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
        doing: &str,
    ) -> Result<Vec<PeriodResult>, StoreError> {
        let fail = |e| sqlite(&self.path, doing, e);
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {RESULT_COLUMNS} FROM review_results r
                 LEFT JOIN review_imports i ON i.id = r.import_id WHERE {condition}"
            ))
            .map_err(fail)?;
        let rows = stmt.query_map(params, result_from_row).map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)
    }
}

fn upsert_actual(
    tx: &Transaction,
    id: DraftId,
    period: &str,
    entered: &NewActual,
    at: &str,
) -> rusqlite::Result<usize> {
    tx.execute(
        "INSERT INTO review_actuals
             (draft_id, period, metric_id, value, entered_by, note, entered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (draft_id, period, metric_id) DO UPDATE
         SET value = excluded.value, entered_by = excluded.entered_by,
             note = excluded.note, entered_at = excluded.entered_at",
        params![
            id,
            period,
            entered.metric_id,
            entered.value,
            entered.entered_by,
            entered.note,
            at
        ],
    )
}

fn read_result(
    tx: &Transaction,
    path: &std::path::Path,
    id: i64,
) -> Result<PeriodResult, StoreError> {
    tx.prepare_cached(&format!(
        "SELECT {RESULT_COLUMNS} FROM review_results r
         LEFT JOIN review_imports i ON i.id = r.import_id WHERE r.id = ?1"
    ))
    .and_then(|mut s| s.query_row([id], result_from_row))
    .map_err(|e| sqlite(path, "reading the saved review", e))
}

fn result_from_row(r: &Row) -> rusqlite::Result<PeriodResult> {
    let import = match r.get::<_, Option<i64>>(8)? {
        Some(import_id) => Some(ImportInfo {
            id: import_id,
            file_name: r.get(9)?,
            fingerprint: r.get(10)?,
            format: r.get(11)?,
            row_count: r.get::<_, i64>(12)? as u64,
            imported_at: r.get(13)?,
        }),
        None => None,
    };
    Ok(PeriodResult {
        id: r.get(0)?,
        period: r.get(1)?,
        version: r.get(2)?,
        definition_json: r.get(3)?,
        mapping_json: r.get(4)?,
        figures_json: r.get(5)?,
        computed_at: r.get(6)?,
        replaced_at: r.get(7)?,
        import,
    })
}

fn require_draft(
    tx: &Transaction,
    path: &std::path::Path,
    id: DraftId,
    doing: &str,
) -> Result<(), StoreError> {
    let exists: bool = tx
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM drafts WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )
        .map_err(|e| sqlite(path, doing, e))?;
    if exists {
        Ok(())
    } else {
        Err(StoreError::DraftNotFound(id))
    }
}
