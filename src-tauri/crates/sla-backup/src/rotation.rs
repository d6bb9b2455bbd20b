//! Which backups to keep: the newest of each of the last 7 days that have one, the newest of
//! each of the last 4 weeks that have one (restic's `--keep-daily 7 --keep-weekly 4`), and every
//! backup taken on request, before a migration or before a restore for 30 days. Days and weeks
//! are UTC, so the choice does not move with the computer's time zone.

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::{DateTime, Datelike, TimeDelta, Utc};

use crate::error::io;
use crate::snapshot::{named_backups, Reason};
use crate::{BackupError, DataDir};

/// How many backups to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// The newest backup of each of this many most recent days that have one.
    pub daily: usize,
    /// The newest backup of each of this many most recent ISO weeks that have one.
    pub weekly: usize,
    /// Backups the person asked for or taken before a migration or a restore are kept this long
    /// whatever the counts above.
    pub keep_special_for: TimeDelta,
}

impl Default for Retention {
    fn default() -> Retention {
        Retention {
            daily: 7,
            weekly: 4,
            keep_special_for: TimeDelta::days(30),
        }
    }
}

/// Removes the backups in `backups/` that [`Retention::default`] does not keep; returns them.
pub fn rotate(data: &DataDir, now: DateTime<Utc>) -> Result<Vec<PathBuf>, BackupError> {
    rotate_with(data, now, Retention::default())
}

/// [`rotate`] with other counts. Only files named like backups are ever removed.
pub fn rotate_with(
    data: &DataDir,
    now: DateTime<Utc>,
    retention: Retention,
) -> Result<Vec<PathBuf>, BackupError> {
    let backups = named_backups(&data.backups_dir())?;
    let keep = kept(
        &backups.iter().map(|(_, t, r)| (*t, *r)).collect::<Vec<_>>(),
        now,
        retention,
    );
    let mut removed = vec![];
    for ((path, _, _), keep) in backups.into_iter().zip(keep) {
        if !keep {
            std::fs::remove_file(&path).map_err(|e| io("removing an old backup", &path, e))?;
            removed.push(path);
        }
    }
    Ok(removed)
}

/// For backups sorted newest first, whether each is kept.
fn kept(
    backups: &[(DateTime<Utc>, Reason)],
    now: DateTime<Utc>,
    retention: Retention,
) -> Vec<bool> {
    let mut keep = vec![false; backups.len()];
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    for (i, (taken_at, reason)) in backups.iter().enumerate() {
        let day = taken_at.date_naive();
        if !days.contains(&day) && days.len() < retention.daily {
            days.insert(day);
            keep[i] = true;
        }
        let week = taken_at.iso_week();
        let week = (week.year(), week.week());
        if !weeks.contains(&week) && weeks.len() < retention.weekly {
            weeks.insert(week);
            keep[i] = true;
        }
        let special = matches!(
            reason,
            Reason::Manual | Reason::BeforeMigration | Reason::BeforeRestore
        );
        if special && now - *taken_at < retention.keep_special_for {
            keep[i] = true;
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 3, 1, hour, 0, 0).unwrap() + TimeDelta::days(i64::from(day))
    }

    #[test]
    fn keeps_the_newest_of_each_day_and_week() {
        // Two daily backups a day (morning, evening) for 60 days, newest first.
        let mut backups = vec![];
        for day in (0..60).rev() {
            backups.push((at(day, 20), Reason::Daily));
            backups.push((at(day, 8), Reason::Daily));
        }
        let now = at(59, 21);
        let keep = kept(&backups, now, Retention::default());
        let kept: Vec<_> = backups
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|((t, _), _)| *t)
            .collect();
        // The evenings of the last 7 days...
        for day in 53..60 {
            assert!(kept.contains(&at(day, 20)), "day {day}");
        }
        assert!(!kept.contains(&at(59, 8)));
        // ...and the newest of each of the last 4 ISO weeks: day 59 (2030-04-29) is a Monday, so
        // its week and the one before are among the days already, and the two before those end
        // on the Sundays 2030-04-21 and 2030-04-14.
        assert_eq!(kept.len(), 7 + 2, "{kept:?}");
        assert!(kept.contains(&at(51, 20)) && kept.contains(&at(44, 20)));
    }

    #[test]
    fn backups_before_migrations_and_restores_stay_for_30_days() {
        let backups = vec![
            (at(40, 12), Reason::Daily),
            (at(40, 11), Reason::BeforeRestore),
            (at(40, 10), Reason::BeforeMigration),
            (at(40, 9), Reason::Daily),
            (at(5, 10), Reason::BeforeMigration),
        ];
        let keep = kept(&backups, at(41, 0), Retention::default());
        assert_eq!(keep, vec![true, true, true, false, true]);
        let keep = kept(&backups, at(80, 0), Retention::default());
        assert_eq!(keep, vec![true, false, false, false, true]);
    }
}
