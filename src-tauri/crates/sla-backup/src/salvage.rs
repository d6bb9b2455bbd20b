//! Reading what can still be read of a damaged store, row by row, skipping what fails. The
//! bundled SQLite has no recovery extension (`sqlite3_recover` is not in the amalgamation), so
//! this reads the `versions` table through ordinary queries, each row on its own, jumping over
//! stretches of the table SQLite cannot reach. It works on a copy: the damaged file is never
//! opened for writing.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use sla_model::Agreement;

use crate::error::io;
use crate::fsutil::{with_suffix, write_atomically};
use crate::BackupError;

/// What could be read of a damaged store.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Salvage {
    /// Each draft whose versions could be read, at its newest readable version, by draft id.
    pub drafts: Vec<SalvagedDraft>,
    /// What could not be read, in words.
    pub problems: Vec<String>,
}

/// A draft read back from a damaged store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalvagedDraft {
    /// Its id in the damaged store.
    pub draft_id: i64,
    /// The newest of its versions that could be read.
    pub version: u32,
    pub title: String,
    /// When that version was saved (RFC 3339, UTC), as the store recorded it.
    pub saved_at: String,
    /// Whether the draft was in the trash (false when that could not be read).
    pub in_trash: bool,
    pub agreement: Agreement,
}

/// The 16 bytes every SQLite file starts with.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Past this many unreadable row ids in a row, the rest of the table is reached by jumps.
const MAX_GAP_PROBES: i64 = 4096;

/// Reads what it can of the drafts database at `path` (with its `-wal` beside it, when there is
/// one). Never fails: what cannot be read is named in [`Salvage::problems`].
pub fn salvage(path: &Path) -> Salvage {
    let mut problems = vec![];
    let drafts = match salvage_copy(path, &mut problems) {
        Ok(drafts) => drafts,
        Err(problem) => {
            problems.push(problem);
            vec![]
        }
    };
    Salvage { drafts, problems }
}

fn salvage_copy(path: &Path, problems: &mut Vec<String>) -> Result<Vec<SalvagedDraft>, String> {
    let work = tempfile::tempdir().map_err(|e| format!("no temporary folder to work in: {e}"))?;
    let copy = work.path().join("salvage.sqlite3");
    std::fs::copy(path, &copy).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let wal = with_suffix(path, "-wal");
    if wal.exists() {
        // Saves not yet checkpointed live only in the log.
        if let Err(e) = std::fs::copy(&wal, with_suffix(&copy, "-wal")) {
            problems.push(format!(
                "its log {} could not be read ({e}); the latest saves may be missing",
                wal.display()
            ));
        }
    }
    if let Some(repair) =
        repair_header(&copy).map_err(|e| format!("cannot repair the copy: {e}"))?
    {
        problems.push(repair);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&copy, flags)
        .map_err(|e| format!("SQLite cannot open it at all ({e})"))?;
    let versions = read_versions(&conn, problems).map_err(|e| {
        format!("its list of tables cannot be read ({e}); nothing could be salvaged")
    })?;
    let trashed = read_trashed(&conn, problems);

    // The newest version of each draft whose agreement reads.
    let mut by_draft: BTreeMap<i64, Vec<VersionRow>> = BTreeMap::new();
    for row in versions {
        by_draft.entry(row.draft_id).or_default().push(row);
    }
    let mut drafts = vec![];
    for (draft_id, mut rows) in by_draft {
        rows.sort_by_key(|r| std::cmp::Reverse(r.version));
        let newest = rows[0].version;
        let mut found = None;
        for row in rows {
            match sla_model::from_json(&row.agreement_json) {
                Ok(agreement) => {
                    found = Some((row, agreement));
                    break;
                }
                Err(e) => problems.push(format!(
                    "draft {draft_id} version {}: its agreement does not read ({e})",
                    row.version
                )),
            }
        }
        let Some((row, agreement)) = found else {
            continue;
        };
        if row.version != newest {
            problems.push(format!(
                "draft {draft_id}: version {newest} is unreadable; version {} was salvaged",
                row.version
            ));
        }
        drafts.push(SalvagedDraft {
            draft_id,
            version: row.version,
            title: row.title,
            saved_at: row.saved_at,
            in_trash: trashed.contains(&draft_id),
            agreement,
        });
    }
    Ok(drafts)
}

