//! What the store hands out: a draft's summary, a draft with its agreement, a line of history.

use serde::Serialize;
use sla_model::Agreement;

/// A draft's number, unique in its database and never reused, even after the trash is emptied,
/// so a remembered id can never open somebody else's draft.
pub type DraftId = i64;

/// One draft as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftInfo {
    pub id: DraftId,
    pub title: String,
    /// The marketing department's name.
    pub marketing: String,
    /// The sales department's name.
    pub sales: String,
    /// The version these fields describe: the latest, except in a [`Draft`] read with
    /// `get_version`, where it is the version read.
    pub version: u32,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// When the version described was saved; RFC 3339, UTC.
    pub updated_at: String,
    /// When the draft was moved to the trash; `None` while it is not there.
    pub trashed_at: Option<String>,
}

/// A draft with the full agreement of one of its versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub info: DraftInfo,
    pub agreement: Agreement,
}

/// One saved version of a draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionInfo {
    pub version: u32,
    /// RFC 3339, UTC.
    pub saved_at: String,
    pub title: String,
    /// Why the version exists when it was not an ordinary save: "renamed", "restored from version
    /// 3", "imported from FILE"; empty for an ordinary save.
    pub note: String,
    /// Whether the version is kept as it is: it was exported or signed, so its number stands for
    /// exactly this content and autosave never replaces it.
    pub kept: bool,
}

/// An RFC 3339 time as people read it in a message: "2026-12-02 00:51:07 UTC". Text that is not
/// such a time is shown as it is.
pub(crate) fn plain_time(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => t
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%d %H:%M:%S UTC")
            .to_string(),
        Err(_) => rfc3339.to_string(),
    }
}
