//! Every check SLA Studio makes, with its stable id and severity. The id is what the CLI prints,
//! the UI keys its help on and the Fluent files name their messages after (`check-<id>` and
//! `check-<id>-fix`), so an id never changes once released.

use super::Severity;

/// One kind of problem the checks can find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Check {
    pub id: &'static str,
    pub severity: Severity,
}

impl Check {
    /// The Fluent id of the message that says what is wrong and why it matters.
    pub fn message_id(&self) -> String {
        format!("check-{}", self.id)
    }

    /// The Fluent id of the suggested fix.
    pub fn fix_id(&self) -> String {
        format!("check-{}-fix", self.id)
    }
}

/// Declares each check once and derives the constants, the list of ids and the table from it.
macro_rules! catalogue {
    ($($name:ident = $id:literal, $severity:ident;)*) => {
        $(pub const $name: Check = Check { id: $id, severity: Severity::$severity };)*
        /// Every check, in the order the findings of one agreement come out.
        pub const ALL_CHECKS: &[Check] = &[$($name),*];
        /// Every check id.
        pub const ALL_CHECK_IDS: &[&str] = &[$($id),*];
    };
}

catalogue! {
    // The agreement's parties, term and signatures.
    TITLE_EMPTY = "title-empty", Warning;
    PARTY_DEPARTMENT_EMPTY = "party-department-empty", Error;
    PARTY_HEAD_NO_NAME = "party-head-no-name", Error;
    PARTY_HEAD_NO_ROLE = "party-head-no-role", Warning;
    TERM_NO_DURATION = "term-no-duration", Error;
    TERM_NO_REVIEW_DATE = "term-no-review-date", Warning;
    REVIEW_DATE_OUTSIDE_TERM = "review-date-outside-term", Warning;
    SIGNATORY_MISSING = "signatory-missing", Error;
    SIGNATORY_NO_NAME = "signatory-no-name", Error;
    // Identifiers other parts of the agreement refer to.
    ID_EMPTY = "id-empty", Error;
    DUPLICATE_ID = "duplicate-id", Error;
    // Services and their metrics: the article's rules for choosing metrics.
    DIRECTION_MISSING = "direction-missing", Error;
    COMMITMENT_NO_SERVICE = "commitment-no-service", Error;
    COMMITMENT_WITHOUT_METRICS = "commitment-without-metrics", Warning;
    TOO_FEW_METRICS = "too-few-metrics", Warning;
    TOO_MANY_METRICS = "too-many-metrics", Warning;
    METRIC_NO_NAME = "metric-no-name", Error;
    METRIC_NO_DEFINITION = "metric-no-definition", Warning;
    METRIC_OWNER_NOT_PROVIDER = "metric-owner-not-provider", Error;
    METRIC_NO_DATA_SOURCE = "metric-no-data-source", Error;
    METRIC_MANUAL_NO_REASON = "metric-manual-no-reason", Warning;
    METRIC_COLLECTED_BY_HAND = "metric-collected-by-hand", Info;
    VOLUME_WITHOUT_QUALITY = "volume-without-quality", Warning;
    // Targets: reasonable, achievable and checkable.
    TARGET_UNIT_MISMATCH = "target-unit-mismatch", Error;
    TARGET_OUT_OF_RANGE = "target-out-of-range", Error;
    TARGET_UNATTAINABLE = "target-unattainable", Warning;
    TARGET_ALWAYS_MET = "target-always-met", Warning;
    CONFLICTING_TARGETS = "conflicting-targets", Error;
    METRIC_REPEATED = "metric-repeated", Info;
    // Monitoring and reporting.
    MONITORING_NO_DATA_COLLECTION = "monitoring-no-data-collection", Warning;
    MONITORING_NO_DATA_PROCESSING = "monitoring-no-data-processing", Warning;
    MONITORING_NO_REPORTS = "monitoring-no-reports", Warning;
    REPORT_WITHOUT_OWNER = "report-without-owner", Error;
    REVIEW_NO_CADENCE = "review-no-cadence", Error;
    REVIEW_NO_REVIEWERS = "review-no-reviewers", Error;
    // Deadlines for responding and resolving.
    DEADLINES_NONE = "deadlines-none", Warning;
    DEADLINE_NO_SUBJECT = "deadline-no-subject", Warning;
    DEADLINE_NO_RESPONSE = "deadline-no-response", Warning;
    DEADLINE_NO_RESOLUTION = "deadline-no-resolution", Warning;
    DEADLINE_NOT_POSITIVE = "deadline-not-positive", Error;
    DEADLINE_RESOLUTION_BEFORE_RESPONSE = "deadline-resolution-before-response", Error;
    CALENDAR_INVALID = "calendar-invalid", Error;
    // Consequences.
    COMMITMENT_WITHOUT_CONSEQUENCE = "commitment-without-consequence", Warning;
    ESCALATION_NONE = "escalation-none", Warning;
    CONSEQUENCE_WITHOUT_TRIGGER = "consequence-without-trigger", Error;
    CONSEQUENCE_WITHOUT_ACTION = "consequence-without-action", Error;
    SCOPE_UNKNOWN_ID = "scope-unknown-id", Error;
    ESCALATION_SCOPE_UNKNOWN_ID = "escalation-scope-unknown-id", Error;
    TRIGGER_OUT_OF_RANGE = "trigger-out-of-range", Error;
    TRIGGERS_NOT_STRUCTURED = "triggers-not-structured", Warning;
    ADJUSTMENT_CAP_OUT_OF_RANGE = "adjustment-cap-out-of-range", Error;
    ADJUSTMENT_CAP_ORDER = "adjustment-cap-order", Error;
    ADJUSTMENT_TIERS_UNORDERED = "adjustment-tiers-unordered", Error;
    ADJUSTMENT_TIER_ABOVE_CAP = "adjustment-tier-above-cap", Warning;
}

/// The check with this id, if there is one.
pub fn by_id(id: &str) -> Option<Check> {
    ALL_CHECKS.iter().copied().find(|c| c.id == id)
}
