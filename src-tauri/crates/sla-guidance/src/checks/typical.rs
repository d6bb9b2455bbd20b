//! Targets far from what the sources report as usual. A library metric carries the range its
//! source gives (HBR's response times, HubSpot's lead volumes, the call-centre 80/20 convention);
//! a target far outside it is either a typing slip or a promise no team keeps, and one far on
//! the easy side motivates nothing. The finding cites the metric's own source.

use sla_model::{Agreement, Comparator, Unit};

use super::metrics::label;
use super::{metric_path, Findings, *};
use crate::library;

/// How far outside the range a target may be: 15 points for a percentage, a factor of two for
/// anything else.
const PERCENT_MARGIN: f64 = 15.0;
const FACTOR: f64 = 2.0;

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    for (i, c) in a.commitments.iter().enumerate() {
        for (j, m) in c.metrics.iter().enumerate() {
            let Some(entry) = library::find(&m.id, a.language) else {
                continue;
            };
            let Some(range) = entry.typical else { continue };
            // A target that cannot work at all (120%, zero minutes, at least 0) already has its
            // finding; one clear message per target.
            let field = format!("{}.target", metric_path(i, j));
            let impossible = !m.target.is_finite()
                || out.out.iter().any(|f| {
                    f.field == field
                        && [
                            TARGET_OUT_OF_RANGE.id,
                            TARGET_UNATTAINABLE.id,
                            TARGET_ALWAYS_MET.id,
                        ]
                        .contains(&f.id)
                });
            // The range is for the metric as the library defines it: the same unit and direction.
            let redefined = entry.metric.unit != m.unit || entry.metric.comparator != m.comparator;
            if redefined || impossible || m.comparator == Comparator::Exactly {
                continue;
            }
            let (low, high) = if m.unit == Unit::Percent {
                (range.low - PERCENT_MARGIN, range.high + PERCENT_MARGIN)
            } else {
                (range.low / FACTOR, range.high * FACTOR)
            };
            let direction = if m.target > high {
                "above"
            } else if m.target < low {
                "below"
            } else {
                continue;
            };
            // Which side is the demanding one depends on the comparator: a high minimum and a low
            // maximum are hard to meet, the other two are too easy.
            let demanding = (direction == "above") == (m.comparator == Comparator::AtLeast);
            let suggestion = if direction == "above" {
                range.high
            } else {
                range.low
            };
            out.add_citing(
                TARGET_FAR_FROM_TYPICAL,
                field,
                &[
                    ("metric", label(m).into()),
                    ("target", m.target.into()),
                    ("low", range.low.into()),
                    ("high", range.high.into()),
                    ("unit", super::targets::unit_key(m.unit).into()),
                    ("direction", direction.into()),
                    ("demanding", if demanding { "yes" } else { "no" }.into()),
                    ("suggestion", suggestion.into()),
                ],
                // The source as the person reads the interface, whatever the agreement's language.
                library::find(&m.id, out.messages.language())
                    .map_or(entry.source.as_str(), |e| e.source.as_str()),
            );
        }
    }
}
