//! Which column of an export holds what, and which stage values mean what. Saved with the
//! agreement's reviews; written as JSON for the CLI (`--mapping MAP.json`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Column names are the export's header cells, matched after trimming and ignoring case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The lead's or deal's id.
    pub id: String,
    /// The responsible sales rep.
    #[serde(default)]
    pub owner: Option<String>,
    /// When the lead was created; places it in a period.
    pub created: String,
    /// The stage or status.
    #[serde(default)]
    pub stage: Option<String>,
    /// Stage values meaning "delivered to sales as MQL".
    #[serde(default)]
    pub mql_values: Vec<String>,
    /// Stage values meaning "accepted by sales".
    #[serde(default)]
    pub accepted_values: Vec<String>,
    /// Stage values meaning "rejected by sales".
    #[serde(default)]
    pub rejected_values: Vec<String>,
    /// Exports that record qualification as dates (HubSpot's "Became a Marketing Qualified Lead
    /// Date"): a lead with a date here was delivered.
    #[serde(default)]
    pub mql_date: Option<String>,
    /// A lead with a date here was accepted ("Became a Sales Qualified Lead Date").
    #[serde(default)]
    pub accepted_date: Option<String>,
    #[serde(default)]
    pub rejection_reason: Option<String>,
    /// When sales first contacted the lead.
    #[serde(default)]
    pub first_contact: Option<String>,
    /// How many times sales tried to reach the lead.
    #[serde(default)]
    pub attempts: Option<String>,
}
