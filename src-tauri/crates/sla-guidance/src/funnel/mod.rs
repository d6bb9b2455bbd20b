//! The funnel calculator: from a revenue goal, the average deal size and the conversion rate of
//! each stage, how many MQLs per sales rep per month marketing must deliver; from that volume and
//! the response-time target, how much sales capacity following the leads up takes. The result is
//! written into the agreement's MQL target with [`apply`].
//!
//! Worked example (M. Roberge's funnel at HubSpot): 100 MQLs → 50 connects (50%) → 30 discovery
//! calls (60%) → 15 demos (50%) → 5 customers (33.3%), so one customer takes 20 MQLs.

mod apply;
mod capacity;

use serde::{Deserialize, Serialize};

pub use apply::{apply, AppliedTarget};
pub(crate) use capacity::{attempts_per_lead, minutes_per_attempt, rep_hours_per_month};
pub use capacity::{capacity, CapacityInput, CapacityResult, LeadFlow};

/// More MQLs than this in one period means the inputs are wrong (a deal size in the wrong
/// currency unit, a rate typed as a fraction), not a plan anybody could staff.
pub const MAX_MQLS: f64 = 1e12;

/// What the calculator needs to know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunnelInput {
    /// Revenue to win from marketing's leads over `period_months`, in the company's currency.
    pub revenue_goal: f64,
    /// How many months the goal covers: 1 for a monthly goal, 3 for a quarter, 12 for a year.
    pub period_months: u32,
    /// Average revenue of one won deal, in the same currency.
    pub average_deal_size: f64,
    /// Conversion from each stage to the next, from MQL to a won deal, in order.
    pub stages: Vec<FunnelStage>,
    /// Sales reps who take MQLs.
    pub sales_reps: u32,
    /// How leads are worked, to compute the sales capacity they take; `None` to skip it.
    #[serde(default)]
    pub capacity: Option<CapacityInput>,
}

/// One step of the funnel, e.g. "MQL → connect" at 50%.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunnelStage {
    pub name: String,
    /// Percent of the leads entering this stage that move on to the next one, above 0 and at most 100.
    pub conversion_percent: f64,
}

/// What the goal takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelResult {
    /// Won deals needed over the period (whole deals).
    pub deals_needed: u64,
    /// Percent of MQLs that end as a won deal.
    pub overall_conversion_percent: f64,
    /// MQLs it takes to win one deal.
    pub mqls_per_deal: f64,
    /// MQLs needed over the whole period, for the whole team.
    pub mqls_needed: u64,
    /// MQLs the whole team needs each month.
    pub mqls_per_month: u64,
    /// The figure marketing commits to: MQLs per sales rep per month.
    pub mqls_per_rep_per_month: u64,
    /// The team's monthly volume at each stage, for showing the funnel.
    pub stages: Vec<StageVolume>,
    pub capacity: Option<CapacityResult>,
}

/// How many leads enter a stage in a month and how many move on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageVolume {
    pub name: String,
    pub conversion_percent: f64,
    pub entering: f64,
    pub moving_on: f64,
}

/// Why the calculator cannot compute; each names the field to correct.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FunnelError {
    #[error("`{field}` must be a finite number")]
    NotFinite { field: String },
    #[error("`{field}` must be greater than zero (it is {value})")]
    NotPositive { field: String, value: f64 },
    #[error("`{field}` must be at least 1 (it is 0)")]
    Zero { field: String },
    #[error("`{field}` is {value}%; a conversion rate must be above 0% and at most 100%")]
    RateOutOfRange { field: String, value: f64 },
    #[error("`{field}` is {value}; it must be between {min} and {max}")]
    OutOfRange {
        field: String,
        value: f64,
        min: f64,
        max: f64,
    },
    #[error("`stages` is empty; give at least one conversion rate from MQL to a won deal")]
    NoStages,
    #[error("the inputs call for {mqls:.0} MQLs, more than any funnel delivers; check `revenue_goal`, `average_deal_size` and the stage rates")]
    Unrealistic { mqls: f64 },
}

