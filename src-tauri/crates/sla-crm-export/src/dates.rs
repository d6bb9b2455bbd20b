//! Date and time cells as CRMs write them, to instants.
//!
//! Day or month first is decided by the date's separator, the way the exports write it: `.` is
//! day first (`05.03.2026` is 5 March: amoCRM, Bitrix24, Russian Excel), `/` is US month first
//! (`03/05/2026` is 5 March: Salesforce, HubSpot with US locale), `-` is ISO year-month-day. No
//! file mixes the two conventions with the same separator, and guessing per value (13 and over
//! must be a day) would read the same file two ways.
//!
//! A time without a zone is wall-clock time in the agreement's calendar zone. In the hour a
//! daylight-saving change skips (spring), the time is read with the offset in force before the
//! change, so it lands as far after the change as it was written after its start (02:30 in a
//! 02:00→03:00 gap is 03:30), as RFC 5545 and java.time do; in the hour a change repeats
//! (autumn), the earlier of the two instants is taken, since an export cannot say which.

use std::sync::LazyLock;

use calamine::{ExcelDateTime, ExcelDateTimeType};
use chrono::format::{parse, Item, Parsed, StrftimeItems};
use chrono::{
    DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

/// A strftime format parsed once: chrono would parse the format string again for every cell.
struct Format(LazyLock<Vec<Item<'static>>>);

macro_rules! strftime {
    ($name:ident, $text:literal) => {
        static $name: Format = Format(LazyLock::new(|| {
            StrftimeItems::new($text).parse().unwrap_or_default()
        }));
    };
}

strftime!(DAY_FIRST, "%d.%m.%Y");
strftime!(DAY_FIRST_SHORT_YEAR, "%d.%m.%y");
strftime!(MONTH_FIRST, "%m/%d/%Y");
strftime!(MONTH_FIRST_SHORT_YEAR, "%m/%d/%y");
strftime!(ISO_DATE, "%Y-%m-%d");
strftime!(HOURS_MINUTES, "%H:%M");
strftime!(HOURS_MINUTES_SECONDS, "%H:%M:%S");
strftime!(HOURS_MINUTES_SECONDS_FRACTION, "%H:%M:%S%.f");
strftime!(TWELVE_HOUR, "%I:%M %p");
strftime!(TWELVE_HOUR_SECONDS, "%I:%M:%S %p");

impl Format {
    fn date(&self, text: &str) -> Option<NaiveDate> {
        let mut parsed = Parsed::new();
        parse(&mut parsed, text, self.0.iter()).ok()?;
        parsed.to_naive_date().ok()
    }

    fn time(&self, text: &str) -> Option<NaiveTime> {
        let mut parsed = Parsed::new();
        parse(&mut parsed, text, self.0.iter()).ok()?;
        parsed.to_naive_time().ok()
    }
}

/// Largest Excel serial date (9999-12-31) and the smallest that is a date (1900-01-01).
const MAX_SERIAL: f64 = 2_958_465.999_999;
const MIN_SERIAL: f64 = 1.0;

/// A wall-clock time in `tz` as an instant.
pub(crate) fn localize(naive: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(at) => at.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // A day before, the offset in force before the change (changes are months apart).
            let day_before = naive.checked_sub_signed(Duration::days(1)).unwrap_or(naive);
            let offset = tz
                .offset_from_utc_datetime(&day_before)
                .fix()
                .local_minus_utc();
            naive
                .checked_sub_signed(Duration::seconds(i64::from(offset)))
                .unwrap_or(naive)
                .and_utc()
        }
    }
}

/// An Excel serial date-time, in the workbook's epoch (1900 unless the workbook says 1904).
pub(crate) fn from_serial(serial: f64, epoch_1904: bool) -> Option<NaiveDateTime> {
    if !(MIN_SERIAL..=MAX_SERIAL).contains(&serial) {
        return None;
    }
    ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, epoch_1904).as_datetime()
}

