# Two versions of an agreement compared: each change as a sentence a head of department reads.
# $where is where the change is ("3.1.1 MQLs per sales rep"), $label the field, $old and $new the
# values already formatted with their units; $clause is a clause number as the PDF prints it.

compare-changed = { $where }: { $label } { $old } → { $new }
compare-changed-unlabelled = { $where }: { $old } → { $new }
compare-reworded = { $where }: { $label } reworded
compare-reworded-unlabelled = { $where } reworded
compare-reordered = { $what } changed
compare-subject-field = { $where }, { $label }
compare-conflict-both = { $subject }: edited differently in the two versions
compare-conflict-removed = { $subject }: removed in one version and edited in the other

## Where a change is
compare-title = Title
compare-language = Language
compare-agreement-id = Agreement number
compare-schema-version = Format version
compare-signatory-marketing = signatory for Marketing
compare-signatory-sales = signatory for Sales
compare-nth = { $what } ({ $nth })
compare-step = { $clause } step { $step } ({ $name })
compare-remedy = { $clause } remedy
compare-adjustment = { $clause } adjustment
compare-participant = { $clause } participant { $name }
compare-review-date = { $clause } review date { $date }
compare-holiday = { $clause } holiday { $date }

## Fields
compare-label-department = department
compare-label-head = head
compare-label-head-role = head's role
compare-label-head-email = head's e-mail
compare-label-effective-date = effective date
compare-label-duration = duration
compare-label-renewal = renewal
compare-label-provider = provider
compare-label-service = service
compare-label-description = description
compare-label-name = name
compare-label-definition = definition
compare-label-kind = kind
compare-label-flow = lead flow
compare-label-plan-source = source of the figures
compare-label-unit = unit
compare-label-comparator = condition
compare-label-target = target
compare-label-window = period
compare-label-data-source = data source
compare-label-collection = collection
compare-label-owner = owner
compare-label-contents = contents
compare-label-prepared-by = prepared by
compare-label-frequency = frequency
compare-label-review-cadence = joint review
compare-label-basis = deadlines count in
compare-label-timezone = time zone
compare-label-workdays = working days
compare-label-day-start = start of the working day
compare-label-day-end = end of the working day
compare-label-category = category
compare-label-applies-to = applies to
compare-label-response = response
compare-label-resolution = resolution
compare-label-trigger = trigger
compare-label-after = after
compare-label-action = action
compare-label-scope = applies to
compare-label-when = measurable condition
compare-label-cap-month = monthly cap
compare-label-cap-year = yearly cap
compare-label-adjustment = adjustment
compare-label-role = role
compare-label-email = e-mail

## Values
compare-months = { $months ->
    [one] { $months } month
   *[other] { $months } months
}
compare-renewal-none = none
compare-renewal-automatic = automatic
compare-renewal-by_agreement = by agreement
compare-unit-count = count
compare-unit-percent = percent
compare-unit-minutes = minutes
compare-unit-hours = hours
compare-unit-business_hours = business hours
compare-unit-days = days
compare-unit-money = money
compare-comparator-at_least = at least
compare-comparator-at_most = at most
compare-comparator-exactly = exactly
compare-per-day = a day
compare-per-week = a week
compare-per-month = a month
compare-per-quarter = a quarter
compare-per-year = a year
compare-basis-business_hours = business hours
compare-basis-calendar = calendar time
compare-when-none = not measured
compare-when-missed = { $periods ->
    [one] { $periods } miss in a row
   *[other] { $periods } misses in a row
}
compare-when-below = achieved below { $percent } of target
compare-adjustment-kind-bonus = bonus
compare-adjustment-kind-budget = budget
compare-language-en = English
compare-language-ru = Russian

