//! The SLA Studio agreement: the types the wizard edits, the JSON interchange format with its
//! schema, and the errors a person sees when a file does not fit it.

pub mod agreement;
mod blank;
pub mod interchange;
pub mod negotiation;
pub mod schema;

pub use agreement::*;
pub use blank::blank;
pub use interchange::{
    from_bytes, from_json, read_file, to_canonical_json, to_json_pretty, Location, ReadError,
};
pub use negotiation::{fingerprint, merge_comments, BaseVersion, Message, Negotiation, Thread};

/// A new agreement identifier.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
