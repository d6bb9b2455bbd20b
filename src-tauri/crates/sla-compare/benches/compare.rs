//! Comparison and merge speed on two agreements of 60 metrics each, beside a baseline measured in
//! the same run: both agreements turned into JSON values and walked for differences position by
//! position (what a generic JSON diff does, with neither identities nor words). Target: under
//! 5 ms for a comparison and for a merge.
//!
//! `cargo bench -p sla-compare`; prints criterion's figures, then a summary with medians.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::Value;
use sla_compare::{compare, merge3};
use sla_model::*;

/// The Russian template with 30 metrics in each of its two services.
fn sixty_metrics() -> Agreement {
    let mut a = common::template("ru");
    for commitment in &mut a.commitments {
        let originals = commitment.metrics.clone();
        commitment.metrics = (0..30)
            .map(|i| {
                let mut m = originals[i % originals.len()].clone();
                m.id = format!("{}-{}", m.id, i + 1);
                m.name = format!("{} ({})", m.name, i + 1);
                m.target += i as f64;
                m
            })
            .collect();
    }
    a
}

/// A negotiation round's edits: targets raised, metrics inserted, removed and moved, a holiday,
/// a remedy reworded, the title; `shift` varies which.
fn edited(base: &Agreement, shift: usize) -> Agreement {
    let mut b = base.clone();
    for (n, i) in (shift..60).step_by(6).enumerate() {
        let c = i % 2;
        let j = i / 2;
        b.commitments[c].metrics[j].target += 10.0 + n as f64;
    }
    let first = &mut b.commitments[shift % 2].metrics;
    first.remove(20 + shift);
    first.remove(5 + shift);
    let mut added = first[0].clone();
    added.id = format!("added-{shift}");
    first.insert(10, added);
    first.swap(1, 2);
    b.deadlines
        .calendar
        .holidays
        .push(common::date(2027, 1, 1 + shift as u32));
    b.consequences.remedies[shift % 3].action = format!("Revised in round {shift}.");
    // Both sides retitle the agreement: one conflict.
    b.title = format!("{} (round {shift})", b.title);
    b
}

/// The baseline's walk: every position of two JSON values compared, differing leaves counted.
fn naive_walk(a: &Value, b: &Value, differences: &mut usize) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                naive_walk(value, y.get(key).unwrap_or(&Value::Null), differences);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                naive_walk(
                    x.get(i).unwrap_or(&Value::Null),
                    y.get(i).unwrap_or(&Value::Null),
                    differences,
                );
            }
        }
        (x, y) => *differences += usize::from(x != y),
    }
}

fn baseline(a: &Agreement, b: &Agreement) -> usize {
    let x = serde_json::to_value(a).expect("serialises");
    let y = serde_json::to_value(b).expect("serialises");
    let mut differences = 0;
    naive_walk(&x, &y, &mut differences);
    differences
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn timed(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn benches(c: &mut Criterion) {
    let base = sixty_metrics();
    let ours = edited(&base, 0);
    let theirs = edited(&base, 1);
    // The messages are compiled once per process; the first comparison is measured on its own.
    let first = Instant::now();
    let comparison = compare(&base, &ours);
    let first_compare = first.elapsed();
    let merge = merge3(&base, &ours, &theirs).expect("merges");

    let mut group = c.benchmark_group("sla-compare");
    group.bench_function("compare 60 metrics", |b| {
        b.iter(|| compare(black_box(&base), black_box(&ours)))
    });
    group.bench_function("merge3 60 metrics", |b| {
        b.iter(|| merge3(black_box(&base), black_box(&ours), black_box(&theirs)).expect("merges"))
    });
    group.bench_function("baseline: to_value + positional walk", |b| {
        b.iter(|| baseline(black_box(&base), black_box(&ours)))
    });
    group.finish();

    let compared = timed(200, || {
        black_box(compare(&base, &ours));
    });
    let merged = timed(200, || {
        black_box(merge3(&base, &ours, &theirs).expect("merges"));
    });
    let walked = timed(200, || {
        black_box(baseline(&base, &ours));
    });
    println!(
        "\nsummary (medians of 200; the first comparison in the process, compiling the messages: \
         {first_compare:.1?})"
    );
    println!(
        "  compare      {compared:>9.1?}  {} changes, each in two languages",
        comparison.changes.len()
    );
    println!(
        "  merge3       {merged:>9.1?}  {} clean, {} conflicts",
        merge.clean.len(),
        merge.conflicts.len()
    );
    println!(
        "  baseline     {walked:>9.1?}  {} leaves differ by position",
        baseline(&base, &ours)
    );
}

criterion_group!(group, benches);
criterion_main!(group);
