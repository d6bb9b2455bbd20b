//! Report speed: the six-metric review of four periods, and an agreement of 20 metrics reviewed
//! over 12 periods (a chart each), in English and Russian. Target: under 100 ms for the latter.
//!
//! `cargo bench -p sla-review-report --bench report`; prints criterion's figures, then a summary
//! with medians and file sizes.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use sla_compliance::Review;
use sla_model::{Agreement, Language};
use sla_review_report::{report, ReportOptions};

struct Subject {
    name: &'static str,
    agreement: Agreement,
    review: Review,
    options: ReportOptions,
}

fn subjects() -> Vec<Subject> {
    let mut subjects = Vec::new();
    for (name, language) in [("6x4-en", Language::En), ("6x4-ru", Language::Ru)] {
        let agreement = common::agreement(language);
        let review = common::review(&agreement);
        subjects.push(Subject {
            name,
            agreement,
            review,
            options: common::options(language),
        });
    }
    for (name, language) in [("20x12-en", Language::En), ("20x12-ru", Language::Ru)] {
        let (agreement, review) = common::large(language);
        subjects.push(Subject {
            name,
            agreement,
            review,
            options: common::options(language),
        });
    }
    subjects
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn benches(c: &mut Criterion) {
    let subjects = subjects();
    let make = |s: &Subject| report(&s.agreement, &s.review, &s.options).expect("the report");
    // Font parsing happens once per process; the first report is measured on its own below.
    let first = Instant::now();
    make(&subjects[0]);
    let first_report = first.elapsed();

    let mut group = c.benchmark_group("sla-review-report");
    for s in &subjects {
        group.bench_function(s.name, |b| b.iter(|| make(s)));
    }
    group.finish();

    println!(
        "\nsummary (medians of 30; first report in the process, with font parsing: {first_report:.1?})"
    );
    for s in &subjects {
        let took = median(
            (0..30)
                .map(|_| {
                    let t = Instant::now();
                    make(s);
                    t.elapsed()
                })
                .collect(),
        );
        let size = make(s).len();
        println!(
            "  {:<9} {:>7.1?} {:>4} KB{}",
            s.name,
            took,
            size / 1024,
            if s.name.starts_with("20x12") && took >= Duration::from_millis(100) {
                "  SLOWER THAN 100 ms"
            } else {
                ""
            }
        );
    }
}

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
