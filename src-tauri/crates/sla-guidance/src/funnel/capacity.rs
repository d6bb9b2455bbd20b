//! The sales capacity a lead volume takes. Two limits, and the team needs the larger:
//!
//! - **Workload.** Every lead gets the agreed number of attempts, each taking some minutes:
//!   `leads × attempts × minutes / 60` rep-hours a month, against the hours each rep has for
//!   lead work.
//! - **Response time.** Leads that arrive outside working hours (web forms at night, weekends)
//!   wait for the morning and must all get a first attempt within the response target, while the
//!   leads arriving during the day keep coming. Reps on first-contact duty at the start of the day:
//!   `backlog × minutes / 60 / min(target, working day) + hourly arrivals × minutes / 60`.
//!   A tighter target needs more reps on duty; this is where HBR's "within the hour" costs people.

use serde::{Deserialize, Serialize};

use super::{finite, positive, whole, within, FunnelError};

/// How the sales team works its leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityInput {
    /// First contact within this many working hours of a lead's arrival.
    pub response_target_hours: f64,
    /// Contact attempts per lead before it is recycled (M. Roberge's SLA: 5).
    pub attempts_per_lead: f64,
    /// Minutes one attempt takes, logging included.
    pub minutes_per_attempt: f64,
    /// Hours a month each rep has for working MQLs, after meetings, demos and admin.
    pub rep_hours_per_month: f64,
    /// Working days in a month.
    pub workdays_per_month: f64,
    /// Length of the working day in hours.
    pub working_hours_per_day: f64,
    /// Percent of leads that arrive outside working hours and wait for the next working day.
    pub after_hours_share_percent: f64,
}

/// The capacity the leads take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapacityResult {
    /// The lead volume this was computed for.
    pub leads_per_month: f64,
    /// Rep-hours a month all the attempts take.
    pub rep_hours_needed: f64,
    /// Reps needed to make every attempt.
    pub reps_for_workload: u64,
    /// Reps who must be on first-contact duty at the start of each working day to meet the
    /// response target.
    pub reps_on_duty_for_response: u64,
    /// The larger of the two.
    pub reps_needed: u64,
    /// Reps missing from the team as it is (0 when it is large enough).
    pub reps_short: u64,
}

// The team's figures a capacity estimate can use. The plan check (`checks::plan`) refuses exactly
// the figures these refuse, so a plan it passes is one the estimate accepts.

/// Contact attempts per lead: at least one, at most 100.
pub(crate) fn attempts_per_lead(value: f64) -> Result<f64, FunnelError> {
    within("capacity.attempts_per_lead", value, 1.0, 100.0)
}

/// Minutes an attempt takes: more than none, at most a working day (480).
pub(crate) fn minutes_per_attempt(value: f64) -> Result<f64, FunnelError> {
    within("capacity.minutes_per_attempt", value, 0.0, 480.0)
        .and_then(|m| positive("capacity.minutes_per_attempt", m))
}

/// Hours a rep has for lead work in a month: more than none, at most a month's hours (744).
pub(crate) fn rep_hours_per_month(value: f64) -> Result<f64, FunnelError> {
    within("capacity.rep_hours_per_month", value, 0.0, 744.0)
        .and_then(|h| positive("capacity.rep_hours_per_month", h))
}

/// The capacity `leads_per_month` MQLs take, and how short of it a team of `sales_reps` is.
pub fn capacity(
    leads_per_month: f64,
    sales_reps: u32,
    input: &CapacityInput,
) -> Result<CapacityResult, FunnelError> {
    let leads = finite("leads_per_month", leads_per_month)?;
    if leads < 0.0 {
        return Err(FunnelError::NotPositive {
            field: "leads_per_month".into(),
            value: leads,
        });
    }
    let target = positive(
        "capacity.response_target_hours",
        input.response_target_hours,
    )?;
    let attempts = attempts_per_lead(input.attempts_per_lead)?;
    let minutes = minutes_per_attempt(input.minutes_per_attempt)?;
    let rep_hours = rep_hours_per_month(input.rep_hours_per_month)?;
    let days = within(
        "capacity.workdays_per_month",
        input.workdays_per_month,
        0.0,
        31.0,
    )
    .and_then(|d| positive("capacity.workdays_per_month", d))?;
    let day_hours = within(
        "capacity.working_hours_per_day",
        input.working_hours_per_day,
        0.0,
        24.0,
    )
    .and_then(|h| positive("capacity.working_hours_per_day", h))?;
    let after_hours = within(
        "capacity.after_hours_share_percent",
        input.after_hours_share_percent,
        0.0,
        100.0,
    )? / 100.0;

    let rep_hours_needed = leads * attempts * minutes / 60.0;
    let reps_for_workload = whole(rep_hours_needed / rep_hours);

    let flow = LeadFlow {
        leads_per_month: leads,
        workdays_per_month: days,
        working_hours_per_day: day_hours,
        after_hours_share: after_hours,
        minutes_per_attempt: minutes,
    };
    let reps_on_duty_for_response = whole(flow.reps_on_duty(target));

    let reps_needed = reps_for_workload.max(reps_on_duty_for_response);
    Ok(CapacityResult {
        leads_per_month: leads,
        rep_hours_needed: super::tidy(rep_hours_needed),
        reps_for_workload: reps_for_workload as u64,
        reps_on_duty_for_response: reps_on_duty_for_response as u64,
        reps_needed: reps_needed as u64,
        reps_short: (reps_needed as u64).saturating_sub(sales_reps as u64),
    })
}

/// How leads arrive and how long a first attempt takes: what the response target costs in people.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeadFlow {
    pub leads_per_month: f64,
    pub workdays_per_month: f64,
    pub working_hours_per_day: f64,
    /// Share of leads (0..=1) arriving outside working hours.
    pub after_hours_share: f64,
    pub minutes_per_attempt: f64,
}

impl LeadFlow {
    fn per_day(&self) -> (f64, f64, f64) {
        let leads_per_day = self.leads_per_month / self.workdays_per_month;
        let morning_backlog = leads_per_day * self.after_hours_share;
        let arrivals_per_hour =
            leads_per_day * (1.0 - self.after_hours_share) / self.working_hours_per_day;
        (
            morning_backlog,
            arrivals_per_hour,
            self.minutes_per_attempt / 60.0,
        )
    }

    /// Reps on first-contact duty (a fraction) to reach every lead within `target_hours`.
    pub fn reps_on_duty(&self, target_hours: f64) -> f64 {
        let (backlog, arrivals, first_contact) = self.per_day();
        backlog * first_contact / target_hours.min(self.working_hours_per_day)
            + arrivals * first_contact
    }

    /// The shortest response, in hours, that `reps` on duty can keep; `None` when they cannot
    /// keep up even with a whole working day for the morning's backlog.
    pub fn fastest_response(&self, reps: f64) -> Option<f64> {
        let (backlog, arrivals, first_contact) = self.per_day();
        let spare = reps - arrivals * first_contact;
        if spare <= 0.0 {
            return None;
        }
        let hours = backlog * first_contact / spare;
        (hours <= self.working_hours_per_day).then_some(hours)
    }
}
