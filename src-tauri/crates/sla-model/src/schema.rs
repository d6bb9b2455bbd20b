//! The JSON Schema of the interchange format, generated from the types. The checked-in copy
//! (`agreement.schema.json` beside this crate) is what other tools validate against; a test keeps
//! it equal to what the types generate.

use crate::agreement::Agreement;

/// The JSON Schema for [`Agreement`], pretty-printed with a trailing newline.
pub fn agreement_schema_json() -> String {
    let schema = schemars::schema_for!(Agreement);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

/// The checked-in schema file.
pub const CHECKED_IN_SCHEMA: &str = include_str!("../agreement.schema.json");
