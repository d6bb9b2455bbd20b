//! The one error type the UI sees. Each core crate's error converts into it; it serialises as
//! `{ kind, message, field? }` so the form can show the message beside the field that caused it.

use serde::ser::SerializeStruct;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] sla_store::StoreError),
    #[error(transparent)]
    Read(#[from] sla_model::ReadError),
    #[error(transparent)]
    Template(#[from] sla_guidance::templates::TemplateError),
    #[error(transparent)]
    Funnel(#[from] sla_guidance::funnel::FunnelError),
    #[error(transparent)]
    Pdf(#[from] sla_pdf::PdfError),
    #[error(transparent)]
    Signing(#[from] sla_signing::SignError),
    #[error("{0}")]
    Io(String),
}

impl Error {
    /// A stable, machine-readable name for the kind of failure.
    fn kind(&self) -> &'static str {
        match self {
            Error::Store(_) => "store",
            Error::Read(_) => "invalid_agreement",
            Error::Template(_) => "unknown_template",
            Error::Funnel(_) => "invalid_funnel_input",
            Error::Pdf(_) => "pdf",
            Error::Signing(_) => "signing",
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
        let mut s = serializer.serialize_struct("Error", 3)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        s.serialize_field("field", &self.field())?;
        s.end()
    }
}

pub type Result<T> = std::result::Result<T, Error>;
