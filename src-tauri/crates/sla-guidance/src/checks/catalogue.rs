//! Every check SLA Studio makes, with its stable id and severity. The id is what the CLI prints,
//! the UI keys its help on and the Fluent files name their messages after (`check-<id>` and
//! `check-<id>-fix`), so an id never changes once released.

use super::Severity;

/// One kind of problem the checks can find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Check {
    pub id: &'static str,
    pub severity: Severity,
    /// What the check applies: a rule of the article (`metrics-targets`, `contents-deadlines`)
    /// or the source of a figure (`source-hbr`); worded by the Fluent message `cite-<key>`.
    pub cites: &'static str,
}

impl Check {
    /// The Fluent id of the message that says what is wrong and why it matters.
    pub fn message_id(&self) -> String {
        format!("check-{}", self.id)
    }

    /// The Fluent id of the citation: the rule or source the check applies.
    pub fn cite_id(&self) -> String {
        format!("cite-{}", self.cites)
    }

    /// The Fluent id of the suggested fix.
    pub fn fix_id(&self) -> String {
        format!("check-{}-fix", self.id)
    }
}

/// Declares each check once and derives the constants, the list of ids and the table from it.
macro_rules! catalogue {
    ($($name:ident = $id:literal, $severity:ident, $cites:literal;)*) => {
        $(pub const $name: Check = Check { id: $id, severity: Severity::$severity, cites: $cites };)*
        /// Every check, in the order the findings of one agreement come out.
        pub const ALL_CHECKS: &[Check] = &[$($name),*];
        /// Every check id.
        pub const ALL_CHECK_IDS: &[&str] = &[$($id),*];
    };
}

