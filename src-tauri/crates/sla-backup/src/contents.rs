//! What a backup holds, draft by draft: enough to tell which salvaged drafts it lacks.

use std::collections::HashMap;
use std::path::Path;

use crate::error::sqlite;
use crate::snapshot::open_read_only;
use crate::BackupError;

/// The latest version of every draft in the backup (or store) at `file`, by draft id.
pub fn latest_versions(file: &Path) -> Result<HashMap<i64, u32>, BackupError> {
    let conn = open_read_only(file)?;
    let reading = "reading the drafts of";
    let mut stmt = conn
        .prepare("SELECT id, latest_version FROM drafts")
        .map_err(|e| sqlite(reading, file, e))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, u32>(1)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<HashMap<_, _>>>())
        .map_err(|e| sqlite(reading, file, e))?;
    Ok(rows)
}
