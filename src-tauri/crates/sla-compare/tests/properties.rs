//! Property tests over random edits of the shipped template: applying every change of a
//! comparison gives the other version exactly, both ways; a merge with an unchanged side is the
//! other side; and edits of different parts by the two sides merge into both.

mod common;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use sla_compare::{compare, merge3, Origin};
use sla_model::*;

/// One edit a head of department might make; the numbers pick what it applies to.
#[derive(Debug, Clone, Copy)]
struct Edit {
    what: u8,
    x: usize,
    y: usize,
    z: u16,
}

fn edits(kinds: std::ops::Range<u8>) -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (kinds, 0usize..64, 0usize..64, 0u16..400).prop_map(|(what, x, y, z)| Edit {
            what,
            x,
            y,
            z,
        }),
        0..10,
    )
}

/// Edits of the services, metrics and remedies ("ours" in the merge property).
const OURS: std::ops::Range<u8> = 0..10;
/// Edits of the deadlines, adjustments, escalation, reviewers and signatories ("theirs").
const THEIRS: std::ops::Range<u8> = 10..24;

fn apply(agreement: &mut Agreement, edits: &[Edit], tag: &str) {
    for (n, e) in edits.iter().enumerate() {
        edit(agreement, *e, &format!("{tag}{n}"));
    }
}

fn edit(a: &mut Agreement, e: Edit, fresh: &str) {
    let Edit { what, x, y, z } = e;
    let commitments = a.commitments.len();
    match what {
        0..=5 if commitments == 0 => {}
        0 => {
            let c = &mut a.commitments[x % commitments];
            if !c.metrics.is_empty() {
                let i = y % c.metrics.len();
                c.metrics[i].target = f64::from(z);
            }
        }
        1 => {
            let c = &mut a.commitments[x % commitments];
            if !c.metrics.is_empty() {
                let i = y % c.metrics.len();
                c.metrics.remove(i);
            }
        }
        2 => {
            let mut metric = template("en").commitments[0].metrics[z as usize % 3].clone();
            metric.id = fresh.to_string();
            metric.target = f64::from(z);
            let c = &mut a.commitments[x % commitments];
            let at = y % (c.metrics.len() + 1);
            c.metrics.insert(at, metric);
        }
        3 => {
            let c = &mut a.commitments[x % commitments];
            if !c.metrics.is_empty() {
                let (i, j) = (y % c.metrics.len(), z as usize % c.metrics.len());
                c.metrics.swap(i, j);
            }
        }
        4 => {
            // A metric moves to another service (same id).
            let from = x % commitments;
            if !a.commitments[from].metrics.is_empty() {
                let i = y % a.commitments[from].metrics.len();
                let metric = a.commitments[from].metrics.remove(i);
                let to = z as usize % commitments;
                let at = y % (a.commitments[to].metrics.len() + 1);
                a.commitments[to].metrics.insert(at, metric);
            }
        }
        5 => {
            let c = &mut a.commitments[x % commitments];
            c.service = format!("Service {z}");
            if let Some(m) = c.metrics.first_mut() {
                m.name = format!("Metric {z}");
                m.window = if z % 2 == 0 {
                    Window::Week
                } else {
                    Window::Month
                };
            }
        }
        6 => a.commitments.rotate_left(x % (commitments + 1)),
        7 => {
            let remedies = &mut a.consequences.remedies;
            let at = x % (remedies.len() + 1);
            remedies.insert(
                at,
                Remedy {
                    id: fresh.to_string(),
                    scope: Scope::Agreement,
                    trigger: format!("Trigger {z}"),
                    action: "Review.".into(),
                    when: (z % 2 == 0).then_some(Trigger::MissedInARow { periods: 2 }),
                },
            );
        }
        8 => {
            let remedies = &mut a.consequences.remedies;
            if !remedies.is_empty() {
                let i = x % remedies.len();
                if z % 2 == 0 {
                    remedies.remove(i);
                } else {
                    remedies[i].action = format!("Action {z}");
                }
            }
        }
        9 => {
            let remedies = &mut a.consequences.remedies;
            let len = remedies.len();
            remedies.rotate_right(x % (len + 1));
        }
        10 => {
            // Holidays, duplicates included.
            let day = date(2027, 1, 1) + chrono::Days::new((x % 8) as u64);
            let holidays = &mut a.deadlines.calendar.holidays;
            let at = y % (holidays.len() + 1);
            holidays.insert(at, day);
        }
        11 => {
            let holidays = &mut a.deadlines.calendar.holidays;
            if !holidays.is_empty() {
                let i = x % holidays.len();
                holidays.remove(i);
            }
        }
        12 => a.deadlines.calendar.holidays.reverse(),
        13 => {
            let rules = &mut a.deadlines.rules;
            if !rules.is_empty() {
                let i = x % rules.len();
                rules[i].response = (z % 3 != 0).then_some(Duration {
                    value: f64::from(z % 24 + 1),
                    unit: DurationUnit::Hours,
                });
            }
        }
        14 => a.deadlines.rules.rotate_left(x % 3),
        15 => {
            let adjustments = &mut a.consequences.adjustments;
            if let Some(adjustment) = adjustments.first_mut() {
                let tiers = &mut adjustment.tiers;
                match y % 4 {
                    0 if !tiers.is_empty() => {
                        let i = x % tiers.len();
                        tiers[i].adjustment_percent = -f64::from(z % 50);
                    }
                    1 => {
                        let at = x % (tiers.len() + 1);
                        tiers.insert(
                            at,
                            AdjustmentTier {
                                achieved_below_percent: f64::from(z % 4 * 10 + 50),
                                adjustment_percent: -1.0,
                            },
                        );
                    }
                    2 if !tiers.is_empty() => {
                        let i = x % tiers.len();
                        tiers.remove(i);
                    }
                    _ => tiers.reverse(),
                }
            }
        }
        16 => {
            if z % 3 == 0 {
                a.consequences.adjustments.clear();
            } else {
                a.consequences.adjustments.push(adjustment(fresh));
            }
        }
        17 => {
            // Escalation steps; two may go to the same person.
            let steps = &mut a.consequences.escalation;
            let at = x % (steps.len() + 1);
            steps.insert(
                at,
                EscalationStep {
                    trigger: "Missed again".into(),
                    escalate_to: format!("Level {}", z % 3),
                    after_days: u32::from(z % 10),
                    action: String::new(),
                    scope: None,
                    when: None,
                },
            );
        }
        18 => {
            let steps = &mut a.consequences.escalation;
            if !steps.is_empty() {
                let i = x % steps.len();
                match z % 3 {
                    0 => {
                        steps.remove(i);
                    }
                    1 => steps[i].after_days = u32::from(z),
                    _ => {
                        let j = y % steps.len();
                        steps.swap(i, j);
                    }
                }
            }
        }
        19 => {
            let reviewers = &mut a.monitoring.reviewers;
            if z % 2 == 0 && !reviewers.is_empty() {
                let i = x % reviewers.len();
                reviewers.remove(i);
            } else {
                reviewers.push(format!("Reviewer {}", z % 4));
            }
        }
        20 => {
            let signatories = &mut a.signatories;
            match z % 3 {
                0 if !signatories.is_empty() => {
                    let i = x % signatories.len();
                    signatories[i].name = format!("Person {y}");
                }
                1 => signatories.insert(
                    x % (signatories.len() + 1),
                    Signatory {
                        side: if y % 2 == 0 {
                            Side::Sales
                        } else {
                            Side::Marketing
                        },
                        name: format!("Person {y}"),
                        role: "CEO".into(),
                        email: String::new(),
                    },
                ),
                _ if !signatories.is_empty() => {
                    let i = x % signatories.len();
                    signatories.remove(i);
                }
                _ => {}
            }
        }
        21 => a.term.review_dates.rotate_left(x % 4),
        22 => a.monitoring.review_cadence = [None, Some(Cadence::Weekly)][x % 2],
        _ => a.deadlines.calendar.workdays = vec![1, 2, 3, 4, 5, 6][..(x % 3 + 4)].to_vec(),
    }
}

