"""Reads an .ics file with Python's icalendar package (an independent parser) and prints what the
Rust test checks, as JSON: each event's fields, its recurrence expanded with dateutil in the
event's zone, and the VTIMEZONE's observances."""
import json
import sys

from dateutil import rrule
import icalendar

cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
out = {"timezones": [], "events": []}
for tz in cal.walk("VTIMEZONE"):
    out["timezones"].append({
        "tzid": str(tz["TZID"]),
        "observances": [
            {
                "kind": o.name,
                "start": o["DTSTART"].dt.isoformat(),
                "from": int(o["TZOFFSETFROM"].td.total_seconds()),
                "to": int(o["TZOFFSETTO"].td.total_seconds()),
                "name": str(o["TZNAME"]),
            }
            for o in tz.subcomponents
        ],
    })
for ev in cal.walk("VEVENT"):
    start = ev["DTSTART"].dt
    attendees = ev.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    event = {
        "uid": str(ev["UID"]),
        "summary": str(ev["SUMMARY"]),
        "description": str(ev["DESCRIPTION"]),
        "tzid": ev["DTSTART"].params.get("TZID"),
        "start": start.isoformat(),
        "utc_offset": int(start.utcoffset().total_seconds()) if start.tzinfo else None,
        "minutes": int((ev["DTEND"].dt - start).total_seconds() // 60),
        "stamp": ev["DTSTAMP"].dt.isoformat(),
        "organizer": str(ev["ORGANIZER"]) if "ORGANIZER" in ev else None,
        "organizer_cn": ev["ORGANIZER"].params.get("CN") if "ORGANIZER" in ev else None,
        "attendees": [[str(a), a.params.get("CN")] for a in attendees],
        "recurrence_id": ev["RECURRENCE-ID"].dt.isoformat() if "RECURRENCE-ID" in ev else None,
        "rrule": ev["RRULE"].to_ical().decode() if "RRULE" in ev else None,
        "until": ev["RRULE"]["UNTIL"][0].isoformat() if "UNTIL" in ev.get("RRULE", {}) else None,
        "occurrences": None,
    }
    if "RRULE" in ev:
        # Expanded in wall-clock time, then placed in the zone by Python's own tz database
        # (pytz), so the offsets seen are independent of the file's VTIMEZONE. (dateutil keeps
        # a pytz start's first offset for every occurrence, which is why not expand aware.)
        tz = start.tzinfo
        recur = ev["RRULE"]
        until = recur.pop("UNTIL", [None])[0]
        rule = rrule.rrulestr(recur.to_ical().decode(), dtstart=start.replace(tzinfo=None))
        if until is not None:
            rule = rule.replace(until=until.astimezone(tz).replace(tzinfo=None))
        place = tz.localize if hasattr(tz, "localize") else (lambda d: d.replace(tzinfo=tz))
        skipped = set()
        exdates = ev.get("EXDATE", [])
        for exdate in exdates if isinstance(exdates, list) else [exdates]:
            skipped.update(d.dt.replace(tzinfo=None) for d in exdate.dts)
        event["occurrences"] = [place(d).isoformat() for d in rule if d not in skipped]
    out["events"].append(event)
print(json.dumps(out, ensure_ascii=False, indent=1))
