//! A save that returned survives the process being killed at any moment.
//!
//! The test re-runs its own binary as a child that saves versions of a draft in a loop, printing
//! each acknowledged version after the save returns. Most saves are autosaves, which put their
//! edits in place of the version the previous autosave added; every seventh is a save that adds a
//! version, and every eleventh version is kept after its save. The parent kills the child with
//! SIGKILL at a random moment, then opens the database, checks its integrity and that every
//! version holds exactly the last save acknowledged for it (or, for the latest, the save that
//! was under way), that a kept version was never replaced, and that a new run never replaced the
//! previous run's version. Thirty rounds run on the same file;
//! a third of them kill within milliseconds of the child opening the database (recovering the log
//! the last kill left, or its first saves). Ten more rounds each start on a new file and kill
//! while it is being created and migrated, which must leave a database that opens.

mod common;

use common::Everything;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use sla_model::Agreement;
use sla_store::{DraftId, Store};

const TEST_NAME: &str = "a_killed_saver_never_loses_an_acknowledged_save";
/// Set in the child: the database it saves to, and the round it belongs to.
const SAVER_DB_ENV: &str = "SLA_STORE_CRASH_TEST_DB";
const SAVER_ROUND_ENV: &str = "SLA_STORE_CRASH_TEST_ROUND";
/// Set to repeat a run's kill timings.
const SEED_ENV: &str = "SLA_STORE_CRASH_TEST_SEED";
const ROUNDS: u32 = 30;
const FRESH_ROUNDS: u32 = 10;
/// What the child prints just before it opens the database (at the end of a line: the test
/// harness starts that line with the test's name).
const OPENING: &str = "OPENING";

/// What the saver saves as save `i` of round `round`: every save differs from the one before,
/// and the sizes vary from a few kilobytes to tens, so saves touch different numbers of pages.
fn agreement_for(round: u32, i: u32) -> Agreement {
    let mut a = common::english();
    a.title = format!("Crash round {round}, save {i}");
    a.notes =
        format!("Раунд {round}, сохранение {i}. ").repeat((i as usize * 37 + round as usize) % 900);
    a.commitments[0].metrics[0].target = f64::from(i);
    a
}

/// An acknowledged save, as the child printed it.
#[derive(Debug, Clone, Copy)]
struct Ack {
    draft: DraftId,
    version: u32,
    round: u32,
    save: u32,
    /// The version was kept after the save, before this was printed.
    kept: bool,
}

fn parse_ack(line: &str) -> Option<Ack> {
    let (kept, rest) = match line.strip_prefix("ACK ") {
        Some(rest) => (false, rest),
        None => (true, line.strip_prefix("KEPT ")?),
    };
    let mut parts = rest.split(' ');
    let mut next = || parts.next()?.trim().parse::<i64>().ok();
    Some(Ack {
        draft: next()?,
        version: next()? as u32,
        round: next()? as u32,
        save: next()? as u32,
        kept,
    })
}

/// How the child saves save `i`: most are autosaves; some add a version; some are kept after.
fn is_explicit_save(i: u32) -> bool {
    i.is_multiple_of(7)
}
fn is_kept(i: u32) -> bool {
    i.is_multiple_of(11)
}