## Items added and removed, lists reordered
compare-added-service = { $clause } service added: { $name }
compare-removed-service = { $clause } service removed: { $name }
compare-added-metric = { $clause } metric added: { $name }, { $target }
compare-removed-metric = { $clause } metric removed: { $name }
compare-added-report = { $clause } report added: { $name }
compare-removed-report = { $clause } report removed: { $name }
compare-added-participant = { $clause } review participant added: { $name }
compare-removed-participant = { $clause } review participant removed: { $name }
compare-added-review-date = { $clause } review date added: { $date }
compare-removed-review-date = { $clause } review date removed: { $date }
compare-added-holiday = { $clause } holiday added: { $date }
compare-removed-holiday = { $clause } holiday removed: { $date }
compare-added-deadline = { $clause } deadline added: { $name }
compare-removed-deadline = { $clause } deadline removed: { $name }
compare-added-step = { $clause } escalation step { $step } added: { $name }
compare-removed-step = { $clause } escalation step { $step } removed: { $name }
compare-added-remedy = { $clause } remedy added: { $name }
compare-removed-remedy = { $clause } remedy removed: { $name }
compare-added-adjustment = { $clause } adjustment added: { $name }
compare-removed-adjustment = { $clause } adjustment removed: { $name }
compare-added-tier = { $clause } tier added: { $name }
compare-removed-tier = { $clause } tier removed: { $name }
compare-added-signatory = { $clause } { $who } added: { $name }
compare-removed-signatory = { $clause } { $who } removed: { $name }
compare-added-item = { $where }: { $what } added
compare-removed-item = { $where }: { $what } removed
compare-order-services = { $clause } order of services
compare-order-metrics = { $clause } order of metrics
compare-order-reports = { $clause } order of reports
compare-order-participants = { $clause } order of review participants
compare-order-review-dates = { $clause } order of review dates
compare-order-holidays = { $clause } order of holidays
compare-order-deadlines = { $clause } order of deadlines
compare-order-steps = { $clause } order of escalation steps
compare-order-remedies = { $clause } order of remedies
compare-order-adjustments = { $clause } order of adjustments
compare-order-tiers = { $clause } order of tiers
compare-order-signatories = { $clause } order of signatories

## `sla-studio diff`: changes under the wizard's step names (as `step-*` in wizard.ftl)
compare-group-parties = Parties and service
compare-group-performance = Performance levels
compare-group-monitoring = Monitoring and reporting
compare-group-deadlines = Deadlines
compare-group-consequences = Consequences
compare-group-review = Review
compare-group-signoff = Sign-off and export
compare-count = { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
compare-same = The two agreements are the same.
compare-agreement-named = “{ $title }” ({ $id })
compare-other-agreement = These are two different agreements: { $old } and { $new }.

## `sla-studio merge` and `import`: the other head's file merged into a draft
compare-merge-from = Proposal of { $name } for draft { $draft } (“{ $title }”).
compare-merge-from-unknown = Proposal for draft { $draft } (“{ $title }”).
compare-merge-base-found = Compared three ways from version { $version }, the version you both last had: only what the proposal changed is shown.
compare-merge-base-unknown = The proposal was made from a version this computer has never had, so it is compared with your latest version two ways: every difference is shown as the proposal's, including your own edits it does not have.
compare-merge-base-not-named = The file does not say which version it was made from, so it is compared with your latest version two ways: every difference is shown as the proposal's, including your own edits it does not have.
compare-merge-conflicts = Conflicts: both of you changed these
compare-merge-yours = yours: { $change }
compare-merge-theirs = theirs: { $change }
compare-merge-comments = { $count ->
    [one] { $count } new comment
   *[other] { $count } new comments
}
compare-merge-saved = Merged into draft { $draft } as version { $version }.
compare-merge-nothing = The proposal changes nothing in your version; nothing was saved.
compare-merge-conflicts-remain = { $count ->
    [one] { $count } conflict remains
   *[other] { $count } conflicts remain
}, so nothing was saved: settle them in the window, or take the proposal's side with --accept-all.
compare-merge-two-way-confirm = Nothing was saved: check the changes above, then merge them with --accept-all (leaving some out with --reject KEY).
compare-import-proposal = { $file } is a new version of draft { $draft } (“{ $title }”), so it was not stored as a new draft. See its changes with `sla-studio merge { $draft } { $file } --dry-run`, merge it with `sla-studio merge { $draft } { $file }`, or store it as a separate draft with `sla-studio import --as-new { $file }`.
compare-merge-dry-run = Nothing was saved (--dry-run).
