//! Which computation gives a metric's figure, read from what the agreement already says about it
//! (kind, the lead flow, unit, and a few words of its name and definition), the way the funnel
//! calculator pairs a flow's volume with its quality. The person confirms or corrects the guess
//! in the mapping; a correction is an override by metric id.
//!
//! The rules, first match wins:
//! 1. Mentions contact attempts ("attempt", "попыт"): a percentage is [`Measure::ShareWithAttempts`]
//!    with the first whole number of the definition as the threshold ("at least 5 attempts"), a
//!    count is [`Measure::AttemptsBeforeRecycling`].
//! 2. Flow `rejected` in percent: [`Measure::RejectedWithReason`].
//! 3. Volume in a count: flow `mql` is [`Measure::Delivered`], flow `sql`, `sal` or `accepted` is
//!    [`Measure::Accepted`]; per rep when the name or definition says so (see [`PER_REP`]).
//! 4. Quality in percent on flow `mql`, `sql`, `sal` or `accepted`: [`Measure::AcceptanceRate`].
//! 5. Speed in a time unit whose name or definition speaks of contact, a call or a response:
//!    [`Measure::TimeToFirstContact`]. Other speeds (routing, decision time) need times an
//!    export's lead row does not carry, so they are entered by hand.
//! 6. Anything else: [`Measure::Manual`].

use std::collections::BTreeMap;

use sla_model::{Agreement, Metric, MetricKind, Unit};

use crate::{ComplianceError, Measure};

/// The person's corrections to the inferred measures, by metric id.
pub type Overrides = BTreeMap<String, Measure>;

/// Words in a metric's name or definition that make a count "per rep": the total divided by the
/// reps who own leads in the period.
pub const PER_REP: &[&str] = &[
    "per rep",
    "per sales rep",
    "per full-time rep",
    "per salesperson",
    "per seller",
    "per account executive",
    "на менеджера",
    "на одного менеджера",
    "на одного штатного менеджера",
    "на продавца",
    "на одного продавца",
];

const ATTEMPTS: &[&str] = &["attempt", "попыт"];
const CONTACT: &[&str] = &[
    "contact",
    "call",
    "respon",
    "reach",
    "контакт",
    "звон",
    "связ",
    "отклик",
    "реакц",
];

/// The measure inferred for a metric, before any override.
pub fn measure_of(metric: &Metric) -> Measure {
    let words = format!("{} {} {}", metric.id, metric.name, metric.definition).to_lowercase();
    let says = |list: &[&str]| list.iter().any(|w| words.contains(w));
    let flow = metric.flow.trim().to_lowercase();
    let accepted_flow = matches!(flow.as_str(), "sql" | "sal" | "accepted");
    let per_rep = {
        let text = format!("{} {}", metric.name, metric.definition).to_lowercase();
        PER_REP.iter().any(|w| text.contains(w))
    };

    if says(ATTEMPTS) {
        return match metric.unit {
            Unit::Percent => first_whole_number(&metric.definition)
                .map(|at_least| Measure::ShareWithAttempts { at_least })
                .unwrap_or(Measure::Manual),
            Unit::Count => Measure::AttemptsBeforeRecycling,
            _ => Measure::Manual,
        };
    }
    if flow == "rejected" && metric.unit == Unit::Percent {
        return Measure::RejectedWithReason;
    }
    match (metric.kind, metric.unit) {
        (MetricKind::Volume, Unit::Count) if flow == "mql" => Measure::Delivered { per_rep },
        (MetricKind::Volume, Unit::Count) if accepted_flow => Measure::Accepted { per_rep },
        (MetricKind::Quality, Unit::Percent) if flow == "mql" || accepted_flow => {
            Measure::AcceptanceRate
        }
        (MetricKind::Speed, unit) if is_time(unit) && says(CONTACT) => Measure::TimeToFirstContact,
        _ => Measure::Manual,
    }
}

/// Every metric's measure in the agreement's order: the override where the person gave one,
/// the inference otherwise. An override for a metric the agreement lacks, or one that does not fit
/// the metric's unit, is an error.
pub fn measures(
    agreement: &Agreement,
    overrides: &Overrides,
) -> Result<Vec<(String, Measure)>, ComplianceError> {
    if let Some(id) = overrides
        .keys()
        .find(|id| !agreement.metrics().any(|(_, m)| &m.id == *id))
    {
        return Err(ComplianceError::UnknownMetric {
            what: "the measure mapping",
            metric_id: id.clone(),
        });
    }
    agreement
        .metrics()
        .map(|(_, metric)| {
            let measure = match overrides.get(&metric.id) {
                Some(&chosen) => {
                    fits(metric, chosen)?;
                    chosen
                }
                None => measure_of(metric),
            };
            Ok((metric.id.clone(), measure))
        })
        .collect()
}

fn is_time(unit: Unit) -> bool {
    matches!(
        unit,
        Unit::Minutes | Unit::Hours | Unit::BusinessHours | Unit::Days
    )
}

/// A chosen measure gives a figure the metric's unit can hold.
fn fits(metric: &Metric, measure: Measure) -> Result<(), ComplianceError> {
    let (name, needs, ok) = match measure {
        Measure::Delivered { .. } | Measure::Accepted { .. } => {
            ("a lead count", "a count", metric.unit == Unit::Count)
        }
        Measure::AcceptanceRate
        | Measure::RejectedWithReason
        | Measure::ShareWithAttempts { .. } => {
            ("a share of leads", "percent", metric.unit == Unit::Percent)
        }
        Measure::TimeToFirstContact => (
            "time to first contact",
            "minutes, hours, business hours or days",
            is_time(metric.unit),
        ),
        Measure::AttemptsBeforeRecycling => (
            "a number of attempts",
            "a count",
            metric.unit == Unit::Count,
        ),
        Measure::Manual => ("", "", true),
    };
    if ok {
        Ok(())
    } else {
        Err(ComplianceError::MeasureDoesNotFit {
            metric_id: metric.id.clone(),
            unit: serde_json::to_value(metric.unit)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            measure: name,
            needs,
        })
    }
}

/// The first run of digits in the text, e.g. 5 in "at least 5 logged contact attempts".
fn first_whole_number(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_number_of_a_definition() {
        assert_eq!(
            first_whole_number(
                "Share of MQLs with at least 5 logged contact attempts within 10 days"
            ),
            Some(5)
        );
        assert_eq!(first_whole_number("не менее 12 попыток"), Some(12));
        assert_eq!(first_whole_number("no digits"), None);
    }
}
