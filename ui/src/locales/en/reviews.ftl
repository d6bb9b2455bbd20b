# The monthly reviews view: periods, the compliance grid, charts, what fired, report and calendar.

reviews-eyebrow = Monthly reviews
reviews-back = ← All agreements
reviews-open-agreement = Open the agreement
reviews-actions-label = Reviews of this agreement
reviews-import = Import a month's export
reviews-enter-figure = Enter a figure by hand
reviews-loading = Reading the reviews…
reviews-load-failed = The reviews could not be read: { $reason }
reviews-retry = Try again

reviews-empty-title = No month reviewed yet
reviews-empty-what = Bring the CRM export of one month's leads: a CSV or XLSX file from amoCRM, Bitrix24, HubSpot or Salesforce, with each lead's creation date, stage and owner.
reviews-empty-then = The app maps its columns with you, computes every target of the agreement for that month and shows what was met, what was missed and what the agreement says happens next.

reviews-periods-label = Reviewed months
reviews-summary-title = { $period } at a glance
reviews-summary-met = { $count ->
    [one] { $count } target met
   *[other] { $count } targets met
}
reviews-summary-missed = { $count ->
    [one] { $count } target missed
   *[other] { $count } targets missed
}
reviews-summary-no-data = { $count ->
    [one] { $count } without data
   *[other] { $count } without data
}
reviews-summary-bar = { $met } of { $total } met, { $missed } missed, { $noData } without data
reviews-review-date = Review meeting: { $date }
reviews-source-export = Figures from { $file }, { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}, imported { $when }.
reviews-source-manual = Figures entered by hand.

reviews-status-met = met
reviews-status-missed = missed
reviews-status-no_data = no data

reviews-grid-title = Targets month by month
reviews-grid-caption = Each metric against its target: ✓ met, ✗ missed, – no data. Choose a month by its heading.
reviews-grid-metric = Metric
reviews-clause = clause { $clause }
reviews-cell-target = target { $target }
reviews-cell-enter = enter
reviews-cell-enter-label = Enter { $metric } for { $period } by hand
reviews-period-choose = Show { $period }

reviews-charts-title = Trends
reviews-series-actual = Actual
reviews-series-median = Median
reviews-series-p90 = 90th percentile
reviews-series-target = Target
reviews-series-band = Tolerance before the first adjustment
reviews-chart-label = { $metric }, { $periods ->
    [one] { $periods } month
   *[other] { $periods } months
}, met in { $met }. { $period }: { $actual } against a target of { $target }, { $status }.
reviews-chart-data = { $metric }: figures by month
reviews-chart-period = Month
reviews-chart-status = Status
reviews-chart-empty = No figures for this metric yet.

reviews-fired-title = What the agreement says happens now
reviews-fired-none = Nothing fired in { $period }: no escalation, remedy or adjustment.
reviews-fired-escalation = Escalate to { $who }
reviews-fired-remedy = Remedy
reviews-fired-adjustment-bonus = Bonus adjustment
reviews-fired-adjustment-budget = Budget adjustment
reviews-fired-due = Due { $date }
reviews-fired-because = Because: { $reason }
reviews-fired-applied = { $applied } applied: tier { $tier }, { $level } of target achieved.
reviews-fired-capped-month = Cut to the monthly cap.
reviews-fired-capped-year = Cut to what the yearly cap leaves.
reviews-fired-year-total = { $total } so far this year.
reviews-mark-done = Mark done
reviews-done-note = What was done
reviews-done-save = Save as done
reviews-done-cancel = Cancel
reviews-done-on = Done on { $date }
reviews-mark-undone = Mark not done
reviews-mark-failed = “{ $what }” could not be marked: { $reason }

reviews-report-title = Report and calendar
reviews-report-export = Export the review report
reviews-report-sign = Sign the report
reviews-calendar-save = Save the review calendar
reviews-report-filter = PDF document
reviews-calendar-filter = iCalendar
reviews-calendar-name = review-calendar
reviews-report-written = Review report saved to { $path }
reviews-report-failed = The review report could not be written: { $reason }
reviews-open-failed = The review report was saved but could not be opened: { $reason }
reviews-calendar-written = Review calendar saved to { $path }
reviews-calendar-failed = The review calendar could not be saved: { $reason }

reviews-hours-minutes = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
}
reviews-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
