# Labels of the exported agreement.

## Title block, running header and footer
pdf-document-kind = Service-level agreement
pdf-between = between { $marketing } and { $sales }
pdf-agreement-number = Agreement No. { $id }
pdf-effective-from = Effective from { $date }
pdf-draft-number = Draft { $id }
pdf-version-number = version { $version }
pdf-prepared-on = prepared on { $date }
pdf-page-of = Page { $page } of { $total }
pdf-footer-agreement = Agreement { $id }
pdf-footer-hash = SHA-256 of the agreement data: { $hash }
pdf-draft-mark = DRAFT
pdf-draft-banner = DRAFT: does not pass the checks, not for signature
pdf-empty = —
pdf-not-agreed = not agreed yet
pdf-list-none = None.

## Document properties
pdf-meta-subject = Service-level agreement between { $marketing } and { $sales }
pdf-meta-keywords = SLA, service-level agreement, marketing, sales
pdf-attachment-description = The agreement in SLA Studio format (canonical JSON)

## Section headings
pdf-section-parties = Parties and term
pdf-section-services = Services
pdf-section-performance = Performance levels
pdf-section-monitoring = Monitoring and reporting
pdf-section-deadlines = Deadlines
pdf-section-consequences = Consequences of missed commitments
pdf-section-notes = Other terms
pdf-section-signatures = Signatures

## 1. Parties and term
pdf-sub-parties = Parties
pdf-sub-term = Term
pdf-parties-intro = This agreement sets the level of service that the two departments below provide each other, how it is measured and reviewed, and what follows when it is not met.
pdf-party-department = Department
pdf-party-head = Head
pdf-party-role = Role
pdf-party-email = E-mail
pdf-term-effective = Effective date
pdf-term-duration = Term
pdf-term-duration-value = { $months ->
    [one] { $months } month, until { $end } inclusive
   *[other] { $months } months, until { $end } inclusive
}
pdf-term-renewal = Renewal
pdf-term-reviews = Review dates
pdf-renewal-none = None: the agreement ends with its term.
pdf-renewal-automatic = Automatic: renewed for another term unless either head objects before it ends.
pdf-renewal-by_agreement = By agreement: renewed only when both heads sign a renewal.

## 2. Services
pdf-services-intro = Each department commits to deliver the following services to the other.
pdf-service-provider = Provider
pdf-service-recipient = Recipient
pdf-service-reference = Reference
pdf-reference = ref. { $id }
pdf-service-description = Description
pdf-service-metrics = Measured by
pdf-service-no-metrics = No metrics yet.
pdf-services-none = No services have been agreed yet.

## 3. Performance levels
pdf-performance-intro = Each service is delivered at the levels below. A level is met when the figure, measured over the stated period from the stated source, satisfies the target.
pdf-performance-heading = { $service } (provided by { $provider })
pdf-col-number = No.
pdf-col-metric = Metric and definition
pdf-col-target = Target
pdf-col-measurement = Measurement
pdf-col-owner = Owner
pdf-metric-flow = Lead flow: { $flow }
pdf-metric-kind = Kind: { $kind }
pdf-metric-source = Source: { $source }
pdf-kind-volume = volume
pdf-kind-quality = quality
pdf-kind-speed = speed
pdf-kind-reliability = reliability
pdf-collection-automatic = Recorded automatically
pdf-collection-manual = Compiled by hand: { $reason }
pdf-comparator-at_least = at least { $amount }
pdf-comparator-at_most = at most { $amount }
pdf-comparator-exactly = exactly { $amount }
pdf-window-day = each day
pdf-window-week = each week
pdf-window-month = each month
pdf-window-quarter = each quarter
pdf-window-year = each year
# $value is already formatted; $count selects the plural; $case is "nominative" or "genitive"
# (Russian needs the genitive after "at least" / "at most").
pdf-unit-count = { $value }
pdf-unit-percent = { $value }%
pdf-unit-minutes = { $count ->
    [one] { $value } minute
   *[other] { $value } minutes
}
pdf-unit-hours = { $count ->
    [one] { $value } hour
   *[other] { $value } hours
}
pdf-unit-business_hours = { $count ->
    [one] { $value } business hour
   *[other] { $value } business hours
}
pdf-unit-days = { $count ->
    [one] { $value } day
   *[other] { $value } days
}
pdf-unit-money = { $value } in the company's currency

## 4. Monitoring and reporting
pdf-sub-data-collection = Data collection
pdf-sub-data-processing = Data processing
pdf-sub-reports = Reports
pdf-sub-review = Review schedule
pdf-col-report = Report
pdf-col-contents = Contents
pdf-col-prepared-by = Prepared by
pdf-col-frequency = Frequency
pdf-reports-none = No reports have been agreed yet.
pdf-review-cadence = Joint review
pdf-review-participants = Participants
pdf-review-dates = Review of the agreement and its targets
pdf-cadence-daily = daily
pdf-cadence-weekly = weekly
pdf-cadence-biweekly = every two weeks
pdf-cadence-monthly = monthly
pdf-cadence-quarterly = quarterly