/// A date or date-time written as text; `None` when it is none of the forms the module's
/// documentation lists. A bare number is a 1900-epoch Excel serial date (a CSV saved from Excel
/// with the date column formatted as a number).
pub(crate) fn parse_text(text: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let date_end = text.find([' ', 'T', 't']).unwrap_or(text.len());
    let date = &text[..date_end];
    // Salesforce writes "3/5/2026, 9:05 AM" in some locales.
    let date = date.strip_suffix(',').unwrap_or(date);
    let time = text[date_end..].trim_start_matches([' ', 'T', 't']);
    if date.bytes().filter(|&b| b == b'.').count() == 2 {
        let naive_date = parse_date(date, &DAY_FIRST, &DAY_FIRST_SHORT_YEAR)?;
        return with_time(naive_date, time, tz, false);
    }
    if date.contains('/') {
        let naive_date = parse_date(date, &MONTH_FIRST, &MONTH_FIRST_SHORT_YEAR)?;
        return with_time(naive_date, time, tz, true);
    }
    if date.len() == 10 && date.as_bytes()[4] == b'-' {
        return parse_iso(text, date, time, tz);
    }
    let serial: f64 = if text.contains(',') && !text.contains('.') {
        // A decimal comma, as Russian Excel writes numbers.
        text.replacen(',', ".", 1).parse().ok()?
    } else {
        text.parse().ok()?
    };
    from_serial(serial, false).map(|naive| localize(naive, tz))
}

fn parse_date(date: &str, four_digit_year: &Format, two_digit_year: &Format) -> Option<NaiveDate> {
    let year_digits = date.rsplit(['.', '/']).next()?.len();
    let format = match year_digits {
        4 => four_digit_year,
        2 => two_digit_year,
        _ => return None,
    };
    format.date(date)
}

/// `time` as written after a day-first or US date: `HH:MM[:SS]`, or with `AM`/`PM`.
fn with_time(date: NaiveDate, time: &str, tz: Tz, may_be_12_hour: bool) -> Option<DateTime<Utc>> {
    if time.is_empty() {
        return Some(localize(date.and_time(NaiveTime::MIN), tz));
    }
    let twelve_hour = may_be_12_hour
        && time.len() > 2
        && time.as_bytes()[time.len() - 1].eq_ignore_ascii_case(&b'm');
    let seconds = time.bytes().filter(|&b| b == b':').count() == 2;
    let format = match (twelve_hour, seconds) {
        (false, false) => &HOURS_MINUTES,
        (false, true) => &HOURS_MINUTES_SECONDS,
        (true, false) => &TWELVE_HOUR,
        (true, true) => &TWELVE_HOUR_SECONDS,
    };
    let time = format.time(time)?;
    Some(localize(date.and_time(time), tz))
}

