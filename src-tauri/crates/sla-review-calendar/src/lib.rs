//! The agreement's review meetings over its term as an iCalendar file (RFC 5545) that Outlook,
//! Google Calendar and Thunderbird import and place in the business calendar's time zone.
//!
//! What the file holds:
//! - The regular review (from `monitoring.review_cadence`) as one recurring event. Its rule, so
//!   that it is the same in every calendar application:
//!   - daily: every working day of the business calendar;
//!   - weekly / biweekly: every (second) week on the weekday of the first working day of the
//!     term (a term starting on Friday 1 January reviews on Fridays);
//!   - monthly / quarterly: the first working day of every (third) month, once the previous
//!     period's figures are in (`FREQ=MONTHLY;BYDAY=<workdays>;BYSETPOS=1`), from the term's
//!     first such day.
//!
//!   The series ends with the term (`UNTIL`, the term's last day, 23:59:59 local time, in UTC).
//!   A meeting that falls on one of the calendar's holidays moves to the next working day that is
//!   no holiday, as an overriding instance (`RECURRENCE-ID`), which all three applications keep;
//!   a daily one is left out (`EXDATE`), as the next working day has its own.
//! - Each of `term.review_dates` (the heads' review of the agreement itself) as an event of its
//!   own.
//!
//! Every meeting starts an hour after the working day starts (`day_start` + 1 h, leaving the
//! first hour to gather the figures) and lasts an hour, in the calendar's zone, which the file
//! describes in a VTIMEZONE generated from the IANA database (`chrono-tz`) for the term's years.
//! UIDs derive from the agreement's id, so importing a newer file updates the meetings instead
//! of adding them twice.

mod timezone;
mod words;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use icalendar::{
    Attendee, Calendar, CalendarDateTime, Component, EventLike, PartStat, Property, Role,
};
use sla_model::{Agreement, Cadence, Language};

/// How the calendar is written.
#[derive(Debug, Clone)]
pub struct CalendarOptions {
    /// The moment the file is written (`DTSTAMP`); passed in so that output is reproducible.
    pub now: DateTime<Utc>,
    /// The language of the meetings' titles and descriptions; the agreement's own when `None`.
    pub language: Option<Language>,
}

/// Why no calendar can be written for an agreement.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("the agreement has neither a review cadence (monitoring.review_cadence) nor review dates (term.review_dates): there are no meetings to put in a calendar")]
    NoReviews,
    #[error("deadlines.calendar.timezone: \"{0}\" is not an IANA time zone name (such as Europe/Moscow)")]
    UnknownTimeZone(String),
    #[error("deadlines.calendar.day_start: \"{0}\" is not a time of day as HH:MM")]
    BadDayStart(String),
    #[error("deadlines.calendar.workdays: no working day between 1 (Monday) and 7 (Sunday), so a regular review has no day to fall on")]
    NoWorkdays,
    #[error("term.duration_months: the term has no length, so the reviews have no end")]
    NoTerm,
    #[error("no review falls within the term ({first} to {last}) and there are no review dates (term.review_dates)")]
    NoMeetingsInTerm { first: NaiveDate, last: NaiveDate },
}

/// How long each review meeting lasts, and how long after the working day starts it begins.
const MEETING_LENGTH: Duration = Duration::hours(1);
const AFTER_DAY_START: Duration = Duration::hours(1);