/// Computes the MQLs the goal takes, and the sales capacity when asked.
pub fn compute(input: &FunnelInput) -> Result<FunnelResult, FunnelError> {
    let goal = positive("revenue_goal", input.revenue_goal)?;
    let deal = positive("average_deal_size", input.average_deal_size)?;
    let months = at_least_one("period_months", input.period_months)?;
    let reps = at_least_one("sales_reps", input.sales_reps)?;
    if input.stages.is_empty() {
        return Err(FunnelError::NoStages);
    }
    let mut conversion = 1.0;
    for (i, stage) in input.stages.iter().enumerate() {
        conversion *= rate(
            &format!("stages[{i}].conversion_percent"),
            stage.conversion_percent,
        )? / 100.0;
    }

    let deals_needed = whole(goal / deal);
    let mqls_needed = whole(deals_needed / conversion);
    if !mqls_needed.is_finite() || mqls_needed > MAX_MQLS {
        return Err(FunnelError::Unrealistic { mqls: mqls_needed });
    }
    let mqls_per_month = whole(mqls_needed / months);
    let mqls_per_rep_per_month = whole(mqls_needed / (months * reps));

    let mut entering = mqls_per_month;
    let stages = input
        .stages
        .iter()
        .map(|s| {
            let moving_on = entering * s.conversion_percent / 100.0;
            let volume = StageVolume {
                name: s.name.clone(),
                conversion_percent: s.conversion_percent,
                entering: tidy(entering),
                moving_on: tidy(moving_on),
            };
            entering = moving_on;
            volume
        })
        .collect();

    let capacity = match &input.capacity {
        Some(c) => Some(capacity(mqls_per_month, input.sales_reps, c)?),
        None => None,
    };
    Ok(FunnelResult {
        deals_needed: deals_needed as u64,
        overall_conversion_percent: tidy(conversion * 100.0),
        mqls_per_deal: tidy(1.0 / conversion),
        mqls_needed: mqls_needed as u64,
        mqls_per_month: mqls_per_month as u64,
        mqls_per_rep_per_month: mqls_per_rep_per_month as u64,
        stages,
        capacity,
    })
}

/// Rounds up to a whole number, forgiving the last bits of floating-point error so that
/// 5 deals at a 5% conversion are exactly 100 MQLs, not 101.
fn whole(x: f64) -> f64 {
    if x.is_infinite() {
        return x;
    }
    (x - x.abs() * 1e-9).ceil().max(0.0)
}

/// Rounds a figure for display to six decimals, so 20.000000000000004 shows as 20.
fn tidy(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn finite(field: &str, value: f64) -> Result<f64, FunnelError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(FunnelError::NotFinite {
            field: field.to_string(),
        })
    }
}

fn positive(field: &str, value: f64) -> Result<f64, FunnelError> {
    if finite(field, value)? > 0.0 {
        Ok(value)
    } else {
        Err(FunnelError::NotPositive {
            field: field.to_string(),
            value,
        })
    }
}

fn at_least_one(field: &str, value: u32) -> Result<f64, FunnelError> {
    if value == 0 {
        Err(FunnelError::Zero {
            field: field.to_string(),
        })
    } else {
        Ok(value as f64)
    }
}

fn rate(field: &str, percent: f64) -> Result<f64, FunnelError> {
    if finite(field, percent)? > 0.0 && percent <= 100.0 {
        Ok(percent)
    } else {
        Err(FunnelError::RateOutOfRange {
            field: field.to_string(),
            value: percent,
        })
    }
}

fn within(field: &str, value: f64, min: f64, max: f64) -> Result<f64, FunnelError> {
    if (min..=max).contains(&finite(field, value)?) {
        Ok(value)
    } else {
        Err(FunnelError::OutOfRange {
            field: field.to_string(),
            value,
            min,
            max,
        })
    }
}