struct VersionRow {
    draft_id: i64,
    version: u32,
    saved_at: String,
    title: String,
    agreement_json: String,
}

/// Every row of `versions` SQLite can still read, each by its row id, so one bad row or page
/// costs only what is on it. `Err` only when the table cannot be found at all.
fn read_versions(
    conn: &Connection,
    problems: &mut Vec<String>,
) -> rusqlite::Result<Vec<VersionRow>> {
    // Fails when the schema (on the first page) is unreadable: then there is no table to read.
    conn.prepare("SELECT rowid FROM versions LIMIT 0")?;
    let next_rowid = |from: i64| -> rusqlite::Result<Option<i64>> {
        conn.query_row(
            "SELECT rowid FROM versions WHERE rowid >= ?1 ORDER BY rowid LIMIT 1",
            [from],
            |r| r.get(0),
        )
        .optional()
    };
    let read_row = |rowid: i64| -> rusqlite::Result<Option<VersionRow>> {
        conn.query_row(
            "SELECT draft_id, version, saved_at, title, agreement_json FROM versions WHERE rowid = ?1",
            [rowid],
            |r| {
                Ok(VersionRow {
                    draft_id: r.get(0)?,
                    version: r.get(1)?,
                    saved_at: r.get(2)?,
                    title: r.get(3)?,
                    agreement_json: r.get(4)?,
                })
            },
        )
        .optional()
    };
    let mut rows = vec![];
    let mut unreadable = 0usize;
    let mut from = i64::MIN;
    loop {
        match next_rowid(from) {
            Ok(None) => break,
            Ok(Some(rowid)) => {
                match read_row(rowid) {
                    Ok(Some(row)) => rows.push(row),
                    Ok(None) => {}
                    Err(_) => unreadable += 1,
                }
                if rowid == i64::MAX {
                    break;
                }
                from = rowid + 1;
            }
            Err(_) => {
                // SQLite cannot walk past this point of the table: look for readable rows one
                // id at a time, then by growing jumps.
                let start = from.max(0);
                let mut resumed = None;
                for rowid in start..start + MAX_GAP_PROBES {
                    match read_row(rowid) {
                        Ok(Some(row)) => {
                            rows.push(row);
                            resumed = Some(rowid + 1);
                            break;
                        }
                        Ok(None) => {}
                        Err(_) => unreadable += 1,
                    }
                }
                if resumed.is_none() {
                    let mut jump = MAX_GAP_PROBES;
                    while jump < (1 << 40) {
                        if let Ok(found) = next_rowid(start + jump) {
                            resumed = found;
                            break;
                        }
                        jump *= 2;
                    }
                }
                match resumed {
                    Some(next) if next > from => from = next,
                    _ => {
                        problems.push(format!(
                            "the saved versions after row {start} could not be reached"
                        ));
                        break;
                    }
                }
            }
        }
    }
    if unreadable > 0 {
        problems.push(format!("{unreadable} saved versions could not be read"));
    }
    Ok(rows)
}

/// The drafts in the trash, as far as the `drafts` table can be read.
fn read_trashed(conn: &Connection, problems: &mut Vec<String>) -> Vec<i64> {
    let read = || -> rusqlite::Result<Vec<i64>> {
        let mut stmt = conn.prepare("SELECT id FROM drafts WHERE trashed_at IS NOT NULL")?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect();
        ids
    };
    read().unwrap_or_else(|e| {
        problems.push(format!(
            "which drafts were in the trash could not be read ({e})"
        ));
        vec![]
    })
}

