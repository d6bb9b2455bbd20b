//! A CRM's lead or deal export, read into [`Lead`]s through a [`Mapping`] of its columns.

mod lead;
mod mapping;

pub use lead::{Lead, StageClass};
pub use mapping::Mapping;
