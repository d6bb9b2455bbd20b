//! One lead (or deal) of an export, in the terms the agreement's metrics are computed in.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a lead stands in the hand-over from marketing to sales, from its stage or status value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageClass {
    /// Delivered to sales as marketing-qualified, not yet accepted or rejected.
    Delivered,
    /// Accepted by sales (sales-qualified or further). Accepted leads were delivered.
    Accepted,
    /// Rejected by sales. Rejected leads were delivered.
    Rejected,
}

/// One row of an export: a lead or deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lead {
    /// 1-based row number in the file, the header being row 1: for messages.
    pub row: usize,
    pub id: String,
    /// The responsible sales rep; empty when the export has no owner column or the cell is empty.
    pub owner: String,
    pub created: DateTime<Utc>,
    /// The stage or status value as written in the export.
    pub stage: String,
    /// `None` when the stage value is none of the mapped ones (e.g. a raw inquiry not yet
    /// qualified): such a lead was not delivered to sales.
    pub class: Option<StageClass>,
    pub rejection_reason: Option<String>,
    pub first_contact: Option<DateTime<Utc>>,
    pub attempts: Option<u32>,
}

impl Lead {
    /// Delivered to sales: marketing-qualified, whatever sales did with it since.
    pub fn delivered(&self) -> bool {
        self.class.is_some()
    }
}