catalogue! {
    // The agreement's parties, term and signatures.
    TITLE_EMPTY = "title-empty", Warning, "contents-document";
    PARTY_DEPARTMENT_EMPTY = "party-department-empty", Error, "contents-document";
    PARTY_HEAD_NO_NAME = "party-head-no-name", Error, "contents-document";
    PARTY_HEAD_NO_ROLE = "party-head-no-role", Warning, "contents-document";
    TERM_NO_DURATION = "term-no-duration", Error, "contents-document";
    TERM_NO_REVIEW_DATE = "term-no-review-date", Warning, "contents-monitoring";
    REVIEW_DATE_OUTSIDE_TERM = "review-date-outside-term", Warning, "contents-monitoring";
    SIGNATORY_MISSING = "signatory-missing", Error, "contents-document";
    SIGNATORY_NO_NAME = "signatory-no-name", Error, "contents-document";
    // Identifiers other parts of the agreement refer to.
    ID_EMPTY = "id-empty", Error, "contents-document";
    DUPLICATE_ID = "duplicate-id", Error, "contents-document";
    // Services and their metrics: the article's rules for choosing metrics.
    DIRECTION_MISSING = "direction-missing", Error, "source-hubspot";
    COMMITMENT_NO_SERVICE = "commitment-no-service", Error, "contents-service";
    COMMITMENT_WITHOUT_METRICS = "commitment-without-metrics", Warning, "contents-performance";
    TOO_FEW_METRICS = "too-few-metrics", Warning, "metrics-quality";
    TOO_MANY_METRICS = "too-many-metrics", Warning, "metrics-quality";
    METRIC_NO_NAME = "metric-no-name", Error, "contents-performance";
    METRIC_NO_DEFINITION = "metric-no-definition", Warning, "contents-performance";
    METRIC_OWNER_NOT_PROVIDER = "metric-owner-not-provider", Error, "metrics-provider";
    METRIC_NO_DATA_SOURCE = "metric-no-data-source", Error, "metrics-collect";
    METRIC_MANUAL_NO_REASON = "metric-manual-no-reason", Warning, "metrics-collect";
    METRIC_COLLECTED_BY_HAND = "metric-collected-by-hand", Info, "metrics-collect";
    VOLUME_WITHOUT_QUALITY = "volume-without-quality", Warning, "metrics-behaviour";
    // Targets: reasonable, achievable and checkable.
    TARGET_UNIT_MISMATCH = "target-unit-mismatch", Error, "metrics-targets";
    TARGET_OUT_OF_RANGE = "target-out-of-range", Error, "metrics-targets";
    TARGET_UNATTAINABLE = "target-unattainable", Warning, "metrics-targets";
    TARGET_ALWAYS_MET = "target-always-met", Warning, "metrics-targets";
    CONFLICTING_TARGETS = "conflicting-targets", Error, "metrics-targets";
    METRIC_REPEATED = "metric-repeated", Info, "metrics-quality";
    // Monitoring and reporting.
    MONITORING_NO_DATA_COLLECTION = "monitoring-no-data-collection", Warning, "contents-monitoring";
    MONITORING_NO_DATA_PROCESSING = "monitoring-no-data-processing", Warning, "contents-monitoring";
    MONITORING_NO_REPORTS = "monitoring-no-reports", Warning, "contents-monitoring";
    REPORT_WITHOUT_OWNER = "report-without-owner", Error, "contents-monitoring";
    REVIEW_NO_CADENCE = "review-no-cadence", Error, "contents-monitoring";
    REVIEW_NO_REVIEWERS = "review-no-reviewers", Error, "contents-monitoring";
    // Deadlines for responding and resolving.
    DEADLINES_NONE = "deadlines-none", Warning, "contents-deadlines";
    DEADLINE_NO_SUBJECT = "deadline-no-subject", Warning, "contents-deadlines";
    DEADLINE_NO_RESPONSE = "deadline-no-response", Warning, "source-hbr";
    DEADLINE_NO_RESOLUTION = "deadline-no-resolution", Warning, "contents-deadlines";
    DEADLINE_NOT_POSITIVE = "deadline-not-positive", Error, "contents-deadlines";
    DEADLINE_RESOLUTION_BEFORE_RESPONSE = "deadline-resolution-before-response", Error, "contents-deadlines";
    CALENDAR_INVALID = "calendar-invalid", Error, "contents-deadlines";
    // Consequences.
    COMMITMENT_WITHOUT_CONSEQUENCE = "commitment-without-consequence", Warning, "contents-consequences";
    ESCALATION_NONE = "escalation-none", Warning, "contents-consequences";
    CONSEQUENCE_WITHOUT_TRIGGER = "consequence-without-trigger", Error, "contents-consequences";
    CONSEQUENCE_WITHOUT_ACTION = "consequence-without-action", Error, "contents-consequences";
    SCOPE_UNKNOWN_ID = "scope-unknown-id", Error, "contents-consequences";
    ESCALATION_SCOPE_UNKNOWN_ID = "escalation-scope-unknown-id", Error, "contents-consequences";
    TRIGGER_OUT_OF_RANGE = "trigger-out-of-range", Error, "contents-consequences";
    TRIGGERS_NOT_STRUCTURED = "triggers-not-structured", Warning, "contents-consequences";
    ADJUSTMENT_CAP_OUT_OF_RANGE = "adjustment-cap-out-of-range", Error, "source-accord";
    ADJUSTMENT_CAP_ORDER = "adjustment-cap-order", Error, "source-accord";
    ADJUSTMENT_TIERS_UNORDERED = "adjustment-tiers-unordered", Error, "source-accord";
    ADJUSTMENT_TIER_ABOVE_CAP = "adjustment-tier-above-cap", Warning, "source-accord";
    // What each field means, beyond its shape.
    TIMEZONE_UNKNOWN = "timezone-unknown", Error, "source-iana";
    HOLIDAY_OUTSIDE_TERM = "holiday-outside-term", Warning, "contents-deadlines";
    DURATION_EXCEEDS_WINDOW = "duration-exceeds-window", Error, "metrics-targets";
    EMAIL_INVALID = "email-invalid", Error, "contents-document";
    // Targets a team can meet: compared with the plan's team and funnel.
    PLAN_INVALID = "plan-invalid", Warning, "metrics-targets";
    VOLUME_BEYOND_CAPACITY = "volume-beyond-capacity", Warning, "metrics-targets";
    RESPONSE_BEYOND_CAPACITY = "response-beyond-capacity", Warning, "source-hbr";
    RESPONSE_OUTSIDE_WORKING_HOURS = "response-outside-working-hours", Warning, "contents-deadlines";
    FUNNEL_RATE_CONTRADICTS_TARGET = "funnel-rate-contradicts-target", Warning, "source-roberge";
    TARGET_FAR_FROM_TYPICAL = "target-far-from-typical", Warning, "metrics-targets";
}

/// The check with this id, if there is one.
pub fn by_id(id: &str) -> Option<Check> {
    ALL_CHECKS.iter().copied().find(|c| c.id == id)
}
