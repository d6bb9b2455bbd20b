# The review report: a period's figures against the agreement's targets, the consequences that
# apply, the review's decisions and the heads' signatures. Printed by sla-review-report.

report-document-kind = Service-level review
report-period = Review of { $period }
report-period-field = Period
report-agreement-field = Agreement
report-reviewers-field = Reviewers
report-review-date-field = Review meeting
report-fingerprint = Agreement fingerprint (SHA-256): { $hash }
report-footer = Review of agreement No. { $id } · { $period }
report-meta-subject = Review of { $period } under the service-level agreement between { $marketing } and { $sales }
report-meta-keywords = SLA review, compliance, sales, marketing
report-attachment-description = The review's figures, consequences and adjustments as computed (JSON)

report-section-summary = Summary
report-summary-text = { $total ->
    [one] One metric was reviewed
   *[other] { $total } metrics were reviewed
  }: { $met } met the target, { $missed } missed it and { $nodata } had no data.
report-summary-consequences = { $count ->
    [0] No consequence of the agreement applies this period.
    [one] One consequence of the agreement applies this period (section 4).
   *[other] { $count } consequences of the agreement apply this period (section 4).
  }
report-bar-caption = Metrics by status
report-status-met = met
report-status-missed = missed
report-status-no_data = no data

report-section-metrics = Metrics against their targets
report-metrics-intro = Each metric's figure for the period against the target its clause sets; the trend shows the last periods, oldest first.
report-col-metric = Metric
report-col-actual = Actual
report-col-target = Target
report-col-status = Status
report-col-achieved = % of target
report-col-trend = Trend
report-clause = clause { $number }
report-entered-by = entered by { $who }
report-misses-in-a-row = { $count ->
    [one] missed 1 period
   *[other] missed { $count } periods in a row
  }
report-trend-better = improving
report-trend-worse = worsening
report-trend-flat = unchanged
report-no-metrics = The review has no metrics.
report-sub-time = Response times
report-col-leads = Leads
report-col-median = Median
report-col-p90 = 90th percentile
report-col-within = Within target
report-never-contacted = and { $count } never contacted
report-level = at { $percent } of target

report-section-charts = Figures over the periods
report-charts-intro = Each chart shows the metric's figure per period (solid line) against its target (dashed line).
report-chart-actual = actual
report-chart-target = target { $value }
report-chart-no-data = n/d

report-section-consequences = Consequences that apply
report-consequences-none = No escalation, remedy or adjustment of the agreement applies this period.
report-sub-escalations = Escalations
report-sub-remedies = Remedies
report-sub-adjustments = Adjustments after caps
report-escalations-none = No escalation step applies.
report-remedies-none = No remedy applies.
report-adjustments-none = No adjustment applies.
report-col-clause = Clause
report-col-who = Who is told
report-col-action = Action
report-col-why = Why
report-col-due = Due
report-col-kind = Adjustment
report-col-tier = Tier
report-col-applied = Applied
report-col-year = Year to date
report-escalation-clause = clause { $clause }, step { $step }
report-capped-month = cut to the monthly cap
report-capped-year = cut to the yearly cap
report-metrics-of = Metrics: { $metrics }

report-section-decisions = Decisions of the review
report-decisions-intro = Actions agreed at the review, who owns each and by when.

report-section-signatures = Signatures
report-signatures-intro = The heads confirm the figures of this review and the decisions recorded above.
