//! Upkeep that can wait for a pause in the saves, done on a thread of its own.
//!
//! Two pieces of work would otherwise land inside an unlucky save. In WAL mode every save
//! appends to the log, and a checkpoint copies the log back into the database so the log can be
//! reused; SQLite runs it inside whichever save pushes the log past its threshold, which then
//! waits for a thousand page copies and two more disk syncs. And the search index keeps each
//! save's words in a small segment of its own that must be merged into larger ones; FTS5 does it
//! inside the saves too, a large merge now and then. Here the search index's automatic merging
//! is off (schema 2 sets `automerge` to 0) and the saving connection only nudges this thread,
//! which merges and checkpoints through a connection of its own once the saves pause.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use crate::schema;

/// How long the saves must pause before the upkeep starts, so a burst of saves is not slowed.
const QUIET: Duration = Duration::from_millis(50);
/// The longest a checkpoint is put off while saves keep coming.
const MAX_DELAY: Duration = Duration::from_millis(500);
/// Pages of search index written by one merge step: a few milliseconds of work, so a save that
/// arrives meanwhile waits little for the write lock.
const MERGE_STEP_PAGES: i64 = 64;
/// The log size (pages) at which the saving connection checkpoints by itself after all: a
/// backstop for saves so continuous that this thread never finds the log idle.
pub(crate) const BACKSTOP_PAGES: i64 = 10_000;

pub(crate) struct Upkeep {
    nudge: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Upkeep {
    /// Starts the thread with its own connection to `path`. `None` when either cannot be had;
    /// the store then keeps SQLite's automatic checkpoints, and FTS5 still merges the search
    /// index when a level of it fills up, so nothing is lost but speed.
    pub(crate) fn start(path: &Path) -> Option<Upkeep> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).ok()?;
        schema::configure(&conn, path).ok()?;
        let (nudge, nudged) = mpsc::sync_channel(1);
        let thread = std::thread::Builder::new()
            .name("sla-store upkeep".into())
            .spawn(move || run(&conn, &nudged))
            .ok()?;
        Some(Upkeep {
            nudge: Some(nudge),
            thread: Some(thread),
        })
    }

    /// Tells the thread a transaction was committed. Never blocks.
    pub(crate) fn nudge(&self) {
        if let Some(nudge) = &self.nudge {
            // A full channel already holds a nudge the thread has not taken yet.
            let _ = nudge.try_send(());
        }
    }
}

impl Drop for Upkeep {
    fn drop(&mut self) {
        // Closing the channel ends the thread at once, pending work or not: the store's own
        // connection checkpoints as it closes when it is the last, and a later run merges.
        drop(self.nudge.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

enum Wait {
    /// The saves paused.
    Quiet,
    /// Saves kept coming for [`MAX_DELAY`].
    Busy,
    /// The store was dropped.
    Closed,
}

fn run(conn: &Connection, nudged: &Receiver<()>) {
    while nudged.recv().is_ok() {
        match wait_for_pause(nudged) {
            Wait::Closed => return,
            Wait::Busy => {}
            Wait::Quiet => {
                if !merge_search_index(conn, nudged) {
                    return;
                }
            }
        }
        // PASSIVE never makes a save wait. A checkpoint that fails or stops early loses nothing:
        // the log keeps every page until a later checkpoint copies it.
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }
}

fn wait_for_pause(nudged: &Receiver<()>) -> Wait {
    let first = Instant::now();
    loop {
        let left = MAX_DELAY.saturating_sub(first.elapsed());
        if left.is_zero() {
            return Wait::Busy;
        }
        match nudged.recv_timeout(QUIET.min(left)) {
            Ok(()) => continue,
            Err(RecvTimeoutError::Timeout) => return Wait::Quiet,
            Err(RecvTimeoutError::Disconnected) => return Wait::Closed,
        }
    }
}

/// Merges the search index's segments a step at a time until there is nothing left to merge or
/// saves resume. `false` when the store was dropped meanwhile.
fn merge_search_index(conn: &Connection, nudged: &Receiver<()>) -> bool {
    loop {
        match nudged.try_recv() {
            Ok(()) => return true,
            Err(TryRecvError::Disconnected) => return false,
            Err(TryRecvError::Empty) => {}
        }
        let before = conn.total_changes();
        let merged = conn.execute(
            "INSERT INTO draft_text (draft_text, rank) VALUES ('merge', ?1)",
            [MERGE_STEP_PAGES],
        );
        // FTS5 reports a step that did work as two or more changed rows.
        if merged.is_err() || conn.total_changes() - before < 2 {
            return true;
        }
    }
}