/// The agreement's review meetings as the text of an `.ics` file.
pub fn review_calendar(
    agreement: &Agreement,
    options: &CalendarOptions,
) -> Result<String, CalendarError> {
    let cadence = agreement.monitoring.review_cadence;
    let review_dates = &agreement.term.review_dates;
    if cadence.is_none() && review_dates.is_empty() {
        return Err(CalendarError::NoReviews);
    }
    let cal = &agreement.deadlines.calendar;
    let zone_name = cal.timezone.trim();
    let zone: Tz = zone_name
        .parse()
        .map_err(|_| CalendarError::UnknownTimeZone(cal.timezone.clone()))?;
    let day_start = NaiveTime::parse_from_str(cal.day_start.trim(), "%H:%M")
        .map_err(|_| CalendarError::BadDayStart(cal.day_start.clone()))?;
    let start_time = day_start + AFTER_DAY_START;
    if agreement.term.duration_months == 0 {
        return Err(CalendarError::NoTerm);
    }
    let first_day = agreement.term.effective_date;
    let last_day = first_day
        .checked_add_months(Months::new(agreement.term.duration_months))
        .and_then(|d| d.pred_opt())
        .ok_or(CalendarError::NoTerm)?;
    let workdays = Workdays::new(&cal.workdays);
    if cadence.is_some() && workdays.is_empty() {
        return Err(CalendarError::NoWorkdays);
    }

    let language = options.language.unwrap_or(agreement.language);
    let words = words::Words::of(language);
    let title = agreement.title.trim();
    let at = |date: NaiveDate| CalendarDateTime::WithTimezone {
        date_time: date.and_time(start_time),
        tzid: zone_name.to_string(),
    };
    let end_at = |date: NaiveDate| CalendarDateTime::WithTimezone {
        date_time: date.and_time(start_time) + MEETING_LENGTH,
        tzid: zone_name.to_string(),
    };
    let people = people(agreement);
    let common = |event: &mut icalendar::Event, uid: String, summary: String, description: &str| {
        event
            .uid(&uid)
            .timestamp(options.now)
            .summary(&summary)
            .description(description);
        if let Some(organizer) = people.first() {
            event.append_property(organizer_property(organizer));
        }
        for person in &people {
            event.attendee(
                Attendee::new(format!("mailto:{}", person.email))
                    .cn(person.name.clone())
                    .role(Role::ReqParticipant)
                    .partstat(PartStat::NeedsAction),
            );
        }
    };

    let mut events = Vec::new();
    if let Some(cadence) = cadence {
        let series = Series::new(cadence, &workdays, first_day, last_day);
        if let Some(first) = series.dates.first().copied() {
            let uid = format!("reviews-{}@sla-studio", agreement.id.trim());
            let summary = words.regular_summary(cadence, title);
            let description = words.regular_description(cadence, title);
            let until = zone_time(
                zone,
                last_day.and_hms_opt(23, 59, 59).expect("a valid time"),
            );
            let mut event = icalendar::Event::new();
            common(&mut event, uid.clone(), summary.clone(), &description);
            event.starts(at(first)).ends(end_at(first));
            event.append_property(Property::new(
                "RRULE",
                format!("{};UNTIL={}", series.rule, until.format("%Y%m%dT%H%M%SZ")),
            ));
            // A daily review on a holiday is simply not held (the next day has one anyway);
            // any other moves to the next working day that is no holiday.
            let on_holidays = series.dates.iter().filter(|d| cal.holidays.contains(d));
            let mut moved_events = Vec::new();
            for date in on_holidays {
                if cadence == Cadence::Daily {
                    event.exdate(at(*date));
                    continue;
                }
                let moved = workdays.next_open_day(*date, &cal.holidays);
                let mut moved_event = icalendar::Event::new();
                common(&mut moved_event, uid.clone(), summary.clone(), &description);
                moved_event
                    .recurrence_id(at(*date))
                    .starts(at(moved))
                    .ends(end_at(moved));
                moved_events.push(moved_event.done());
            }
            events.push(event.done());
            events.extend(moved_events);
        }
    }

    for date in review_dates {
        let uid = format!("review-{date}-{}@sla-studio", agreement.id.trim());
        let mut event = icalendar::Event::new();
        common(
            &mut event,
            uid,
            words.agreement_review_summary(title),
            &words.agreement_review_description(title),
        );
        event.starts(at(*date)).ends(end_at(*date));
        events.push(event.done());
    }

    if events.is_empty() {
        return Err(CalendarError::NoMeetingsInTerm {
            first: first_day,
            last: last_day,
        });
    }
    // The zone's offsets over every year a meeting falls in.
    let years = events.iter().filter_map(|e| match e.get_start() {
        Some(icalendar::DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time,
            ..
        })) => Some(date_time.year()),
        _ => None,
    });
    let (from_year, to_year) =
        years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new(
        "PRODID",
        "-//SLA Studio//Review calendar//EN",
    ));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.name(&words.calendar_name(title));
    for event in events {
        calendar.push(event);
    }
    // The VTIMEZONE goes before the first event (see `timezone` for why it is spliced in).
    let text = calendar.done().to_string();
    let at_events = text.find("BEGIN:VEVENT").unwrap_or(text.len());
    let (head, tail) = text.split_at(at_events);
    Ok(format!(
        "{head}{}{tail}",
        timezone::vtimezone(zone, zone_name, from_year, to_year + 1)
    ))
}

/// A local time in the zone as UTC; in a gap of a clock change, the moment just after it.
fn zone_time(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    use chrono::TimeZone;
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        chrono::LocalResult::None => zone_time(zone, local + Duration::hours(1)),
    }
}

/// A person to invite.
struct Invitee {
    name: String,
    email: String,
}

