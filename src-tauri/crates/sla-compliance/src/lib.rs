//! The living agreement: each period's figure for every metric, computed per lead from a CRM
//! export or entered by hand, compared with the agreement's targets, and the consequences the
//! agreement defines that now apply.

mod period;
mod results;

pub use period::Period;
pub use results::*;
