//! The agreement's clause numbers. The agreement PDF numbers its sections with these, and any
//! other document that cites the agreement (the review report) asks them here, so a citation
//! always names the clause the signed PDF prints.

use sla_model::Agreement;

/// Section 2: the services, one clause per commitment.
pub fn commitment(index: usize) -> String {
    format!("2.{}", index + 1)
}

/// Section 3: the performance levels, one clause per commitment, one item per metric.
pub fn performance(commitment: usize) -> String {
    format!("3.{}", commitment + 1)
}

pub fn metric(commitment: usize, metric: usize) -> String {
    format!("3.{}.{}", commitment + 1, metric + 1)
}

/// The plan the targets rest on: the clause after the last commitment's performance levels.
pub fn plan(commitments: usize) -> String {
    format!("3.{}", commitments + 1)
}

/// Section 6 and its three parts.
pub const CONSEQUENCES: &str = "6.";
pub const ESCALATION: &str = "6.1";
pub const REMEDIES: &str = "6.2";
pub const ADJUSTMENTS: &str = "6.3";

/// An escalation step's number in the table of clause 6.1.
pub fn escalation_step(index: usize) -> String {
    (index + 1).to_string()
}

pub fn remedy(index: usize) -> String {
    format!("{REMEDIES}.{}", index + 1)
}

pub fn adjustment(index: usize) -> String {
    format!("{ADJUSTMENTS}.{}", index + 1)
}

/// The clause numbers of one agreement's items, looked up by id.
#[derive(Clone, Copy)]
pub struct Clauses<'a> {
    agreement: &'a Agreement,
}

impl<'a> Clauses<'a> {
    pub fn of(agreement: &'a Agreement) -> Clauses<'a> {
        Clauses { agreement }
    }

    /// "3.1.2" for the second metric of the first commitment.
    pub fn metric(&self, id: &str) -> Option<String> {
        self.agreement
            .commitments
            .iter()
            .enumerate()
            .find_map(|(i, c)| {
                c.metrics
                    .iter()
                    .position(|m| m.id == id)
                    .map(|j| metric(i, j))
            })
    }

    /// "6.2.1" for the first remedy.
    pub fn remedy(&self, id: &str) -> Option<String> {
        self.agreement
            .consequences
            .remedies
            .iter()
            .position(|r| r.id == id)
            .map(remedy)
    }

    /// "6.3.1" for the first adjustment.
    pub fn adjustment(&self, id: &str) -> Option<String> {
        self.agreement
            .consequences
            .adjustments
            .iter()
            .position(|a| a.id == id)
            .map(adjustment)
    }

    /// The clause and step of an escalation step: ("6.1", "2") for the second; `None` when the
    /// agreement has no such step.
    pub fn escalation_step(&self, index: usize) -> Option<(&'static str, String)> {
        (index < self.agreement.consequences.escalation.len())
            .then(|| (ESCALATION, escalation_step(index)))
    }
}
