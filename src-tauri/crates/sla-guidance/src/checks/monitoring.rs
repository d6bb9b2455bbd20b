//! Monitoring and reporting: the article asks the agreement to say how data is collected and
//! processed, how often it is reviewed and who takes part. Figures nobody reviews change nothing.

use sla_model::Agreement;

use super::{blank, Findings, *};

pub(super) fn check(a: &Agreement, out: &mut Findings) {
    let m = &a.monitoring;
    if blank(&m.data_collection) {
        out.add(
            MONITORING_NO_DATA_COLLECTION,
            "monitoring.data_collection",
            &[],
        );
    }
    if blank(&m.data_processing) {
        out.add(
            MONITORING_NO_DATA_PROCESSING,
            "monitoring.data_processing",
            &[],
        );
    }
    if m.reports.is_empty() {
        out.add(MONITORING_NO_REPORTS, "monitoring.reports", &[]);
    }
    for (i, r) in m.reports.iter().enumerate() {
        if blank(&r.owner) {
            out.add(
                REPORT_WITHOUT_OWNER,
                format!("monitoring.reports[{i}].owner"),
                &[("report", r.name.trim().into())],
            );
        }
    }
    if m.review_cadence.is_none() {
        out.add(REVIEW_NO_CADENCE, "monitoring.review_cadence", &[]);
    }
    if m.reviewers.iter().all(|r| blank(r)) {
        out.add(REVIEW_NO_REVIEWERS, "monitoring.reviewers", &[]);
    }
}
