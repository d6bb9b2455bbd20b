//! Drafts kept on this machine, in one SQLite file shared by the app and the command line.
//!
//! Every save is one transaction that appends a version, so any earlier version can be brought
//! back and a crash at any moment leaves the last completed save intact. The one exception is
//! autosave: within a couple of minutes of its previous save it puts the edits in place of the
//! version that save added, never of a version that was kept (exported or signed).
//! Deleted drafts go to a trash first and are removed for good only when the trash is emptied.
//! A signed agreement's reviews (figures per period, entered figures, actions done) are kept
//! beside its draft and go with it.

mod background;
mod error;
mod location;
mod page;
mod records;
mod reviews;
mod schema;
mod search;
mod store;

pub use error::StoreError;
pub use location::{DATABASE_FILE_NAME, DATA_DIR_ENV};
pub use page::{Cursor, Page, PageRequest, MAX_PAGE};
pub use records::{Draft, DraftId, DraftInfo, VersionInfo};
pub use reviews::{
    DoneAction, EnteredActual, ImportInfo, NewActual, NewImport, NewPeriodResult, PeriodResult,
};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use store::{AutosaveWindows, Store};