fn config() -> Config {
    Config {
        cases: 96,
        rng_seed: RngSeed::Fixed(20_270_101),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn applying_every_change_gives_the_other_version(edits in edits(0..24)) {
        let a = full("en");
        let mut b = a.clone();
        apply(&mut b, &edits, "new-");
        let forward = compare(&a, &b);
        prop_assert_eq!(forward.apply_all(&a).unwrap(), b.clone());
        prop_assert_eq!(compare(&b, &a).apply_all(&b).unwrap(), a.clone());
        prop_assert_eq!(forward.is_empty(), a == b);
        // Keys are unique, so each change can be accepted on its own.
        let mut keys: Vec<&str> = forward.changes.iter().map(|c| c.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        prop_assert_eq!(keys.len(), forward.changes.len());
        for change in &forward.changes {
            forward.apply(&a, &[change.key.as_str()]).unwrap();
        }
    }

    #[test]
    fn a_merge_with_an_unchanged_side_is_the_other_side(edits in edits(0..24)) {
        let base = full("en");
        let mut edited = base.clone();
        apply(&mut edited, &edits, "new-");
        let merge = merge3(&base, &edited, &base).unwrap();
        prop_assert!(merge.is_clean());
        prop_assert_eq!(&merge.merged, &edited);
        let merge = merge3(&base, &base, &edited).unwrap();
        prop_assert_eq!(&merge.merged, &edited);
        let merge = merge3(&base, &edited, &edited).unwrap();
        prop_assert!(merge.is_clean());
        prop_assert!(merge.clean.iter().all(|m| m.origin == Origin::Both));
        prop_assert_eq!(&merge.merged, &edited);
    }

    #[test]
    fn edits_of_different_parts_merge_into_both(
        ours_edits in edits(OURS),
        theirs_edits in edits(THEIRS),
    ) {
        let base = full("en");
        let mut ours = base.clone();
        apply(&mut ours, &ours_edits, "ours-");
        let mut theirs = base.clone();
        apply(&mut theirs, &theirs_edits, "theirs-");
        let mut both = ours.clone();
        apply(&mut both, &theirs_edits, "theirs-");
        let merge = merge3(&base, &ours, &theirs).unwrap();
        prop_assert!(merge.is_clean(), "{:#?}", merge.conflicts);
        prop_assert_eq!(&merge.merged, &both);
    }
}