#[test]
fn a_killed_saver_never_loses_an_acknowledged_save() {
    if let Some(db) = std::env::var_os(SAVER_DB_ENV) {
        let round = std::env::var(SAVER_ROUND_ENV).unwrap().parse().unwrap();
        save_until_killed(Path::new(&db), round);
    }

    let seed = std::env::var(SEED_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    let mut rng = fastrand::Rng::with_seed(seed);
    let context = format!("(repeat with {SEED_ENV}={seed})");
    let dir = tempfile::tempdir().unwrap();
    let db = common::db_path(&dir);
    let (mut early_kills, mut before_first_ack, mut acknowledged, mut mid_migration) = (0, 0, 0, 0);
    // The shared file's latest version after the last round, which the next run must not replace.
    let mut previous_latest = 0;

    for round in 0..ROUNDS + FRESH_ROUNDS {
        let fresh = round >= ROUNDS;
        let db = match fresh {
            true => dir.path().join(format!("fresh-{round}.sqlite3")),
            false => db.clone(),
        };
        let (mut child, lines) = spawn_saver(&db, round);
        let mut printed = Vec::new();
        let early = fresh || round == 0 || rng.u32(0..3) == 0;
        if early {
            early_kills += 1;
            wait_until(&mut child, &lines, &mut printed, &context, |p| {
                p.iter().any(|l| l.trim_end().ends_with(OPENING))
            });
            // Creating a file takes four migrations of a few milliseconds each.
            let window = if fresh { 12_000 } else { 25_000 };
            std::thread::sleep(Duration::from_micros(rng.u64(0..window)));
        } else {
            let wanted = rng.usize(1..40);
            wait_until(&mut child, &lines, &mut printed, &context, |p| {
                p.iter().filter(|l| parse_ack(l).is_some()).count() >= wanted
            });
            std::thread::sleep(Duration::from_micros(rng.u64(0..3_000)));
        }
        child.kill().unwrap(); // SIGKILL: no destructor, no flush, nothing runs.
        child.wait().unwrap();
        // The reader ends when the dead child's end of the pipe closes.
        printed.extend(lines.iter());
        let acks: Vec<Ack> = printed.iter().filter_map(|line| parse_ack(line)).collect();
        acknowledged += acks.len();
        before_first_ack += usize::from(acks.is_empty());
        if fresh {
            // Where the kill left the new file: between schemas means it stopped mid-migration.
            let left_at = rusqlite::Connection::open(&db)
                .and_then(|c| c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)))
                .unwrap_or(-1);
            mid_migration +=
                usize::from(left_at > 0 && left_at < i64::from(sla_store::SCHEMA_VERSION));
        }
        let latest = check_database(&db, round, &acks, &context);
        if !fresh {
            if let Some(first) = acks.first() {
                // The child creates the draft (version 1) when the file has none.
                assert_eq!(
                    first.version,
                    previous_latest.max(1) + 1,
                    "round {round} replaced the previous run's version {context}"
                );
            }
            previous_latest = latest;
        }
    }
    assert!(
        acknowledged > 0 && early_kills > 0 && early_kills < ROUNDS,
        "{context}"
    );
    eprintln!(
        "{ROUNDS} + {FRESH_ROUNDS} rounds, {early_kills} killed early, {before_first_ack} before any save returned, \
         {mid_migration} new files stopped between two schema versions, \
         {acknowledged} acknowledged saves checked {context}"
    );
}

/// The child: saves one draft over and over, reporting each save after it returned.
fn save_until_killed(db: &Path, round: u32) -> ! {
    println!("{OPENING}");
    let mut store = Store::open(db).unwrap();
    let id = match store.all_drafts().unwrap().first() {
        Some(draft) => draft.id,
        None => store.create(&common::english(), "crash test").unwrap().id,
    };
    let mut base = store.get(id).unwrap().info.version;
    for i in 1.. {
        let agreement = agreement_for(round, i);
        let info = match is_explicit_save(i) {
            true => store.save(id, &agreement, base),
            false => store.autosave(id, &agreement, base),
        }
        .unwrap();
        base = info.version;
        if is_kept(i) {
            store.keep_version(id, info.version).unwrap();
            println!("KEPT {id} {} {round} {i}", info.version);
        } else {
            println!("ACK {id} {} {round} {i}", info.version);
        }
    }
    unreachable!()
}

/// Starts the child and a thread that passes on each complete line it prints.
fn spawn_saver(db: &Path, round: u32) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(SAVER_DB_ENV, db)
        .env(SAVER_ROUND_ENV, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut stdout = stdout;
        let mut line = Vec::new();
        // Only lines that arrived whole count; a kill may cut the last one.
        while stdout.read_until(b'\n', &mut line).unwrap_or(0) > 0 && line.ends_with(b"\n") {
            if send
                .send(String::from_utf8_lossy(&line).into_owned())
                .is_err()
            {
                break;
            }
            line.clear();
        }
    });
    (child, receive)
}

/// Waits until what the child printed satisfies `enough`; fails if it stopped on its own.
fn wait_until(
    child: &mut Child,
    lines: &mpsc::Receiver<String>,
    printed: &mut Vec<String>,
    context: &str,
    enough: impl Fn(&[String]) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !enough(printed) {
        match lines.recv_timeout(Duration::from_millis(100)) {
            Ok(line) => printed.push(line),
            Err(_) => {
                if let Some(status) = child.try_wait().unwrap() {
                    let mut stderr = String::new();
                    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr)
                        .unwrap();
                    panic!(
                        "the saver stopped by itself ({status}) {context}:\n{}\n{stderr}",
                        printed.concat()
                    );
                }
                assert!(
                    Instant::now() < deadline,
                    "the saver printed nothing in 60 s {context}"
                );
            }
        }
    }
}