## 5. Deadlines
pdf-sub-calendar = Working time
pdf-sub-deadline-rules = Response and resolution deadlines
pdf-deadline-basis = Deadlines count
pdf-basis-business_hours = business hours of the calendar below
pdf-basis-calendar = calendar time, around the clock
pdf-calendar-timezone = Time zone
pdf-calendar-workdays = Working days
pdf-calendar-hours = Working hours
pdf-calendar-hours-value = { $start } to { $end }
pdf-calendar-holidays = Holidays
pdf-calendar-range = { $from } to { $to }
pdf-col-applies-to = Applies to
pdf-col-category = Category
pdf-col-response = Response
pdf-col-resolution = Resolution
pdf-category-lead_tier = Lead tier
pdf-category-issue_severity = Issue severity
pdf-deadlines-none = No deadlines have been agreed yet.
pdf-weekday-1 = Monday
pdf-weekday-2 = Tuesday
pdf-weekday-3 = Wednesday
pdf-weekday-4 = Thursday
pdf-weekday-5 = Friday
pdf-weekday-6 = Saturday
pdf-weekday-7 = Sunday

## 6. Consequences
pdf-sub-escalation = Escalation
pdf-sub-remedies = Remedies
pdf-sub-adjustments = Bonus and budget adjustments
pdf-escalation-intro = When a commitment is missed, the matter is raised step by step as follows.
pdf-col-step = Step
pdf-col-trigger = When
pdf-col-escalate-to = Raised with
pdf-col-after = After
pdf-col-action = Action
pdf-after-days = { $days ->
    [0] at once
    [one] { $days } day
   *[other] { $days } days
}
pdf-escalation-none = No escalation steps have been agreed yet.
pdf-col-scope = Applies to
pdf-remedies-none = No remedies have been agreed yet.
pdf-scope-agreement = the whole agreement
pdf-scope-commitment = service { $number } “{ $name }”
pdf-scope-metric = metric { $number } “{ $name }”
pdf-scope-unknown = { $id } (not found in this agreement)
pdf-trigger-subject-agreement = any metric
pdf-trigger-subject-commitment = a metric of service { $number } “{ $name }”
pdf-trigger-subject-metric = metric { $number } “{ $name }”
pdf-trigger-missed-in-a-row = Fires when: { $subject } missed { $periods ->
    [1] its target in the current period
   *[other] { $periods } periods in a row
}
pdf-trigger-achieved-below = Fires when: { $subject } achieved below { $percent } of target
pdf-adjustments-none = No bonus or budget adjustments apply.
pdf-adjustment-heading = { $kind } adjustment for { $scope }
pdf-adjustment-kind-bonus = Bonus
pdf-adjustment-kind-budget = Budget
pdf-col-achieved = Achieved level
pdf-col-adjustment = Adjustment
pdf-achieved-below = below { $percent } of target
pdf-adjustment-caps = Capped at { $month } a month and { $year } a year.

## 7. Other terms
pdf-notes-none = No other terms.

## 8. Signatures
pdf-signatures-intro = By signing, the heads of the departments accept the commitments of this agreement and the way they are measured.
pdf-signatures-none = No signatories have been named yet.
pdf-sign-for = For { $side }
pdf-sign-name = Name
pdf-sign-role = Role
pdf-sign-department = Department
pdf-sign-email = E-mail
pdf-sign-signature = Signature
pdf-sign-date = Date

## An amendment to a signed agreement
pdf-amendment-kind = Amendment to the service-level agreement
pdf-amendment-of = Amends the agreement signed on { $date } (SHA-256 { $fingerprint }…)
pdf-annex-changes = Annex. Changes to the signed agreement
pdf-annex-changes-intro = This amendment changes the agreement signed on { $date } (SHA-256 of its data: { $fingerprint }) in { $count ->
    [one] the { $count } point
   *[other] the { $count } points
} below. Everything else stays as signed.

pdf-sub-plan = What the targets rest on
pdf-plan-intro = The parties set the targets above from these figures. When they change (the team grows, a stage converts differently), the targets are reviewed with them.
pdf-plan-reps = People who work the leads
pdf-plan-hours = Hours a month each has for lead work
pdf-plan-attempts = Contact attempts per lead
pdf-plan-minutes = Minutes per attempt
pdf-plan-after-hours = Leads arriving outside working hours
pdf-plan-lead-volume = Leads counted by
pdf-plan-lead-volume-value = { $metric }, { $per ->
    [rep] for each person
   *[team] for the whole team
  }
pdf-col-stage = Funnel stage
pdf-col-conversion = Conversion
pdf-col-measured-by = Measured by
pdf-plan-source = Source of the figures: { $source }
