//! Every field of the agreement changed at once: each change is named in words in both languages
//! (none falls back to its key), grouped under its wizard step, and applying them all gives the
//! second version.

mod common;

use common::*;
use sla_compare::{compare, Step};
use sla_model::*;

fn everything_changed(a: &Agreement) -> Agreement {
    let mut b = a.clone();
    b.id = "00000000-0000-4000-8000-000000000002".into();
    b.title = "Marketing and Sales SLA".into();
    b.language = Language::Ru;
    b.parties.marketing.department = "Growth marketing".into();
    b.parties.marketing.head.name = "Maria Orlova".into();
    b.parties.sales.head.role = "Sales director".into();
    b.parties.sales.head.email = "sales@example.com".into();
    b.term.effective_date = date(2027, 2, 1);
    b.term.duration_months = 6;
    b.term.renewal = Renewal::Automatic;
    b.term.review_dates.push(date(2027, 12, 30));
    let c = &mut b.commitments[0];
    c.provider = Side::Sales;
    c.service = "Qualified leads".into();
    c.description = "Leads that meet the definition.".into();
    let m = &mut c.metrics[0];
    m.name = "MQLs per rep".into();
    m.definition = "Leads marked MQL.".into();
    m.kind = MetricKind::Quality;
    m.flow = "sql".into();
    m.unit = Unit::Percent;
    m.comparator = Comparator::AtMost;
    m.target = 40.0;
    m.window = Window::Quarter;
    m.data_source = "BI".into();
    m.collection = Collection::Manual {
        reason: "the CRM has no report".into(),
    };
    m.owner = Side::Sales;
    let mon = &mut b.monitoring;
    mon.data_collection = "By hand.".into();
    mon.data_processing = "None.".into();
    mon.reports[0].contents = "Everything.".into();
    mon.reports[0].owner = "Sales operations".into();
    mon.reports[0].frequency = Cadence::Weekly;
    mon.review_cadence = None;
    mon.reviewers.push("CEO".into());
    let d = &mut b.deadlines;
    d.basis = TimeBasis::Calendar;
    d.calendar.timezone = "Asia/Yekaterinburg".into();
    d.calendar.workdays = vec![1, 2, 3, 4, 5, 6];
    d.calendar.day_start = "08:00".into();
    d.calendar.day_end = "17:00".into();
    d.calendar.holidays.push(date(2027, 3, 8));
    let r = &mut d.rules[0];
    r.category = DeadlineCategory::IssueSeverity;
    r.applies_to = "Tier A".into();
    r.owner = Side::Marketing;
    r.response = None;
    r.resolution = Some(Duration {
        value: 30.0,
        unit: DurationUnit::Minutes,
    });
    let e = &mut b.consequences.escalation[0];
    e.trigger = "Two misses".into();
    e.after_days = 2;
    e.action = "Call.".into();
    e.scope = Some(Scope::Metric("first-contact-time".into()));
    e.when = Some(Trigger::AchievedBelow { percent: 50.0 });
    let rem = &mut b.consequences.remedies[1];
    rem.scope = Scope::Agreement;
    rem.trigger = "Below plan".into();
    rem.action = "Revise the plan.".into();
    rem.when = None;
    let adj = &mut b.consequences.adjustments[0];
    adj.kind = AdjustmentKind::Budget;
    adj.scope = Scope::Agreement;
    adj.tiers[1].adjustment_percent = -7.5;
    adj.cap_per_month_percent = 12.0;
    adj.cap_per_year_percent = 25.0;
    b.signatories[0].name = "Maria Orlova".into();
    b.signatories[0].role = "Marketing director".into();
    b.signatories[0].email = "m.orlova@example.com".into();
    b.notes = "Nothing else.".into();
    b
}

#[test]
fn every_field_reads_in_words_and_applies() {
    let a = full("en");
    let b = everything_changed(&a);
    let comparison = compare(&a, &b);
    for change in &comparison.changes {
        for language in [Language::En, Language::Ru] {
            let text = change.text.get(language);
            assert!(
                !text.contains(&change.key)
                    && !text.contains('_')
                    && !text.contains('{')
                    && !text.contains("compare-")
                    && !text.contains("pdf-"),
                "{} is not in words: {text}",
                change.key
            );
        }
        println!(
            "{:<12} {}\n{:<12} {}",
            change.step.as_str(),
            change.text.en,
            "",
            change.text.ru
        );
    }
    // One change per edited field or item: nothing edited once shows twice.
    assert_eq!(comparison.changes.len(), 61, "{:#?}", keys(&comparison));
    assert_eq!(comparison.apply_all(&a).unwrap(), b);
    let steps: std::collections::BTreeSet<&str> =
        comparison.changes.iter().map(|c| c.step.as_str()).collect();
    assert_eq!(
        steps.into_iter().collect::<Vec<_>>(),
        [
            "consequences",
            "deadlines",
            "monitoring",
            "parties",
            "performance",
            "review",
            "signoff"
        ]
    );
    let step = |key: &str| comparison.get(key).unwrap().step;
    assert_eq!(step("title"), Step::Parties);
    assert_eq!(step("language"), Step::Review);
    assert_eq!(step("commitments[mkt-leads].service"), Step::Parties);
    assert_eq!(
        step("commitments[mkt-leads].metrics[mql-per-rep].target"),
        Step::Performance
    );
    assert_eq!(step("monitoring.review_cadence"), Step::Monitoring);
    assert_eq!(step("deadlines.calendar.workdays"), Step::Deadlines);
    assert_eq!(step("notes"), Step::Consequences);
    assert_eq!(step("signatories[marketing].name"), Step::Signoff);
}
