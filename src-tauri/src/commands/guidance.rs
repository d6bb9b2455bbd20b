//! What the wizard teaches with: the checks, the metric library, the funnel calculator.

use serde::Serialize;
use sla_guidance::checks::{self, Finding};
use sla_guidance::funnel::{self, AppliedTarget, FunnelInput, FunnelResult};
use sla_guidance::library::{self, LibraryMetric};
use sla_model::{Agreement, Language};

use crate::error::Result;

#[tauri::command]
pub fn check_agreement(agreement: Agreement, language: Language) -> Vec<Finding> {
    checks::check(&agreement, language)
}

/// The IANA time zones the calendar check accepts, for the wizard's list.
#[tauri::command]
pub fn time_zones() -> Vec<&'static str> {
    checks::time_zones()
}

#[tauri::command]
pub fn metric_library(language: Language) -> Vec<LibraryMetric> {
    library::metrics(language)
}

#[tauri::command]
pub fn funnel_compute(input: FunnelInput) -> Result<FunnelResult> {
    Ok(funnel::compute(&input)?)
}

#[derive(Serialize)]
pub struct Applied {
    agreement: Agreement,
    applied: AppliedTarget,
}

/// Writes the calculator's MQL figure into the agreement, and the figures it came from into the
/// plan, and hands the changed agreement back; the UI saves it like any other edit, so it is
/// undoable through history.
#[tauri::command]
pub fn funnel_apply(mut agreement: Agreement, input: FunnelInput, result: FunnelResult) -> Applied {
    let applied = funnel::apply(&mut agreement, &input, &result);
    Applied { agreement, applied }
}