/// Opens the database the way the app does after a crash and checks it; returns the draft's
/// latest version.
fn check_database(db: &Path, round: u32, acks: &[Ack], context: &str) -> u32 {
    let at = format!("after round {round} {context}");
    let store = Store::open(db).unwrap_or_else(|e| panic!("cannot open {at}: {e}"));
    let conn = rusqlite::Connection::open(db).unwrap();
    let schema: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(schema, i64::from(sla_store::SCHEMA_VERSION), "{at}");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{at}");
    conn.execute(
        "INSERT INTO draft_text (draft_text, rank) VALUES ('integrity-check', 0)",
        [],
    )
    .unwrap_or_else(|e| panic!("search index damaged {at}: {e}"));

    // The save that may have committed before the kill stopped its acknowledgement.
    let in_flight = acks.last().map(|last| last.save + 1);
    for (i, ack) in acks.iter().enumerate() {
        assert_eq!(ack.round, round, "{at}");
        // An autosave replaces the version the previous autosave added unless that was kept; any
        // other save adds one.
        if let Some(next) = acks.get(i + 1) {
            let replaces = !is_explicit_save(ack.save) && !ack.kept && !is_explicit_save(next.save);
            let expected = if replaces {
                ack.version
            } else {
                ack.version + 1
            };
            assert_eq!(next.version, expected, "{next:?} after {ack:?} {at}");
        }
        // Each version holds the last save acknowledged for it, exactly as saved; the last may
        // hold the save under way at the kill, if that replaced it.
        if acks[i + 1..].iter().any(|a| a.version == ack.version) {
            continue;
        }
        let saved = store
            .get_version(ack.draft, ack.version)
            .unwrap_or_else(|e| panic!("acknowledged save {ack:?} lost {at}: {e}"));
        let json = sla_model::to_canonical_json(&saved.agreement);
        let as_saved = |save| sla_model::to_canonical_json(&agreement_for(round, save));
        let superseded = i + 1 == acks.len()
            && !ack.kept
            && !is_explicit_save(ack.save)
            && in_flight.is_some_and(|next| !is_explicit_save(next) && json == as_saved(next));
        assert!(
            json == as_saved(ack.save) || superseded,
            "acknowledged save {ack:?} differs: the version is titled {:?} {at}",
            saved.agreement.title
        );
    }

    // Every kept version says so.
    for ack in acks.iter().filter(|a| a.kept) {
        let history = store.history(ack.draft).unwrap();
        let line = history.iter().find(|v| v.version == ack.version).unwrap();
        assert!(line.kept, "{ack:?} is not marked kept {at}");
    }

    // The latest version is the last acknowledged one, or the save after it (a new version, or
    // the last one replaced), which may have committed before the kill stopped its
    // acknowledgement; never anything else.
    let mut latest_version = 0;
    for draft in store.all_drafts().unwrap() {
        let latest = store
            .get(draft.id)
            .unwrap_or_else(|e| panic!("latest version unreadable {at}: {e}"));
        latest_version = latest.info.version;
        if let Some(last) = acks.last() {
            let next = agreement_for(round, last.save + 1);
            let ok = (latest.info.version == last.version
                && latest.agreement == agreement_for(round, last.save))
                || (latest.info.version == last.version + 1 && latest.agreement == next)
                || (latest.info.version == last.version
                    && !last.kept
                    && !is_explicit_save(last.save)
                    && !is_explicit_save(last.save + 1)
                    && latest.agreement == next);
            assert!(
                ok,
                "latest is version {} titled {:?}, last acknowledged {last:?} {at}",
                latest.info.version, latest.agreement.title
            );
        }
        let versions: Vec<u32> = store
            .history(draft.id)
            .unwrap()
            .iter()
            .map(|v| v.version)
            .collect();
        let expected: Vec<u32> = (1..=latest.info.version).rev().collect();
        assert_eq!(versions, expected, "history has gaps {at}");
    }
    latest_version
}
