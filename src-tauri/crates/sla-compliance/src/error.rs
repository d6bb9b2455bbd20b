//! Why a period cannot be computed or reviewed; each names what to correct.

use chrono::NaiveDate;

use crate::Period;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ComplianceError {
    #[error("deadlines.calendar.timezone: `{zone}` is not an IANA time zone; write one such as Europe/Moscow or America/New_York")]
    UnknownTimeZone { zone: String },
    #[error("{field}: `{value}` is not a time of day; write it as HH:MM, e.g. 09:00")]
    BadTimeOfDay { field: &'static str, value: String },
    #[error("deadlines.calendar: the working day ends ({end}) before it starts ({start}); working days that cross midnight are not supported")]
    DayEndsBeforeItStarts { start: String, end: String },
    #[error("deadlines.calendar.workdays: {day} is not a weekday; use 1 (Monday) to 7 (Sunday)")]
    BadWorkday { day: u8 },
    #[error(
        "deadlines.calendar.workdays is empty; business time needs at least one working weekday"
    )]
    NoWorkdays,
    #[error("period {period} is outside the agreement's term ({first} to {last})")]
    OutsideTerm {
        period: Period,
        first: NaiveDate,
        last: NaiveDate,
    },
    #[error("{what} names metric `{metric_id}`, which the agreement does not have")]
    UnknownMetric {
        what: &'static str,
        metric_id: String,
    },
    #[error("hand-entered figure for metric `{metric_id}` in {period} is {value}; it must be a finite number")]
    BadManualValue {
        metric_id: String,
        period: Period,
        value: f64,
    },
    #[error("metric `{metric_id}` is measured in {unit}; {measure} needs {needs}")]
    MeasureDoesNotFit {
        metric_id: String,
        unit: String,
        measure: &'static str,
        needs: &'static str,
    },
}
