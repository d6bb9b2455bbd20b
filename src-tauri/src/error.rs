//! The one error type the UI sees. Each core crate's error converts into it; it serialises as
//! `{ kind, message, field? }` so the form can show the message beside the field that caused it;
//! a save refused because another window or command saved first is kind `conflict` and carries
//! `conflict: { id, base, latest, saved_at, note }`, so the window can show both versions.

use serde::ser::SerializeStruct;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] sla_store::StoreError),
    #[error(transparent)]
    Read(#[from] sla_model::ReadError),
    #[error(transparent)]
    Template(#[from] sla_templates::TemplateError),
    #[error(transparent)]
    Funnel(#[from] sla_guidance::funnel::FunnelError),
    #[error(transparent)]
    Pdf(#[from] sla_pdf::PdfError),
    #[error(transparent)]
    Signing(#[from] sla_signing::SignError),
    #[error(transparent)]
    Backup(#[from] sla_backup::BackupError),
    #[error(transparent)]
    Export(#[from] sla_crm_export::ReadError),
    #[error(transparent)]
    Compliance(#[from] sla_compliance::ComplianceError),
    #[error(transparent)]
    Report(#[from] sla_review_report::ReportError),
    #[error(transparent)]
    Calendar(#[from] sla_review_calendar::CalendarError),
    /// A proposal that cannot be merged as asked: another agreement's file, a change or
    /// conflict the proposal does not have, a conflict left unsettled.
    #[error(transparent)]
    Proposal(sla_proposals::ProposalError),
    /// The store was found damaged and set aside; until the person restores a backup or starts
    /// a new store, nothing is saved (the window keeps the edits in memory).
    #[error("the drafts database is closed: it was found damaged and set aside; restore a backup or start a new one to save again")]
    StoreUnavailable,
    /// An import of a period that already has figures from an export, not asked to replace
    /// them: the message names the period and what would change; nothing was stored.
    #[error("{0}")]
    WouldReplace(String),
    #[error("{0}")]
    Io(String),
}

impl From<sla_proposals::ProposalError> for Error {
    fn from(e: sla_proposals::ProposalError) -> Error {
        match e {
            // A save refused as any other save is: kind `conflict`, `disk_full`, ...
            sla_proposals::ProposalError::Store(e) => Error::Store(e),
            other => Error::Proposal(other),
        }
    }
}

impl Error {
    /// A stable, machine-readable name for the kind of failure.
    fn kind(&self) -> &'static str {
        match self {
            Error::Store(sla_store::StoreError::Conflict { .. }) => "conflict",
            // The window keeps what could not be saved and says why in plain words.
            Error::Store(sla_store::StoreError::DiskFull { .. }) => "disk_full",
            Error::Store(sla_store::StoreError::ReadOnly { .. }) => "read_only",
            Error::Store(_) => "store",
            Error::Read(_) => "invalid_agreement",
            Error::Template(_) => "unknown_template",
            Error::Funnel(_) => "invalid_funnel_input",
            Error::Pdf(_) => "pdf",
            Error::Signing(_) => "signing",
            Error::Backup(_) => "backup",
            Error::Export(_) => "export_file",
            Error::Compliance(_) => "review",
            Error::Proposal(_) => "proposal",
            Error::Report(_) => "report",
            Error::Calendar(_) => "calendar",
            Error::StoreUnavailable => "store_unavailable",
            Error::WouldReplace(_) => "would_replace",
            Error::Io(_) => "io",
        }
    }

    /// The field the error is about, in the model's path syntax, when there is one.
    fn field(&self) -> Option<&str> {
        match self {
            Error::Read(sla_model::ReadError::Invalid { at, .. }) if !at.path.is_empty() => {
                Some(&at.path)
            }
            _ => None,
        }
    }
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Error", 4)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        s.serialize_field("field", &self.field())?;
        if let Error::Store(sla_store::StoreError::Conflict {
            id,
            base,
            latest,
            saved_at,
            note,
        }) = self
        {
            s.serialize_field(
                "conflict",
                &serde_json::json!({
                    "id": id, "base": base, "latest": latest, "saved_at": saved_at, "note": note,
                }),
            )?;
        } else {
            s.skip_field("conflict")?;
        }
        s.end()
    }
}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::Error;
    use sla_store::StoreError;

    #[test]
    fn a_conflict_reaches_the_window_with_its_kind_and_versions() {
        let conflict = Error::Store(StoreError::Conflict {
            id: 7,
            base: 3,
            latest: 5,
            saved_at: "2027-01-10T14:05:00.000001Z".into(),
            note: "imported from /tmp/a.sla.json".into(),
        });
        let json = serde_json::to_value(&conflict).unwrap();
        assert_eq!(json["kind"], "conflict");
        assert_eq!(
            json["message"],
            "draft 7 was changed elsewhere while this was being edited: version 5 was saved at \
             2027-01-10 14:05:00 UTC by another window or command (imported from /tmp/a.sla.json), \
             after version 3 that this save was based on; nothing was saved, so neither is lost"
        );
        assert_eq!(
            json["conflict"],
            serde_json::json!({
                "id": 7, "base": 3, "latest": 5,
                "saved_at": "2027-01-10T14:05:00.000001Z", "note": "imported from /tmp/a.sla.json",
            })
        );
        // Other errors carry no such field.
        let other = serde_json::to_value(Error::Store(StoreError::DraftNotFound(7))).unwrap();
        assert_eq!(other["kind"], "store");
        assert!(other.get("conflict").is_none());
    }
}
