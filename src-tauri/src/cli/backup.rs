//! `sla-studio backup [-o FILE]`, `backups` and `restore (FILE | --latest)`, and the checked
//! opening of the store every command goes through: a damaged store is moved aside, never
//! written to again, what can be read of it is written out as agreement files, and the command
//! says where everything went and how to restore (exit 2).

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use sla_backup::{BackupInfo, Damage, DataDir, Health, OpenError, Reason};
use sla_store::Store;

use super::{print, Failure, Outcome};

#[derive(clap::Args)]
pub struct BackupArgs {
    /// Write the backup to this file instead of the backups folder (it must not exist yet).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct ListArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["file", "latest"])))]
pub struct RestoreArgs {
    /// A backup (or a copy of a drafts database) to restore.
    file: Option<PathBuf>,
    /// Restore the newest backup in the backups folder that passes its integrity check.
    #[arg(long)]
    latest: bool,
}

/// Opens the store in the data folder, checked (see `sla_backup::open_checked`). Every command
/// that reads or writes drafts opens it through here.
pub fn open_store() -> Result<Store, Failure> {
    let data = DataDir::from_env()?;
    let now = Utc::now();
    match sla_backup::open_checked(&data, now) {
        Ok(opened) => {
            if let Some(problem) = opened.backup_failed {
                eprintln!("sla-studio: warning: the daily backup failed: {problem}");
            }
            Ok(opened.store)
        }
        Err(OpenError::Damaged(damage)) => {
            let salvaged = write_salvage(&damage);
            Err(Failure {
                message: damaged(&damage, &salvaged, now, true),
                code: 2,
            })
        }
        Err(e) => Err(e.into()),
    }
}

pub fn backup(args: BackupArgs) -> Outcome {
    let data = DataDir::from_env()?;
    if !data.store_path().is_file() {
        return Err(sla_backup::BackupError::NothingToBackUp {
            path: data.store_path(),
        }
        .into());
    }
    // The check first: a damaged store is moved aside, not copied into a backup.
    drop(open_store()?);
    let now = Utc::now();
    let info = match &args.output {
        Some(file) => sla_backup::back_up_to(&data, file, now)?,
        None => sla_backup::back_up(&data, Reason::Manual, now)?,
    };
    print(&format!(
        "backed up {} and {} to {} ({})\n",
        count(info.drafts, "draft"),
        count(info.identity_files, "identity file"),
        info.path.display(),
        size(info.size)
    ))?;
    Ok(0)
}

pub fn list(args: ListArgs) -> Outcome {
    let data = DataDir::from_env()?;
    let backups = sla_backup::list(&data)?;
    if args.json {
        print(&(serde_json::to_string_pretty(&backups)? + "\n"))?;
        return Ok(0);
    }
    if backups.is_empty() {
        eprintln!("no backups in {}", data.backups_dir().display());
    }
    let mut out = String::new();
    for b in &backups {
        let holds = match &b.problem {
            Some(problem) => format!("unreadable: {problem}"),
            None => format!(
                "{:>10}  {:>16}",
                count(b.drafts, "draft"),
                count(b.identity_files, "identity file")
            ),
        };
        out.push_str(&format!(
            "{}  {:<16}  {}  {:>9}  {}\n",
            b.taken_at.format("%Y-%m-%d %H:%M:%S UTC"),
            b.reason.as_str(),
            holds,
            size(b.size),
            b.path.display()
        ));
    }
    print(&out)?;
    Ok(0)
}

pub fn restore(args: RestoreArgs) -> Outcome {
    let data = DataDir::from_env()?;
    // A window keeps the store open and would go on saving into the file a restore replaces:
    // refuse while one has it, and hold its lock meanwhile so that none opens half-way.
    let _window_lock = match crate::instance::lock_store(data.root()) {
        Ok(lock) => Some(lock),
        Err(crate::instance::LockError::InUse { dir }) => {
            return Err(format!(
                "the drafts in {} are open in an SLA Studio window; close it, then restore",
                dir.display()
            )
            .into())
        }
        // A folder the lock cannot be made in takes no restore either; the restore says why.
        Err(crate::instance::LockError::Io { .. }) => None,
    };
    let now = Utc::now();
    // A damaged store is moved aside first, so the newest backup is chosen before the restore
    // backs the current store up, and the damage is reported whatever happens next.
    let mut damage = None;
    let live = data.store_path();
    if live.is_file() {
        if let Health::Damaged(detail) = sla_backup::quick_check(&live)? {
            damage = Some(sla_backup::set_aside(&data, &detail, now)?);
        }
    }
    let salvaged = damage.as_ref().map(write_salvage);
    let file = match (&args.file, args.latest) {
        (Some(file), _) => file.clone(),
        (None, _) => match sla_backup::newest_good(&data)? {
            Some(newest) => newest.path,
            None => {
                let none = format!(
                    "no backup in {} can be restored (none there, or none passes its integrity check)",
                    data.backups_dir().display()
                );
                let message = match (&damage, &salvaged) {
                    (Some(d), Some(s)) => format!("{}\n{none}", damaged(d, s, now, false)),
                    _ => none,
                };
                return Err(Failure { message, code: 2 });
            }
        },
    };
    let restored = match sla_backup::restore(&data, &file, now) {
        Ok(restored) => restored,
        Err(e) => {
            let message = match (&damage, &salvaged) {
                (Some(d), Some(s)) => format!("{}\n{e}", damaged(d, s, now, false)),
                _ => e.to_string(),
            };
            return Err(Failure { message, code: 2 });
        }
    };
    let mut out = format!(
        "restored {} and {} from {} ({}, taken {})\n",
        count(restored.from.drafts, "draft"),
        count(restored.identity_files, "identity file"),
        restored.from.path.display(),
        restored.from.reason.describe(),
        when(&restored.from, now)
    );
    if let Some(safety) = &restored.safety_backup {
        out.push_str(&format!(
            "the drafts as they were before are in {}\n",
            safety.path.display()
        ));
    }
    let damage = damage.or(restored.set_aside.map(|d| *d));
    match damage {
        None => {
            print(&out)?;
            Ok(0)
        }
        Some(damage) => {
            let salvaged = salvaged.unwrap_or_else(|| write_salvage(&damage));
            eprint!("{out}");
            eprintln!("sla-studio: {}", damaged(&damage, &salvaged, now, false));
            print(&format!("{}\n", damage.moved_to.display()))?;
            Ok(2)
        }
    }
}

/// Writes what could be salvaged of a damaged store beside it: the folder written, or why not.
fn write_salvage(damage: &Damage) -> Result<Option<PathBuf>, String> {
    damage.write_salvage().map_err(|e| e.to_string())
}

/// The damage in plain words: what happened, where the file went, which backup can replace it
/// (with `how_to_restore`, the command that does), and what was salvaged.
fn damaged(
    damage: &Damage,
    salvaged: &Result<Option<PathBuf>, String>,
    now: DateTime<Utc>,
    how_to_restore: bool,
) -> String {
    let mut lines = vec![damage.summary() + "."];
    match &damage.newest_backup {
        Some(b) if how_to_restore => lines.push(format!(
            "The newest good backup, taken {} ({}), holds {}; restore it with `sla-studio restore --latest`.",
            when(b, now),
            b.reason.describe(),
            holds(b)
        )),
        Some(_) => {}
        None => lines.push("There is no good backup to restore.".to_string()),
    }
    let found = damage.salvage.drafts.len();
    match salvaged {
        Ok(Some(folder)) => lines.push(format!(
            "{} could be read from the damaged file and {} written to {}; bring one back with `sla-studio import FILE`.",
            count(found, "draft"),
            if found == 1 { "was" } else { "were" },
            folder.display()
        )),
        Ok(None) => lines.push("No draft could be read from the damaged file.".to_string()),
        Err(e) => lines.push(format!(
            "{} could be read from the damaged file but not written out: {e}",
            count(found, "draft")
        )),
    }
    lines.join("\n")
}

/// "4 drafts (Title A, Title B, Title C, …)".
fn holds(b: &BackupInfo) -> String {
    let mut titles: Vec<String> = b
        .titles
        .iter()
        .take(3)
        .map(|t| format!("\"{t}\""))
        .collect();
    if b.titles.len() > 3 {
        titles.push("…".into());
    }
    if titles.is_empty() {
        count(b.drafts, "draft")
    } else {
        format!("{}: {}", count(b.drafts, "draft"), titles.join(", "))
    }
}

/// "2026-12-01 23:10 UTC, 3 hours ago".
fn when(b: &BackupInfo, now: DateTime<Utc>) -> String {
    let age = b.age(now);
    let ago = if age.num_days() >= 2 {
        format!("{} days ago", age.num_days())
    } else if age.num_hours() >= 2 {
        format!("{} hours ago", age.num_hours())
    } else if age.num_minutes() >= 2 {
        format!("{} minutes ago", age.num_minutes())
    } else if age.num_seconds() >= 0 {
        "just now".to_string()
    } else {
        "in the future by this computer's clock".to_string()
    };
    format!("{}, {ago}", b.taken_at.format("%Y-%m-%d %H:%M UTC"))
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
