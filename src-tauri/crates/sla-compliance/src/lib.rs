//! The living agreement: each period's figure for every metric, computed per lead from a CRM
//! export or entered by hand, compared with the agreement's targets, and the consequences the
//! agreement defines that now apply.
//!
//! [`compute_period`] turns an export's leads into a period's [`PeriodFigures`]; [`review`] turns
//! the periods computed so far into the [`Review`] of one of them. [`BusinessClock`] counts working
//! time per the agreement's calendar; [`measure_of`] says how a metric's figure is computed.

mod business_time;
mod compliance;
mod compute;
mod consequences;
mod error;
mod measure;
mod period;
mod results;
mod words;

pub use business_time::BusinessClock;
pub use compliance::{achieved_percent, review};
pub use compute::{
    check_term, compute_period, median, meets, percentile, periods_in_export, term_days,
    EXACT_TOLERANCE,
};
pub use error::ComplianceError;
pub use measure::{measure_of, measures, Overrides, PER_REP};
pub use period::Period;
pub use results::*;
