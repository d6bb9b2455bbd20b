//! The `.ics` read back by Python's `icalendar` package, an independent parser, its recurrence
//! expanded by `dateutil`: the dates each calendar application would show, worked out by hand.

use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::Value;
use sla_model::*;
use sla_review_calendar::{review_calendar, CalendarError, CalendarOptions};

/// Debian's Python, where apt installs `python3-icalendar`; not a virtual environment's, which
/// would not see it. On Windows (under Wine) the same Python, through the tools the test runner
/// puts on the path.
const PYTHON: &str = if cfg!(windows) {
    "python3"
} else {
    "/usr/bin/python3"
};

fn template(language: &str) -> Agreement {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../sla-templates/builtin/sales-marketing.{language}.json"
    ));
    sla_model::read_file(&path).expect("the template reads")
}

fn options() -> CalendarOptions {
    CalendarOptions {
        now: Utc.with_ymd_and_hms(2026, 12, 2, 4, 30, 0).unwrap(),
        language: None,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The calendar as Python's icalendar reads it.
fn read_back(ics: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviews.ics");
    std::fs::write(&file, ics).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/read_back.py");
    let output = Command::new(PYTHON)
        .arg(&script)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{PYTHON} did not start ({e}): apt-get install python3"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("ModuleNotFoundError"),
        "Python's icalendar or dateutil is missing: apt-get install python3-icalendar python3-dateutil\n{stderr}"
    );
    assert!(output.status.success(), "{stderr}\n{ics}");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

fn event<'a>(cal: &'a Value, uid: &str) -> &'a Value {
    cal["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["uid"] == uid && e["recurrence_id"].is_null())
        .unwrap_or_else(|| panic!("no event {uid}: {cal:#}"))
}

#[test]
fn monthly_reviews_fall_on_the_first_working_day_of_each_month_in_moscow() {
    let a = template("en");
    let ics = review_calendar(&a, &options()).unwrap();
    // The crate folds long lines and ends each with CRLF.
    assert!(
        ics.lines().all(|l| l.trim_end_matches('\r').len() <= 75),
        "{ics}"
    );
    assert!(ics.contains("\r\n"));
    let cal = read_back(&ics);

    // Europe/Moscow has had no clock change since 2014: one STANDARD, +03:00 all year.
    let tz = &cal["timezones"][0];
    assert_eq!(tz["tzid"], "Europe/Moscow");
    let observances = tz["observances"].as_array().unwrap();
    assert_eq!(observances.len(), 1, "{tz:#}");
    assert_eq!(observances[0]["kind"], "STANDARD");
    assert_eq!(observances[0]["from"], 3 * 3600);
    assert_eq!(observances[0]["to"], 3 * 3600);
    assert_eq!(observances[0]["name"], "MSK");

    // A VTIMEZONE has no DTSTAMP or UID (the crate would add both to a component of its own).
    let vtimezone = &ics[ics.find("BEGIN:VTIMEZONE").unwrap()..ics.find("END:VTIMEZONE").unwrap()];
    assert!(
        !vtimezone.contains("DTSTAMP") && !vtimezone.contains("UID"),
        "{vtimezone}"
    );

    let series = event(&cal, &format!("reviews-{}@sla-studio", a.id));
    assert_eq!(
        series["summary"],
        format!("Monthly SLA review: {}", a.title)
    );
    // The series ends with the term: 31 December 2027, 23:59:59 Moscow time, in UTC.
    assert_eq!(series["until"], "2027-12-31T20:59:59+00:00");
    assert!(series["description"].as_str().unwrap().contains(&a.title));
    assert_eq!(series["tzid"], "Europe/Moscow");
    assert_eq!(series["utc_offset"], 3 * 3600);
    assert_eq!(series["minutes"], 60);
    assert_eq!(series["stamp"], "2026-12-02T04:30:00+00:00");
    // Term 1 January to 31 December 2027, working days Monday to Friday, day starts 09:00, so
    // each review at 10:00 on the first weekday of the month (2027: Jan 1 is a Friday, Feb 1
    // Monday, Mar 1 Monday, Apr 1 Thursday, May 1 Saturday -> May 3, Jun 1 Tuesday, Jul 1
    // Thursday, Aug 1 Sunday -> Aug 2, Sep 1 Wednesday, Oct 1 Friday, Nov 1 Monday, Dec 1
    // Wednesday).
    let expected: Vec<String> = [
        "2027-01-01",
        "2027-02-01",
        "2027-03-01",
        "2027-04-01",
        "2027-05-03",
        "2027-06-01",
        "2027-07-01",
        "2027-08-02",
        "2027-09-01",
        "2027-10-01",
        "2027-11-01",
        "2027-12-01",
    ]
    .iter()
    .map(|d| format!("{d}T10:00:00+03:00"))
    .collect();
    assert_eq!(strings(&series["occurrences"]), expected);

    // The heads, invited by name; the organizer is the marketing head.
    let attendees = series["attendees"].as_array().unwrap();
    let heads = [&a.parties.marketing.head, &a.parties.sales.head];
    for head in heads {
        assert!(
            attendees
                .iter()
                .any(|x| x[0] == format!("mailto:{}", head.email) && x[1] == head.name.as_str()),
            "{} missing from {attendees:?}",
            head.email
        );
    }
    assert_eq!(series["organizer"], format!("mailto:{}", heads[0].email));
    assert_eq!(series["organizer_cn"], heads[0].name.as_str());

    // Each review date of the term is a meeting of its own, also at 10:00 Moscow time.
    for d in &a.term.review_dates {
        let review = event(&cal, &format!("review-{d}-{}@sla-studio", a.id));
        assert_eq!(review["start"], format!("{d}T10:00:00+03:00"));
        assert_eq!(review["occurrences"], Value::Null);
        assert_eq!(review["summary"], format!("Agreement review: {}", a.title));
    }
    assert_eq!(
        cal["events"].as_array().unwrap().len(),
        1 + a.term.review_dates.len()
    );

    // The same agreement gives the same file: re-importing updates, never duplicates.
    assert_eq!(review_calendar(&a, &options()).unwrap(), ics);
}

#[test]
fn weekly_reviews_in_berlin_keep_their_local_hour_across_both_clock_changes() {
    let mut a = template("en");
    a.deadlines.calendar.timezone = "Europe/Berlin".into();
    a.deadlines.calendar.day_start = "08:30".into();
    a.monitoring.review_cadence = Some(Cadence::Biweekly);
    a.term.effective_date = date(2027, 3, 6); // a Saturday
    a.term.duration_months = 2;
    a.term.review_dates.clear();
    a.signatories.push(Signatory {
        side: Side::Sales,
        name: "Ольга Смирнова".into(),
        role: "CEO".into(),
        email: "ceo@example.com".into(),
    });
    let cal = read_back(&review_calendar(&a, &options()).unwrap());

    // Berlin 2027: CET (+01:00) until 28 March 02:00, CEST (+02:00) until 31 October 03:00;
    // the VTIMEZONE covers the year the meetings fall in, from 1 January (00:00 UTC is 01:00
    // local).
    let observances = cal["timezones"][0]["observances"].as_array().unwrap();
    let seen: Vec<(String, String, i64, i64)> = observances
        .iter()
        .map(|o| {
            (
                o["kind"].as_str().unwrap().to_string(),
                o["start"].as_str().unwrap().to_string(),
                o["from"].as_i64().unwrap(),
                o["to"].as_i64().unwrap(),
            )
        })
        .collect();
    let o = |k: &str, s: &str, f: i64, t: i64| (k.to_string(), s.to_string(), f * 3600, t * 3600);
    assert_eq!(
        seen,
        [
            o("STANDARD", "2027-01-01T01:00:00", 1, 1),
            o("DAYLIGHT", "2027-03-28T02:00:00", 1, 2),
            o("STANDARD", "2027-10-31T03:00:00", 2, 1),
        ]
    );

    // Term 6 March to 5 May 2027; the first working day is Monday 8 March; every second Monday
    // at 09:30 Berlin time: 8 and 22 March (+01:00), 5 and 19 April and 3 May (+02:00).
    let series = event(&cal, &format!("reviews-{}@sla-studio", a.id));
    assert_eq!(
        strings(&series["occurrences"]),
        [
            "2027-03-08T09:30:00+01:00",
            "2027-03-22T09:30:00+01:00",
            "2027-04-05T09:30:00+02:00",
            "2027-04-19T09:30:00+02:00",
            "2027-05-03T09:30:00+02:00",
        ]
    );
    // Signatories with an address are invited too.
    assert!(series["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x[0] == "mailto:ceo@example.com" && x[1] == "Ольга Смирнова"));
}

#[test]
fn a_russian_agreement_speaks_russian_and_moves_a_review_off_a_holiday() {
    let mut a = template("ru");
    a.monitoring.review_cadence = Some(Cadence::Quarterly);
    // The New Year holidays: Friday 1 January is the first working day by weekday, but a
    // holiday, as are 4 to 8 January.
    a.deadlines.calendar.holidays = (1..=8).map(|d| date(2027, 1, d)).collect();
    let cal = read_back(&review_calendar(&a, &options()).unwrap());
    let uid = format!("reviews-{}@sla-studio", a.id);
    let series = event(&cal, &uid);
    assert_eq!(
        series["summary"],
        format!("Ежеквартальный разбор SLA: {}", a.title)
    );
    assert!(series["description"]
        .as_str()
        .unwrap()
        .starts_with(&format!("Разбор соглашения «{}»", a.title)));
    // Quarterly from January: the first weekdays of January, April, July and October 2027.
    assert_eq!(
        strings(&series["occurrences"]),
        [
            "2027-01-01T10:00:00+03:00",
            "2027-04-01T10:00:00+03:00",
            "2027-07-01T10:00:00+03:00",
            "2027-10-01T10:00:00+03:00",
        ]
    );
    // 1 January is a holiday: that meeting moves to Monday 11 January (the 9th and 10th are a
    // weekend), as an instance of the same series.
    let moved = cal["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["uid"] == uid.as_str() && !e["recurrence_id"].is_null())
        .expect("the moved meeting");
    assert_eq!(moved["recurrence_id"], "2027-01-01T10:00:00+03:00");
    assert_eq!(moved["start"], "2027-01-11T10:00:00+03:00");
    let review = event(&cal, &format!("review-2027-03-31-{}@sla-studio", a.id));
    assert_eq!(
        review["summary"],
        format!("Пересмотр соглашения: {}", a.title)
    );
}

#[test]
fn an_agreement_without_reviews_or_with_a_bad_calendar_is_refused_by_name() {
    let mut a = template("en");
    a.monitoring.review_cadence = None;
    a.term.review_dates.clear();
    let err = review_calendar(&a, &options()).unwrap_err();
    assert_eq!(err, CalendarError::NoReviews);
    assert!(err.to_string().contains("monitoring.review_cadence"));

    let mut a = template("en");
    a.deadlines.calendar.timezone = "Mars/Olympus".into();
    let err = review_calendar(&a, &options()).unwrap_err();
    assert!(err.to_string().contains("\"Mars/Olympus\""), "{err}");

    let mut a = template("en");
    a.deadlines.calendar.day_start = "nine".into();
    assert_eq!(
        review_calendar(&a, &options()).unwrap_err(),
        CalendarError::BadDayStart("nine".into())
    );

    // A monthly review in a one-month term from Friday 2 January 2026 to Sunday 1 February:
    // January's first working day (Thursday the 1st) is before it, February's (Monday the 2nd)
    // after it, and no review date is set.
    let mut a = template("en");
    a.term.effective_date = date(2026, 1, 2);
    a.term.duration_months = 1;
    a.term.review_dates.clear();
    let err = review_calendar(&a, &options()).unwrap_err();
    assert_eq!(
        err,
        CalendarError::NoMeetingsInTerm {
            first: date(2026, 1, 2),
            last: date(2026, 2, 1)
        }
    );
    assert!(
        err.to_string().contains("2026-01-02 to 2026-02-01"),
        "{err}"
    );

    // Review dates alone still make a calendar, without a series.
    let mut a = template("en");
    a.monitoring.review_cadence = None;
    let cal = read_back(&review_calendar(&a, &options()).unwrap());
    assert_eq!(
        cal["events"].as_array().unwrap().len(),
        a.term.review_dates.len()
    );
    assert!(cal["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["occurrences"].is_null()));
}

#[test]
fn daily_reviews_skip_weekends_and_holidays() {
    let mut a = template("ru");
    a.monitoring.review_cadence = Some(Cadence::Daily);
    a.term.effective_date = date(2027, 2, 1);
    a.term.duration_months = 1;
    a.term.review_dates.clear();
    // Defender of the Fatherland Day, Tuesday 23 February 2027.
    a.deadlines.calendar.holidays = vec![date(2027, 2, 23)];
    let cal = read_back(&review_calendar(&a, &options()).unwrap());
    let series = event(&cal, &format!("reviews-{}@sla-studio", a.id));
    assert_eq!(
        series["summary"],
        format!("Ежедневный разбор SLA: {}", a.title)
    );
    // February 2027 starts on a Monday and has 20 weekdays (1-5, 8-12, 15-19, 22-26); without
    // the 23rd, 19 meetings, none moved (no second event with the series' UID).
    let expected: Vec<String> = [
        1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 22, 24, 25, 26,
    ]
    .iter()
    .map(|d| format!("2027-02-{d:02}T10:00:00+03:00"))
    .collect();
    assert_eq!(strings(&series["occurrences"]), expected);
    assert_eq!(cal["events"].as_array().unwrap().len(), 1);
}
