//! The guidance SLA Studio gives: ready agreements to start from, and (in later modules) the
//! checks an experienced revenue-operations lead would make.

pub mod templates;