/// The two heads and the signatories who have e-mail addresses, each once; the marketing head
/// first (the organizer), else the sales head, else the first signatory with an address.
fn people(a: &Agreement) -> Vec<Invitee> {
    let heads = [&a.parties.marketing.head, &a.parties.sales.head]
        .into_iter()
        .map(|p| (p.name.as_str(), p.email.as_str()));
    let signatories = a
        .signatories
        .iter()
        .map(|s| (s.name.as_str(), s.email.as_str()));
    let mut out: Vec<Invitee> = Vec::new();
    for (name, email) in heads.chain(signatories) {
        let email = email.trim();
        if email.is_empty() || out.iter().any(|p| p.email.eq_ignore_ascii_case(email)) {
            continue;
        }
        out.push(Invitee {
            name: name.trim().to_string(),
            email: email.to_string(),
        });
    }
    out
}

fn organizer_property(p: &Invitee) -> Property {
    let mut property = Property::new("ORGANIZER", format!("mailto:{}", p.email));
    property.add_parameter("CN", &p.name);
    property.done()
}

/// The business calendar's working days.
struct Workdays(Vec<chrono::Weekday>);

impl Workdays {
    fn new(iso: &[u8]) -> Workdays {
        let mut days: Vec<chrono::Weekday> = iso
            .iter()
            .filter(|d| (1..=7).contains(*d))
            .map(|d| chrono::Weekday::try_from(*d - 1).expect("0..=6 is a weekday"))
            .collect();
        days.sort_by_key(|d| d.num_days_from_monday());
        days.dedup();
        Workdays(days)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn contains(&self, date: NaiveDate) -> bool {
        self.0.contains(&date.weekday())
    }

    /// The working day on or after `date`.
    fn on_or_after(&self, date: NaiveDate) -> NaiveDate {
        date.iter_days()
            .find(|d| self.contains(*d))
            .expect("a week has a working day")
    }

    /// The first working day after `date` that is not a holiday.
    fn next_open_day(&self, date: NaiveDate, holidays: &[NaiveDate]) -> NaiveDate {
        date.iter_days()
            .skip(1)
            .find(|d| self.contains(*d) && !holidays.contains(d))
            .expect("some working day is no holiday")
    }

    /// `MO,TU,WE,TH,FR`.
    fn byday(&self) -> String {
        self.0
            .iter()
            .map(|d| weekday_code(*d))
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn weekday_code(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match day {
        Mon => "MO",
        Tue => "TU",
        Wed => "WE",
        Thu => "TH",
        Fri => "FR",
        Sat => "SA",
        Sun => "SU",
    }
}

/// The regular review: its rule without the end, and the dates it gives within the term (to
/// start the series on its first meeting and to find the meetings that fall on holidays).
struct Series {
    rule: String,
    dates: Vec<NaiveDate>,
}

impl Series {
    fn new(cadence: Cadence, workdays: &Workdays, first: NaiveDate, last: NaiveDate) -> Series {
        let within = |d: &NaiveDate| *d >= first && *d <= last;
        match cadence {
            Cadence::Daily => Series {
                rule: format!("FREQ=DAILY;BYDAY={}", workdays.byday()),
                dates: first
                    .iter_days()
                    .take_while(|d| *d <= last)
                    .filter(|d| workdays.contains(*d))
                    .collect(),
            },
            Cadence::Weekly | Cadence::Biweekly => {
                let weeks = if cadence == Cadence::Weekly { 1 } else { 2 };
                let start = workdays.on_or_after(first);
                Series {
                    rule: format!(
                        "FREQ=WEEKLY;INTERVAL={weeks};BYDAY={}",
                        weekday_code(start.weekday())
                    ),
                    dates: start
                        .iter_weeks()
                        .step_by(weeks)
                        .take_while(|d| *d <= last)
                        .collect(),
                }
            }
            Cadence::Monthly | Cadence::Quarterly => {
                let months = if cadence == Cadence::Monthly { 1 } else { 3 };
                // The first month whose first working day falls within the term.
                let month_start = |d: NaiveDate| d.with_day(1).expect("day 1 exists");
                let mut month = month_start(first);
                if !within(&workdays.on_or_after(month)) {
                    month = month + Months::new(1);
                }
                let dates = std::iter::successors(Some(month), |m| {
                    m.checked_add_months(Months::new(months))
                })
                .map(|m| workdays.on_or_after(m))
                .take_while(|d| *d <= last)
                .collect();
                Series {
                    rule: format!(
                        "FREQ=MONTHLY;INTERVAL={months};BYDAY={};BYSETPOS=1",
                        workdays.byday()
                    ),
                    dates,
                }
            }
        }
    }
}
