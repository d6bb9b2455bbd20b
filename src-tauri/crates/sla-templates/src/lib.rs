//! Agreements to start from. The built-in ones cover the common ways of selling (inbound B2B,
//! outbound and account-based, a B2C call centre, long-cycle projects and tenders, partner
//! leads) and a blank one; a company adds its own by putting files in the `templates` folder
//! beside the store. A template is data: an agreement as the app reads it, wrapped with a name and
//! a line on when to choose it ([`file`]). Every template, built-in or not, is checked on load, so
//! a person never starts from one the checks would refuse.

mod builtin;
mod catalogue;
pub mod file;

pub use builtin::BUILT_IN;
pub use catalogue::{Catalogue, Listed, Origin, Problem, TemplateError, USER_FOLDER};
pub use file::{About, TemplateFile};
pub use sla_model::blank;

/// A built-in template's agreement exactly as it ships, its example id included: what tests,
/// examples and benchmarks build on.
pub fn example(name: &str, language: sla_model::Language) -> Option<sla_model::Agreement> {
    Catalogue::built_in()
        .file(name, language)
        .map(|t| t.agreement.clone())
}
