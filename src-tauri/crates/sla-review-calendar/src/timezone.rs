//! The VTIMEZONE of the business calendar's zone, from the IANA database that `chrono-tz`
//! compiles in: the offset in force at the start of the first year, then each change of offset
//! up to the end of the last year, each as a STANDARD or DAYLIGHT component with its exact
//! moment (no RRULE to get wrong, and nothing a calendar application has to look up by name).
//!
//! The `icalendar` crate has no VTIMEZONE, and its generic components always write a DTSTAMP
//! (read from the clock) and a random UID, which a VTIMEZONE must not have. So each line is a
//! `Property` the crate writes (escaped and folded) and only BEGIN/END are ours.

use chrono::{DateTime, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};
use icalendar::Property;

/// The offset of the zone at a moment: its distance from UTC, its abbreviation and whether it is
/// summer time.
#[derive(Debug, Clone, PartialEq)]
struct ZoneOffset {
    seconds: i32,
    name: String,
    daylight: bool,
}

fn offset_at(zone: Tz, at: DateTime<Utc>) -> ZoneOffset {
    let offset = zone.offset_from_utc_datetime(&at.naive_utc());
    ZoneOffset {
        seconds: offset.fix().local_minus_utc(),
        name: offset.to_string(),
        daylight: !offset.dst_offset().is_zero(),
    }
}

/// The VTIMEZONE for `zone` from 1 January of `from_year` to 1 January of `to_year`, as lines of
/// iCalendar text ending in CRLF.
pub(crate) fn vtimezone(zone: Tz, tzid: &str, from_year: i32, to_year: i32) -> String {
    let year_start = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .expect("1 January exists")
            .and_hms_opt(0, 0, 0)
            .expect("midnight exists")
            .and_utc()
    };
    let start = year_start(from_year);
    let end = year_start(to_year);
    let mut tz = String::from("BEGIN:VTIMEZONE\r\n");
    tz += &line(Property::new("TZID", tzid));
    let first = offset_at(zone, start);
    let local_start = start + Duration::seconds(first.seconds as i64);
    add_observance(&mut tz, &first, &first, local_start);

    // Offsets change at most a few times a year and never twice in a day: look day by day,
    // then find the second.
    let mut before = first;
    let mut day = start;
    while day < end {
        let next = day + Duration::days(1);
        let after = offset_at(zone, next);
        if after != before {
            let (mut low, mut high) = (day.timestamp(), next.timestamp());
            while high - low > 1 {
                let mid = low + (high - low) / 2;
                let mid = DateTime::from_timestamp(mid, 0).expect("within the day");
                if offset_at(zone, mid) == before {
                    low = mid.timestamp();
                } else {
                    high = mid.timestamp();
                }
            }
            // The onset in the local time that was in force until then (RFC 5545, 3.6.5).
            let onset = DateTime::from_timestamp(high, 0).expect("within the day")
                + Duration::seconds(before.seconds as i64);
            add_observance(&mut tz, &before, &after, onset);
            before = after;
        }
        day = next;
    }
    tz += "END:VTIMEZONE\r\n";
    tz
}

/// Adds to `tz` the STANDARD or DAYLIGHT component of one change of offset.
fn add_observance(tz: &mut String, from: &ZoneOffset, to: &ZoneOffset, onset_local: DateTime<Utc>) {
    let kind = if to.daylight { "DAYLIGHT" } else { "STANDARD" };
    *tz += &format!("BEGIN:{kind}\r\n");
    for property in [
        Property::new(
            "DTSTART",
            onset_local.naive_utc().format("%Y%m%dT%H%M%S").to_string(),
        ),
        Property::new("TZOFFSETFROM", utc_offset(from.seconds)),
        Property::new("TZOFFSETTO", utc_offset(to.seconds)),
        Property::new("TZNAME", to.name.as_str()),
    ] {
        *tz += &line(property);
    }
    *tz += &format!("END:{kind}\r\n");
}

/// One content line as the crate writes it.
fn line(property: Property) -> String {
    TryInto::<String>::try_into(property).unwrap_or_default()
}

/// `+0300`, `-0430`, `+053730` (seconds only where the zone has them).
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_written_as_rfc_5545_utc_offsets() {
        assert_eq!(utc_offset(3 * 3600), "+0300");
        assert_eq!(utc_offset(-(4 * 3600 + 30 * 60)), "-0430");
        assert_eq!(utc_offset(5 * 3600 + 37 * 60 + 30), "+053730");
    }
}