fn parse_iso(text: &str, date: &str, time: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let date = ISO_DATE.date(date)?;
    if time.is_empty() {
        return Some(localize(date.and_time(NaiveTime::MIN), tz));
    }
    let has_zone = time.ends_with(['Z', 'z']) || time.contains(['+', '-']);
    if has_zone {
        if let Ok(at) = DateTime::parse_from_rfc3339(text) {
            return Some(at.with_timezone(&Utc));
        }
        // RFC 3339 wants seconds and a colon in the offset; ISO 8601 does not.
        for format in ["%H:%M:%S%.f%#z", "%H:%M%#z"] {
            let full = format!("%Y-%m-%dT{format}");
            let normalized = format!("{date}T{time}");
            if let Ok(at) = DateTime::parse_from_str(&normalized, &full) {
                return Some(at.with_timezone(&Utc));
            }
        }
        return None;
    }
    let seconds = time.bytes().filter(|&b| b == b':').count() == 2;
    let format = if seconds {
        &HOURS_MINUTES_SECONDS_FRACTION
    } else {
        &HOURS_MINUTES
    };
    let time = format.time(time)?;
    Some(localize(date.and_time(time), tz))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::{Berlin, Moscow};

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn each_written_form() {
        // Moscow is UTC+3 all year.
        let cases = [
            ("05.03.2026 14:30:15", "2026-03-05T11:30:15Z"),
            ("05.03.2026 14:30", "2026-03-05T11:30:00Z"),
            ("5.3.2026 9:05", "2026-03-05T06:05:00Z"),
            ("05.03.2026", "2026-03-04T21:00:00Z"),
            ("05.03.26", "2026-03-04T21:00:00Z"),
            ("2026-03-05", "2026-03-04T21:00:00Z"),
            ("2026-03-05T14:30", "2026-03-05T11:30:00Z"),
            ("2026-03-05 14:30:15", "2026-03-05T11:30:15Z"),
            ("2026-03-05T14:30:15.250", "2026-03-05T11:30:15.250Z"),
            ("2026-03-05T14:30:15Z", "2026-03-05T14:30:15Z"),
            ("2026-03-05T14:30:15+01:00", "2026-03-05T13:30:15Z"),
            ("2026-03-05 14:30:15.5+0100", "2026-03-05T13:30:15.5Z"),
            ("2026-03-05T14:30+01:00", "2026-03-05T13:30:00Z"),
            ("03/05/2026 2:30 PM", "2026-03-05T11:30:00Z"),
            ("3/5/2026 12:05 am", "2026-03-04T21:05:00Z"),
            ("3/5/2026, 9:05 AM", "2026-03-05T06:05:00Z"),
            ("03/05/2026 14:30:15", "2026-03-05T11:30:15Z"),
            ("03/05/2026", "2026-03-04T21:00:00Z"),
            ("3/5/26 2:30:15 PM", "2026-03-05T11:30:15Z"),
            // 46086 days after 1899-12-30 is 2026-03-05; .5 is noon.
            ("46086.5", "2026-03-05T09:00:00Z"),
            ("46086,5", "2026-03-05T09:00:00Z"),
            ("46086", "2026-03-04T21:00:00Z"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_text(text, Moscow), Some(utc(expected)), "{text}");
        }
    }

    #[test]
    fn unreadable_forms() {
        for text in [
            "",
            "yesterday",
            "31.02.2026",
            "13/13/2026",
            "05.03.2026 25:00",
            "2026-3-5",
            "05-03-2026",
            "0.5",
            "99999999",
            "NaN",
            "inf",
            "05.03.202",
            "03/05/2026 2:30 XM",
            "2026-03-05T14:30:15+25:00",
        ] {
            assert_eq!(parse_text(text, Moscow), None, "{text}");
        }
    }

    #[test]
    fn daylight_saving_gap_and_overlap() {
        // Berlin springs forward 2026-03-29 02:00 CET → 03:00 CEST: 02:30 does not exist and is
        // read with the winter offset, +01:00, i.e. 01:30Z (03:30 CEST).
        assert_eq!(
            parse_text("29.03.2026 02:30", Berlin),
            Some(utc("2026-03-29T01:30:00Z"))
        );
        // It falls back 2026-10-25 03:00 CEST → 02:00 CET: 02:30 happens twice, the first
        // time at +02:00, i.e. 00:30Z.
        assert_eq!(
            parse_text("25.10.2026 02:30", Berlin),
            Some(utc("2026-10-25T00:30:00Z"))
        );
    }

    #[test]
    fn serials_in_both_epochs() {
        let noon = NaiveDate::from_ymd_opt(2026, 3, 5)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert_eq!(from_serial(46086.5, false), Some(noon));
        // The 1904 epoch counts 1462 days fewer.
        assert_eq!(from_serial(44624.5, true), Some(noon));
        assert_eq!(from_serial(-3.0, false), None);
        assert_eq!(from_serial(f64::NAN, false), None);
    }
}