/// Puts right the fields of the file's 100-byte header that damage made impossible, so SQLite
/// can read the pages behind it (it refuses the whole file as "not a database" otherwise). Says
/// what it did, or `None` when the header was whole.
fn repair_header(path: &Path) -> std::io::Result<Option<String>> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?;
    let len = file.metadata()?.len();
    if len < 512 {
        return Ok(None);
    }
    let mut header = [0u8; 100];
    file.read_exact(&mut header)?;
    let original = header;
    header[..16].copy_from_slice(MAGIC);
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let page_size = if page_size.is_power_of_two()
        && (512..=65536).contains(&page_size)
        && len % page_size == 0
    {
        page_size
    } else {
        // SQLite's default first, then the others, the first that divides the file.
        [4096u64, 1024, 2048, 8192, 16384, 32768, 65536, 512]
            .into_iter()
            .find(|size| len % size == 0)
            .unwrap_or(4096)
    };
    let encoded = if page_size == 65536 {
        1u16
    } else {
        page_size as u16
    };
    header[16..18].copy_from_slice(&encoded.to_be_bytes());
    let wal = with_suffix(path, "-wal").exists();
    for i in [18, 19] {
        if !matches!(header[i], 1 | 2) {
            header[i] = if wal { 2 } else { 1 };
        }
    }
    header[21..24].copy_from_slice(&[64, 32, 32]);
    let pages = len / page_size;
    let trunk = u32::from_be_bytes(header[32..36].try_into().unwrap_or_default());
    if u64::from(trunk) > pages {
        header[32..40].fill(0);
    }
    if !(1..=4).contains(&u32::from_be_bytes(
        header[44..48].try_into().unwrap_or_default(),
    )) {
        header[44..48].copy_from_slice(&4u32.to_be_bytes());
    }
    if !(1..=3).contains(&u32::from_be_bytes(
        header[56..60].try_into().unwrap_or_default(),
    )) {
        header[56..60].copy_from_slice(&1u32.to_be_bytes());
    }
    if header == original {
        return Ok(None);
    }
    // Damage that reached the fields above reached the reserved-space byte beside them too; a
    // drafts database reserves none.
    header[20] = 0;
    // The page count in the header is trusted only when the "valid for" number matches the
    // change counter; a mismatch makes SQLite count the pages from the file's size.
    let counter = u32::from_be_bytes(header[24..28].try_into().unwrap_or_default());
    header[92..96].copy_from_slice(&counter.wrapping_add(1).to_be_bytes());
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&header)?;
    Ok(Some(
        "its header was damaged; a copy with a repaired header was read".to_string(),
    ))
}

/// Writes each salvaged draft as `<id>-<title>.sla.json` into `folder` (created when missing),
/// ready for `sla-studio import` or the window's open; returns the files written.
pub fn write_salvaged(
    drafts: &[SalvagedDraft],
    folder: &Path,
) -> Result<Vec<PathBuf>, BackupError> {
    std::fs::create_dir_all(folder).map_err(|e| io("creating the folder", folder, e))?;
    let mut written = vec![];
    for draft in drafts {
        let path = folder.join(format!(
            "{}-{}.sla.json",
            draft.draft_id,
            file_stem(&draft.title)
        ));
        let json = sla_model::to_json_pretty(&draft.agreement) + "\n";
        write_atomically(&path, json.as_bytes(), false)?;
        written.push(path);
    }
    Ok(written)
}

/// A title as part of a file name: letters and digits kept (any script), the rest `-`, at most
/// 60 characters.
fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "draft".to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn titles_become_safe_file_names() {
        assert_eq!(
            file_stem("SLA: Sales / Marketing 2027"),
            "SLA-Sales-Marketing-2027"
        );
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("Соглашение"), "Соглашение");
        assert_eq!(file_stem("///"), "draft");
    }
}
