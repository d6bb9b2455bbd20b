//! The guidance SLA Studio gives, shared by the wizard, the CLI and the PDF export: the article's
//! rules as checks, a library of proven metrics with their reasons and sources,
//! and the funnel calculator that turns a revenue goal into a lead target.

pub mod checks;
pub mod funnel;
pub mod library;
