//! Working time per the agreement's business calendar: how many minutes of it lie between two
//! instants. Each working day's hours are turned into real instants in the calendar's zone, so a
//! change to or from daylight-saving time shortens or lengthens the working day by exactly the hour
//! the clocks move, and a lead created at night or on a weekend starts counting at the next
//! working start.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use sla_model::BusinessCalendar;

use crate::ComplianceError;

/// A validated [`BusinessCalendar`], ready to count with.
#[derive(Debug, Clone)]
pub struct BusinessClock {
    zone: Tz,
    /// `workday[d]` for ISO weekday `d` (Monday = 1 .. Sunday = 7); index 0 unused.
    workday: [bool; 8],
    /// Minutes after local midnight; `end` may be 1440 ("24:00").
    start_minute: u32,
    end_minute: u32,
    holidays: Vec<NaiveDate>,
}

impl BusinessClock {
    /// Checks the calendar: a known IANA zone, weekdays 1 to 7 (at least one), times written
    /// `HH:MM` with the end after the start.
    pub fn new(calendar: &BusinessCalendar) -> Result<BusinessClock, ComplianceError> {
        let zone: Tz =
            calendar
                .timezone
                .trim()
                .parse()
                .map_err(|_| ComplianceError::UnknownTimeZone {
                    zone: calendar.timezone.clone(),
                })?;
        let mut workday = [false; 8];
        for &day in &calendar.workdays {
            if !(1..=7).contains(&day) {
                return Err(ComplianceError::BadWorkday { day });
            }
            workday[day as usize] = true;
        }
        if !workday.contains(&true) {
            return Err(ComplianceError::NoWorkdays);
        }
        let start_minute = minute_of_day("deadlines.calendar.day_start", &calendar.day_start)?;
        let end_minute = minute_of_day("deadlines.calendar.day_end", &calendar.day_end)?;
        if end_minute <= start_minute {
            return Err(ComplianceError::DayEndsBeforeItStarts {
                start: calendar.day_start.clone(),
                end: calendar.day_end.clone(),
            });
        }
        let mut holidays = calendar.holidays.clone();
        holidays.sort();
        holidays.dedup();
        Ok(BusinessClock {
            zone,
            workday,
            start_minute,
            end_minute,
            holidays,
        })
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The day an instant falls on in the calendar's zone.
    pub fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        instant.with_timezone(&self.zone).date_naive()
    }

    /// A working day: one of the workdays and not a holiday.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.workday[day.weekday().number_from_monday() as usize]
            && self.holidays.binary_search(&day).is_err()
    }

    /// The first working day on or after `day`.
    pub fn working_day_from(&self, day: NaiveDate) -> NaiveDate {
        // At least one weekday works and the holidays are finitely many, so this ends; the bound
        // only guards against a calendar with years of holidays in a row.
        let mut d = day;
        for _ in 0..3660 {
            if self.is_working_day(d) {
                return d;
            }
            d = d.succ_opt().unwrap_or(d);
        }
        d
    }

    /// Length of a normal working day in minutes (no clock change), for turning working time into
    /// working days.
    pub fn day_minutes(&self) -> f64 {
        f64::from(self.end_minute - self.start_minute)
    }

    /// Minutes of working time between two instants; 0 when `end` is not after `start`.
    pub fn minutes_between(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> f64 {
        if end <= start {
            return 0.0;
        }
        let first = self.local_date(start);
        let last = self.local_date(end);
        let mut seconds: i64 = 0;
        let mut day = first;
        while day <= last {
            if self.is_working_day(day) {
                let open = self.instant(day, self.start_minute);
                let close = self.instant(day, self.end_minute);
                let from = open.max(start);
                let to = close.min(end);
                if to > from {
                    seconds += (to - from).num_seconds();
                }
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        seconds as f64 / 60.0
    }

    /// Working time counted once per day over `first..=last` (local dates), so that many
    /// intervals in that span each cost a lookup instead of a walk over their days.
    pub fn timeline(&self, first: NaiveDate, last: NaiveDate) -> Timeline<'_> {
        let mut days = Vec::new();
        let mut before = 0i64;
        let mut day = first;
        while day <= last {
            let hours = self.is_working_day(day).then(|| {
                (
                    self.instant(day, self.start_minute),
                    self.instant(day, self.end_minute),
                )
            });
            days.push(TimelineDay { hours, before });
            if let Some((open, close)) = hours {
                before += (close - open).num_seconds();
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        Timeline {
            clock: self,
            first,
            days,
        }
    }

    /// The instant of `minute` after local midnight on `day`. A time the clocks skip (spring
    /// forward) is read as the same moment after the jump, an hour later on the wall clock; a
    /// time that happens twice (fall back) as its first occurrence.
    fn instant(&self, day: NaiveDate, minute: u32) -> DateTime<Utc> {
        let wall =
            day.and_hms_opt(0, 0, 0).expect("midnight exists") + Duration::minutes(minute.into());
        match self.zone.from_local_datetime(&wall) {
            LocalResult::Single(t) => t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
            LocalResult::None => {
                // Clocks move by at most an hour or two; read the wall time in the offset before
                // the gap, which names the instant just after it.
                let before = self
                    .zone
                    .from_local_datetime(&(wall - Duration::hours(3)))
                    .earliest()
                    .map(|t| *t.offset())
                    .expect("three hours before a gap is a plain local time");
                let offset = chrono::Offset::fix(&before);
                (wall - offset).and_utc()
            }
        }
    }
}

/// Working seconds before each day of a span, from [`BusinessClock::timeline`].
#[derive(Debug)]
pub struct Timeline<'a> {
    clock: &'a BusinessClock,
    first: NaiveDate,
    days: Vec<TimelineDay>,
}

#[derive(Debug)]
struct TimelineDay {
    /// Opening and closing instants on a working day.
    hours: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Working seconds in the span's earlier days.
    before: i64,
}

impl Timeline<'_> {
    /// The same as [`BusinessClock::minutes_between`]; an instant outside the span falls back to
    /// the day-by-day count.
    pub fn minutes_between(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> f64 {
        if end <= start {
            return 0.0;
        }
        match (self.seconds_before(start), self.seconds_before(end)) {
            (Some(a), Some(b)) => (b - a) as f64 / 60.0,
            _ => self.clock.minutes_between(start, end),
        }
    }

    /// Working seconds from the span's start to `instant`.
    fn seconds_before(&self, instant: DateTime<Utc>) -> Option<i64> {
        let index = (self.clock.local_date(instant) - self.first).num_days();
        let day = self.days.get(usize::try_from(index).ok()?)?;
        let today = day.hours.map_or(0, |(open, close)| {
            (instant.min(close) - open).num_seconds().max(0)
        });
        Some(day.before + today)
    }
}

/// "HH:MM" (or "24:00") as minutes after midnight.
fn minute_of_day(field: &'static str, text: &str) -> Result<u32, ComplianceError> {
    let bad = || ComplianceError::BadTimeOfDay {
        field,
        value: text.to_string(),
    };
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    match (h, m) {
        (24, 0) => Ok(1440),
        (0..=23, 0..=59) => Ok(h * 60 + m),
        _ => Err(bad()),
    }
}
