# The wizard window: labels, hints, guidance and the defaults it suggests.

## The window

app-loading = Loading…
app-skip-to-content = Skip to content
app-start-failed = Something went wrong while starting: { $reason }
draft-untitled = Untitled agreement
header-nav-label = Where you are
header-all-agreements = All agreements
header-ui-language = Interface language
toast-dismiss = Dismiss
wizard-cancel = Cancel
wizard-close = Close
wizard-remove = Remove
wizard-optional = optional

## Saving

save-pending = Unsaved changes…
save-saving = Saving…
save-saved = Saved · version { $version } · { $time }
save-waiting = Not saved yet
save-waiting-disk-full = Not saved yet: the disk is full
save-waiting-read-only = Not saved yet: the data folder is read-only
# Beside the above: the changes are safe in this window until the store takes them.
save-kept = · kept here, next try in { $seconds } s
save-retry = Try now
save-stay = Your latest changes are not saved yet, so this agreement stays open. Free some space on the disk (or make the data folder writable): they are saved at the next try.

## Home: the drafts

home-title = Your agreements
home-views = Show
home-drafts = Drafts
home-trash = Trash ({ $count })
home-search = Search agreements
home-search-placeholder = Title, department, person, metric…
home-empty = No agreements yet. Start one on the left: each template already holds a complete two-way agreement to adapt.
home-load-more = Load more
home-no-matches = No agreement matches this search.
home-open = Open
home-duplicate = Duplicate
home-rename = Rename
home-new-name = New title
home-delete = Delete
home-reviews-open = Reviews
home-review-none = No reviews yet
home-review-met = { $period }: all met
home-review-missed = { $period }: { $missed } missed
home-review-and-no-data = { $count } without data
home-review-no-data = { $period }: no data
home-review-partly = { $period }: { $met } met, { $count } without data
home-undo = Undo
home-moved-to-trash = “{ $title }” moved to the trash.
home-version = version { $version }
home-updated = updated { $when }
home-trash-intro = Deleted agreements stay here until you empty the trash.
home-trash-empty = The trash is empty.
home-trashed = deleted { $when }
home-restore = Restore
home-empty-trash = Empty trash
home-empty-trash-confirm = { $count ->
    [one] Delete { $count } agreement for good? This cannot be undone.
   *[other] Delete { $count } agreements for good? This cannot be undone.
}
home-empty-trash-yes = Delete for good
home-new-title = New agreement
home-new-intro = Start from the template that fits how you sell and change what differs in your company, or start from a blank page.
home-template = Start from
home-template-own = Your company's
home-template-problems = { $count ->
    [one] One file in your templates folder was left out:
   *[other] { $count } files in your templates folder were left out:
  }
home-template-folder = Your company's own templates: put an agreement file (exported as .sla.json) in { $folder }, and it is listed here.
language-name-en = English only
language-name-ru = Russian only
home-agreement-language = Language of the agreement
home-agreement-language-hint = The language the agreement and its PDF are written in. The interface language is switched at the top right.
home-create = Create agreement

## Steps

wizard-steps = Steps of the agreement
wizard-step-nav = Previous and next step
wizard-step-of = Step { $n } of { $total }
wizard-findings-count = { $count ->
    [one] { $count } finding
   *[other] { $count } findings
}
step-status-complete = Complete
step-status-incomplete = To fill in
step-status-attention = Needs attention
step-parties = Parties and service
step-parties-intro = Who agrees with whom, what each department provides the other, and for how long.
step-performance = Performance levels
step-performance-intro = How each service is measured: a few metrics per direction, each with a target that is reliable and fast enough.
step-monitoring = Monitoring and reporting
step-monitoring-intro = Where the figures come from, how they are processed, and who looks at them together and how often.
step-deadlines = Deadlines
step-deadlines-intro = How fast leads are contacted and problems are fixed, counted in business hours or calendar time.
step-consequences = Consequences
step-consequences-intro = What happens when a commitment is missed: who is told, what is done, and any bonus or budget adjustment.
step-review = Review
step-review-intro = The whole agreement on one page, and everything worth fixing before it is signed.
step-signoff = Sign-off and export
step-signoff-intro = Who signs for each side, the PDF to sign, and the hand-over to signing.

## Guidance

guidance-title = How to write this part
guidance-example = Example
guidance-defaults = Good defaults
guidance-sources = Where this comes from
guidance-parties-advice =
    An SLA states the service one side delivers to the other, how it is measured and how it is controlled. Inside a company it works the same way as with a customer.
    It runs both ways: marketing commits to sales (how many leads, of what quality) and sales commits to marketing (how fast and how persistently it follows up, and feedback on rejected leads).
    Name real people: the two heads answer for the agreement and sign it.
    Agree the review dates now, so that targets get revisited rather than forgotten.
guidance-parties-example = Marketing provides “Marketing-qualified leads”; Sales provides “Lead follow-up and feedback”. Term: 12 months from 1 January, reviewed every quarter.
guidance-parties-defaults = A 12-month term starting on the first of next month, renewed by agreement, with a review at the end of each quarter.
guidance-parties-cites =
    The article: an SLA states the type of service, the performance required, how it is monitored, the deadlines and the consequences — in one document both sides understand.
    HubSpot's SLA model: the agreement runs both ways, marketing to sales and sales to marketing.
guidance-performance-advice =
    Motivate the right behaviour: decide the behaviour you want first, then ask how you would game this metric in the other side's place. Does gaming it still give the result you want?
    Only what the provider controls: a metric must reflect what the department providing the service can influence.
    Easy to collect: ideally the CRM records it automatically. When in doubt, prefer the easy-to-collect one.
    Quality, not quantity: too many metrics produce data nobody analyses; too few miss something important. Two to four per direction is usual.
    Set the right targets: reasonable and achievable. Pair every volume metric with a quality metric on the same lead flow.
guidance-performance-example = HubSpot's model: 100 MQLs a month per mid-market rep, about 50 connects, 30 discovery calls, 15 demos, 5 customers. Firms that contacted a lead within an hour were about 7 times as likely to qualify it (HBR, 2011).
guidance-performance-defaults = New metrics are measured monthly, recorded automatically by the CRM and answered for by the providing side. Use the funnel calculator to set the MQL target from the revenue goal.
guidance-performance-cites =
    The article's five rules for choosing metrics: motivate the right behaviour; only what the provider controls; easy to collect; quality, not quantity; reasonable, achievable targets.
    M. Roberge, The Sales Acceleration Formula (HubSpot's funnel): the lead volume follows from each stage's conversion and the team that works the leads.
    Harvard Business Review, "The Short Life of Online Sales Leads" (2011): the hour after a lead arrives matters most.
    Each library metric names its own source and the usual range of its target.
guidance-monitoring-advice =
    Say where each figure comes from and how it is processed before review (duplicates, test leads, exclusions), so both sides compute the same number.
    Monitor daily, review regularly: a shared dashboard for every day and a joint review at a fixed cadence.
    Name who takes part in the review; an agreement nobody reviews stops working within a quarter.
guidance-monitoring-example = Figures come from the CRM; revenue operations removes duplicates and publishes a daily dashboard. Both heads and the revenue operations lead review it monthly.
guidance-monitoring-defaults = A daily dashboard, a monthly review pack and a monthly joint review of both heads.
guidance-monitoring-cites =
    The article, what an SLA contains (3): which statistics are collected, how they are processed, how often they are analysed, and who takes part in the review.
    HubSpot's SLA model: monitored daily, reviewed regularly.
guidance-deadlines-advice =
    Set response and resolution times by lead tier: hot leads (demo or price requests) need a much faster first contact than the rest.
    Speed matters: the average first response in one study was 42 hours, and 23% of leads were never contacted at all.
    Say whether deadlines count business hours or calendar time, and whose working week and time zone apply.
    Problems raised by either side (broken lead routing, a form that loses data) need their own deadlines too.
guidance-deadlines-example = Tier A (demo or price request): first contact within 1 business hour, decision within 3 days. Broken lead routing: acknowledged in 2 hours, fixed within a day.
guidance-deadlines-defaults = Business hours, Monday to Friday, 09:00 to 18:00 in the company's time zone.
guidance-deadlines-cites =
    The article, what an SLA contains (4): deadlines for responding to and resolving problems.
    Harvard Business Review (2011), 2,241 firms: average first response 42 hours; 23% never responded; within an hour, about 7 times as likely to qualify.
    The IANA time zone database: the zone names every computer uses to count business hours.
guidance-consequences-advice =
    Departments do not invoice each other: the usual consequences are an escalation ladder (the other head, then the CEO), recycling or reassigning leads, a joint review and a revised plan.
    Tie each remedy to the metric or commitment it answers, so everybody knows what triggers it.
    Give each step and remedy a condition the monthly review can check. Two misses in a row is a pattern, one is noise: start the ladder at 2. Below 80% of target is a real shortfall, not a rounding.
    Bonus or budget adjustments are optional. If you use them, set tiers of achieved level and cap them per month and per year, as service credits are capped.
guidance-consequences-example = A lead not contacted within its deadline is reassigned to another rep. Volume below target for the month: marketing presents a revised campaign plan at the monthly review.
guidance-consequences-defaults = Escalate first to the other department's head after 2 misses in a row, then after 14 days to the CEO at 3; a new remedy applies below 80% of target.
guidance-consequences-cites =
    The article, what an SLA contains (5): consequences for the provider that does not meet its obligations.
    Service-credit practice (Accord Project's SLA template): tiers of achieved level, capped per month and per year.
guidance-review-advice =
    Read the agreement as the other side will: is every figure defined so that both sides compute the same number?
    Errors must be fixed before export; warnings point at likely trouble; notes are worth knowing.
    Click a finding to go straight to the field that fixes it.
guidance-review-example = “Time to first contact” answered for by marketing is flagged: sales makes the calls, so only sales controls it.
guidance-review-defaults = The checks run as you type and again whenever the draft is saved.
guidance-review-cites =
    Every finding names the rule of the article or the source it applies, beneath its fix.
guidance-signoff-advice =
    Each side signs the agreement: usually the two heads, sometimes the CEO as well.
    Export the PDF in the language of the agreement and send it to the signatories.
    A visible signature shows who signed; a digital signature proves the file was not changed after signing.
guidance-signoff-example = Anna Petrova, Head of Marketing, and Igor Smirnov, Head of Sales, sign for their departments.
guidance-signoff-defaults = One signatory per side, taken from the heads named in step 1.
guidance-signoff-cites =
    The article: one document that both sides understand and answer for.
    A self-signed certificate proves the file was not changed after signing, not who signed it; a company-issued certificate proves both.

## Step 1: parties and service

parties-agreement = The agreement
parties-title = Title
parties-department = Department name
parties-department-hint = As your company calls it, e.g. “B2B Sales”.
parties-head-name = Full name
parties-head-role = Position
parties-head-role-placeholder-marketing = Head of Marketing
parties-head-role-placeholder-sales = Head of Sales
parties-head-email = E-mail
parties-services = What each side provides
parties-services-intro = Each service is a commitment one department makes to the other. Add at least one in each direction.
parties-service-direction = { $from } → { $to }
parties-provider = Provided by
parties-service = Service
parties-service-placeholder-marketing = Marketing-qualified leads
parties-service-placeholder-sales = Lead follow-up and feedback
parties-service-description = What exactly is delivered
parties-add-service-marketing = Service marketing provides
parties-add-service-sales = Service sales provides
parties-term = Term and reviews
parties-effective-date = Effective from
parties-duration = Duration
parties-months = months
parties-renewal = Renewal
parties-review-dates = Review dates
parties-review-dates-hint = The dates on which both heads review the agreement and its targets.
parties-review-date = Review date
parties-add-review-date = Add a review date

## Step 2: performance levels

performance-no-services = Add the services each side provides first: the metrics measure them.
performance-go-services = Go to services
performance-no-metrics = No metrics yet. Add one from the library or write your own.
performance-too-many = More than five metrics for one service: too many produce data nobody analyses. Keep the ones that matter most.
performance-from-library = Add from the metric library
performance-write-own = Write a metric from scratch
metric-unnamed = New metric
metric-name = Metric
metric-kind = What it measures
metric-kind-hint = Reliability and speed of response are the heart of a service level.
metric-definition = Definition
metric-definition-hint = What exactly is counted, so both sides compute the same number.
metric-comparator = Must be
metric-target = Target
metric-unit = Unit
metric-window = Measured per
metric-data-source = Data source
metric-data-source-hint = The system and report the figure comes from.
metric-flow = Lead flow
metric-flow-hint = mql, sql, rejected… pairs volume with quality on one flow.
metric-collection = How it is collected
metric-collection-hint = Prefer metrics a system records without anyone's effort.
metric-manual-reason = Why no system records it
metric-owner = Answerable
metric-owner-hint = Usually the side that provides the service: only it controls the figure.
metric-remove = Remove metric
metric-target-summary = { $sign } { $target } { $unit } { $window }
library-title = Metric library: { $side }
library-add = Add
library-added = Added
library-empty = The library has no metrics for this side.
library-failed = The metric library is not available: { $reason }
library-source = Source: { $source }
library-typical = Usual target: { $low }–{ $high }
funnel-title = Funnel calculator: MQLs needed per rep
funnel-intro = Work back from the revenue goal: how many customers that takes, how many leads the funnel needs for that, and how many each rep should get a month.
funnel-revenue-goal = Revenue goal
funnel-deal-size = Average deal size
funnel-reps = Sales reps
funnel-months = Over months
funnel-stages = Conversion between stages
funnel-stage-connect = MQL → connect
funnel-stage-discovery = Connect → discovery call
funnel-stage-demo = Discovery → demo
funnel-stage-won = Demo → customer
funnel-compute = Calculate
funnel-result = { $customers } won deals over the period take about { $mqls } MQLs a month for the team: { $perRep } per rep.
funnel-overall = Overall conversion from MQL to customer { $percent }%: { $perDeal } MQLs per deal.
funnel-stage = Stage
funnel-entering = Enter a month
funnel-moving-on = Move on
funnel-with-capacity = Also check the sales capacity this takes
funnel-with-capacity-hint = How many reps following up every lead within the response target needs.
funnel-capacity = How sales works its leads
funnel-response-target = First contact within
funnel-attempts = Attempts per lead
funnel-minutes-per-attempt = Minutes per attempt
funnel-rep-hours = Rep hours a month for leads
funnel-workdays = Working days a month
funnel-hours-per-day = Working hours a day
funnel-after-hours = Leads arriving after hours
funnel-capacity-result = Working these leads takes { $hours } rep-hours a month: { $reps } reps, { $duty } of them on first-contact duty each morning.
funnel-reps-short = { $count ->
    [one] The team is { $count } rep short of this: raise the response target or plan the hire before signing.
   *[other] The team is { $count } reps short of this: raise the response target or plan the hires before signing.
}
funnel-applied-new = Added the MQL volume metric with a target of { $target } per rep a month.
funnel-applied-changed = The MQL target changed from { $before } to { $target } per rep a month.
funnel-show-target = Show the target
funnel-apply = Set the MQL target to { $perRep } per rep
funnel-applied = The MQL volume target now holds this figure.

kind-volume = How much (volume)
kind-quality = How good (quality)
kind-speed = How fast (speed)
kind-reliability = How reliably (reliability)
unit-count = Count
unit-percent = Percent
unit-minutes = Minutes
unit-hours = Hours
unit-business-hours = Business hours
unit-days = Days
unit-money = Money
unit-short-count = { "" }
unit-short-percent = %
unit-short-minutes = min
unit-short-hours = h
unit-short-business-hours = business h
unit-short-days = days
unit-short-money = money
comparator-at-least = At least
comparator-at-most = At most
comparator-exactly = Exactly
window-day = Day
window-week = Week
window-month = Month
window-quarter = Quarter
window-year = Year
window-per-day = per day
window-per-week = per week
window-per-month = per month
window-per-quarter = per quarter
window-per-year = per year
collection-automatic = Automatically, by a system
collection-manual = By hand

## Step 3: monitoring and reporting

monitoring-data = Data
monitoring-suggest = Suggest wording
monitoring-collection = How the data is collected
monitoring-collection-hint = Systems, exports, who enters what.
monitoring-processing = How the data is processed
monitoring-processing-hint = Deduplication, exclusions, dashboards.
monitoring-reports = Reports
monitoring-reports-intro = What is prepared, by whom and how often.
monitoring-report-name = Report
monitoring-report-owner = Prepared by
monitoring-report-frequency = How often
monitoring-report-contents = Contents
monitoring-add-report = Add a report
monitoring-review = Joint review
monitoring-cadence = How often the heads review the figures
monitoring-cadence-hint = Monthly suits most teams; weekly while the agreement is new.
monitoring-reviewers = Who takes part
monitoring-reviewers-hint = Roles or names.
monitoring-reviewer = Participant
monitoring-reviewer-placeholder = Head of Sales
monitoring-add-reviewer = Add a participant
cadence-daily = Daily
cadence-weekly = Weekly
cadence-biweekly = Every two weeks
cadence-monthly = Monthly
cadence-quarterly = Quarterly
cadence-not-agreed = Not agreed yet

## Step 4: deadlines

deadlines-time = How time is counted
deadlines-basis = Deadlines count
basis-business-hours = Business hours
basis-business-hours-hint = Only working time by the calendar below; a lead at 17:30 on Friday is due on Monday morning.
basis-calendar = Calendar time
basis-calendar-hint = Round the clock, every day.
deadlines-calendar = Business calendar
deadlines-timezone = Time zone
deadlines-day-start = Working day starts
deadlines-day-end = Working day ends
deadlines-workdays = Working days
deadlines-holidays = Holidays
deadlines-holidays-hint = Days off besides the weekend.
deadlines-holiday = Holiday
deadlines-add-holiday = Add a holiday
deadlines-rules = Response and resolution times
deadlines-rules-intro = By lead tier (how fast sales makes first contact and decides) or by issue severity (how fast a problem is acknowledged and fixed).
deadlines-category = Applies to
deadlines-applies-tier = Lead tier
deadlines-applies-severity = Issue severity
deadlines-tier-placeholder = Tier A: demo or price request
deadlines-severity-placeholder = Broken lead routing
deadlines-owner = Who must act
deadlines-first-contact = First contact within
deadlines-decision = Decision within
deadlines-response = Response within
deadlines-resolution = Resolution within
deadlines-add-rule = Add a deadline
deadline-unit = Unit
deadline-empty-hint = Leave empty for none.
category-lead-tier = A lead tier
category-issue-severity = An issue severity
duration-unit-minutes = minutes
duration-unit-hours = hours
duration-unit-days = days

## Step 5: consequences

consequences-escalation = Escalation ladder
consequences-escalation-intro = Who is told, in order, when a commitment is missed.
consequences-level = Level { $n }
consequences-trigger = When
consequences-trigger-placeholder = A metric misses its target two weeks running
consequences-escalate-to = Escalate to
consequences-after-days = After
consequences-days = days
consequences-action = What they do
consequences-add-level = Add a level
consequences-remedies = Remedies
consequences-remedies-intro = What is done when a commitment is missed: recycle or reassign leads, a joint review, a revised plan.
consequences-scope = Applies to
consequences-remedy-action = What is done
consequences-add-remedy = Add a remedy
consequences-adjustments = Bonus or budget adjustments
consequences-adjustments-intro = Many companies leave this out. If you use it, tie it to achieved levels and cap it.
consequences-adjustment-kind = Adjusts
consequences-tiers = Tiers
consequences-tier = Tier
consequences-tier-below = When achieved level is below
consequences-tier-adjustment = Adjustment
consequences-add-tier = Add a tier
consequences-cap-month = Cap per month
consequences-cap-year = Cap per year
consequences-add-adjustment = Add an adjustment
consequences-notes = Other terms
consequences-notes-label = Definitions, exclusions, anything else agreed
consequences-notes-hint = Printed after the consequences.
adjustment-kind-bonus = Bonus
adjustment-kind-budget = Budget
scope-agreement = The whole agreement
scope-commitment = Service: { $name }
scope-metric = Metric: { $name }
scope-missing = { $kind ->
    [commitment] Service
   *[metric] Metric
} "{ $id }" (not in the agreement)
consequences-step-scope = Watches
trigger-fires-when = Fires when
trigger-condition-none = Not measured
trigger-condition-missed_in_a_row = N misses in a row
trigger-condition-achieved_below = Below P % of target
trigger-periods = Misses (N)
trigger-percent = Of target (P)
trigger-percent-suffix = %
trigger-guidance-none = A review cannot tell when this applies: the words are printed, but it never fires by itself. Choose a condition the figures show.
trigger-guidance-missed_in_a_row = Two misses in a row is a pattern, one is noise: start the ladder at 2 and give each next level one period more. A period is one month's review.
trigger-guidance-achieved_below = Below 80 % of target means a real shortfall, not a rounding: a level worth acting on at once.
# The description the wizard writes in the agreement's language while "When" is left to it.
trigger-text-missed = { $periods ->
    [1] The target is missed in one period
   *[other] The target is missed { $periods } periods in a row
}
trigger-text-below = The achieved level is below { $percent }% of target

## Step 6: review

review-findings = What to fix
review-check-again = Check again
review-check-failed = The checks could not run: { $reason }
review-no-findings = Nothing to fix: the agreement follows every rule the checks know.
review-count-error = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
review-count-warning = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
review-count-info = { $count ->
    [one] { $count } note
   *[other] { $count } notes
}
severity-error = Error
severity-warning = Warning
severity-info = Note
review-go-to = Fix in “{ $step }”
review-between = Between { $marketing } and { $sales }
review-term = from { $start } for { $months } months
review-business-hours = Business hours: { $days }, { $start }–{ $end } ({ $zone }).
review-after-days = after { $days } days
review-tier = below { $below }%: { $change }%
review-caps = capped at { $month }% a month and { $year }% a year
renewal-none = Ends with its term
renewal-automatic = Renewed automatically unless either head objects
renewal-by-agreement = Renewed when both heads sign a renewal

## Step 7: sign-off and export

signoff-signatories = Signatories
signoff-signatories-intro = One per side at least; add the CEO if the company wants.
signoff-from-heads = Fill in from the heads
signoff-side = Signs for
signoff-add = Signatory for { $side }
signoff-export = Export to PDF
signoff-export-intro = The PDF is the document the signatories read and sign. The latest saved version is exported; a copy of the agreement as data travels inside it.
signoff-has-errors = { $count ->
    [one] The checks found { $count } error: the PDF is marked DRAFT on every page until it is fixed. See Review.
   *[other] The checks found { $count } errors: the PDF is marked DRAFT on every page until they are fixed. See Review.
}
signoff-draft-mark = The pages are marked DRAFT because the checks found errors; fix them in Review and export again before signing.
signoff-pdf-language = PDF language
signoff-export-button = Export PDF…
signoff-exporting = Exporting…
signoff-pdf-filter = PDF document
signoff-exported = Saved { $path } ({ $size } KB).
signoff-open-failed = The PDF was saved but could not be opened: { $reason }
signing-title = Signing
signing-step-export = Export the PDF above: it appears here, ready to sign.
signing-step-sign = Sign it with your signing identity: a visible signature in your block and a digital one that breaks if anyone changes the file.
signing-step-send = Send the signed PDF to the other head, who opens it in SLA Studio (or any PDF reader) and countersigns.
signing-choose-pdf = Open a PDF…
signing-view-title = Verify and sign
signing-view-intro = Open an agreement PDF to see who signed it and whether it changed since, and to sign or countersign it.
signing-import-as-draft = Take in as a new draft
signing-version-signed = Version { $version } of this agreement was signed by { $names } ({ $when }).
signing-frozen = Version { $version } is signed by { $names } and frozen: any change you make becomes an amendment that needs exporting and signing again.
signing-amendment = Amendment: version { $signed } was signed by { $names }; this draft (version { $current }) has changed since. Export it and sign it again.
wizard-open-reviews = Monthly reviews
signing-open-viewer = Open in PDF viewer
signing-saved = Signed copy saved to { $path }
signing-all-fields-signed = Every signatory has signed.
signing-no-fields = This PDF has no signature fields: it was not made by SLA Studio, or its signatories list is empty.
signing-unknown-signer = Unknown signer
signing-valid = Valid
signing-invalid = Not valid
signing-trusted = Trusted
signing-self-signed = Self-signed
signing-not-trusted = Not trusted
signing-role = Role
signing-email = E-mail
signing-time = Signed
signing-certificate = Certificate
signing-certificate-issued = Issued by { $issuer }, valid { $from } – { $to }
signing-waiting-for = Waiting for: { $names }
signing-identities = Signing identities
signing-identities-intro = Your signing key and its certificate stay on this computer, encrypted under your passphrase. Give your certificate to the other head so their copy of SLA Studio can show your signature as trusted.
signing-identities-empty = No signing identity yet. Create one, or import the .p12/.pfx file your company issued.
signing-identity-new = New identity
signing-identity-import = Import .p12/.pfx…
signing-identity-create = Create identity
signing-identity-import-button = Import
signing-identity-added = Signing identity for { $name } is ready.
signing-identity-deleted = Signing identity for { $name } deleted.
signing-name = Full name
signing-department = Department
signing-organization = Company
signing-key = Key
signing-key-rsa = any PDF reader
signing-key-p256 = smaller
signing-passphrase = Passphrase
signing-passphrase-repeat = Repeat the passphrase
signing-passphrase-hint = Needed when you sign, unless the system keychain remembers it. Nobody can recover it: without it the identity cannot sign.
signing-passphrase-mismatch = The two passphrases differ.
signing-remember = Remember the passphrase in the system keychain
signing-remembered = Passphrase remembered
signing-remembered-hint = The system keychain remembers this passphrase: leave the field empty to use it, or type it to use what you type.
signing-forget = Forget
signing-forgotten = The passphrase of { $name } is no longer remembered.
signing-no-keychain = This computer has no system keychain, so the passphrase cannot be remembered: type it each time you sign.
signing-import-file = Importing { $path }. Enter the passphrase it was issued with.
signing-p12-filter = Signing identity (PKCS#12)
signing-certificate-filter = Certificate
signing-certificate-exported = Certificate saved to { $path }
signing-export-certificate = Export certificate…
signing-delete = Delete
signing-delete-confirm = Delete this identity for good? PDFs it signed stay valid.
signing-cancel = Cancel
signing-valid-until = valid until { $date }
signing-issued-by = issued by { $issuer }
signing-trusted-title = Trusted certificates
signing-trusted-intro = A signature under a certificate you trust (a colleague's own, received from them directly, or your company's root) is shown as trusted; others prove only that the file is unchanged.
signing-trust-add = Trust a certificate…
signing-trusted-added = Now trusted: { $names }
signing-untrust = Stop trusting
signing-sign-title = Sign
signing-countersign-title = Countersign
signing-as = Sign as
signing-field = Signature block
signing-page = page { $page }
signing-other-person = This block is for { $signatory }, and you are signing as { $name }.
signing-kind = Signature
signing-kind-typed = Typed
signing-kind-drawn = Drawn
signing-typed = Your signature as typed text
signing-draw-label = Draw your signature here
signing-draw-hint = Draw with the mouse, a pen or a finger.
signing-draw-clear = Clear
signing-draw-empty = Draw your signature first, or choose a typed one.
signing-sign-button = Sign and save as…
signing-signing = Signing…
signing-sign-note = The signed copy is a new file; the PDF you opened stays as it was.
home-signatures-intro = Open a PDF to verify its signatures or to countersign it.
home-signatures-open = Verify or sign a PDF…
history-note-created = created from template { $template }
history-note-imported = imported from { $file }
history-note-restored = restored from version { $version }
history-note-copied = copied from draft { $draft }
history-note-merged = merged the proposal of { $name }
history-note-merged-file = merged the proposal from { $file }
history-note-renamed = renamed
history-exported = Exported
history-signed = Signed

## Versions

history-title = Versions
history-intro = Edits made within a couple of minutes of each other form one version; an exported or signed version never changes. Restoring a version makes it the newest; the versions after it stay in the list.
history-version = Version { $version }
history-current = Current
history-restore = Restore
history-restored = Version { $version } restored as version { $now }.
history-compare-pick = compare
history-compare-hint = Tick two versions to compare them
history-compare = Compare version { $from } with { $to }
history-compared = { $count ->
    [0] Versions { $from } and { $to } say the same
    [one] From version { $from } to { $to }: { $count } change
   *[other] From version { $from } to { $to }: { $count } changes
}

## Lists and fields

list-item = Item
list-numbered = { $label } { $n }
list-remove-numbered = Remove { $label } { $n }
list-removed = Removed “{ $what }”.
list-move-up = Move level { $n } up
list-move-down = Move level { $n } down
field-not-a-number = Enter a number, e.g. 12 or 0.5.
field-number-required = Enter a number.
field-whole-number = Enter a whole number.
field-number-min = Enter { $min } or more.
field-number-max = Enter { $max } or less.
field-date-invalid = Enter a full date.

## Defaults written into the agreement, in its own language

default-service-marketing = Marketing-qualified leads
default-service-sales = Lead follow-up and feedback
default-data-source = CRM report
default-report-name = SLA dashboard
default-report-owner = Revenue operations
default-escalate-head = Head of the other department
default-escalate-ceo = CEO
default-data-collection = All figures come from the CRM: lead status history and activity log. Nobody enters figures by hand.
default-data-processing = Revenue operations removes duplicates and test leads, then publishes a shared dashboard refreshed daily.

about-open = About
about-version = Version
about-publisher = Publisher
about-data-dir = Drafts and identities are kept in
about-note = Copy that folder, with the app closed, to back up your drafts and signing identities.
about-close = Close

## A newer version saved elsewhere while this window was editing

save-conflict = Not saved: changed elsewhere
conflict-title = This draft was changed in another window
# $note: why the other version exists, when it is not an ordinary save ("imported from a file").
conflict-explain = While you were editing, version { $version } was saved on { $time } by another SLA Studio window or the command line{ $note ->
    [none] {""}
   *[other] {" "}({ $note })
}. Your changes here are not saved yet, and nothing is saved automatically until you choose. Neither version is lost either way.
conflict-loading = Loading version { $version }…
conflict-differences = What differs
conflict-field = Field
conflict-mine = Yours, not saved yet
conflict-theirs = Version { $version }, saved elsewhere
conflict-missing = (none)
conflict-empty = (empty)
conflict-same = Your changes and version { $version } now hold the same text.
conflict-more = …and { $count } more { $count ->
    [one] field
   *[other] fields
}
conflict-keep-mine = Keep mine
conflict-keep-mine-hint = Saves your changes as version { $next }, on top of version { $version }; version { $version } stays in the Versions list.
conflict-take-theirs = Take version { $version }
conflict-take-theirs-hint = Shows version { $version } here instead. Your unsaved changes in this window are discarded: Undo brings them back for a few seconds, and after that they are gone.
conflict-kept = Your changes are saved as version { $version }; version { $other } stays in the Versions list.
conflict-took = Version { $version } is open. Your unsaved changes were discarded.
conflict-undo = Undo
conflict-stay = This draft was changed elsewhere: choose Keep mine or Take the other version first, so your changes are not lost.

# The recovery screen: the drafts database was found damaged or cannot be opened.
recovery-title = Your drafts database is damaged
recovery-intro = SLA Studio found damage in the file that holds your drafts (a disk or sync fault, not something you did). It has not written to it since: the file was moved aside, and nothing in it is deleted. Choose how to go on.
recovery-moved = The damaged file is now { $path }.
recovery-technical = What SQLite found
recovery-backup-title = The newest good backup
recovery-backup-when = Taken { $when }
recovery-backup-drafts = { $count ->
    [one] { $count } agreement
   *[other] { $count } agreements
}
recovery-backup-more = and { $count } more
recovery-no-backup = There is no backup yet to restore.
recovery-size-kb = { $size } KB
recovery-size-mb = { $size } MB
recovery-salvaged-title = Read back from the damaged file
recovery-salvaged-intro = These agreements could still be read, each at its newest readable version. Ticked ones are added as new drafts; those marked newer are not in the backup.
recovery-nothing-salvaged = Nothing could be read back from the damaged file.
recovery-newer = newer than the backup
recovery-in-trash = was in the trash
recovery-salvaged-files = They were also saved as agreement files in { $path }.
recovery-problems = { $count ->
    [one] { $count } part could not be read
   *[other] { $count } parts could not be read
}
recovery-restore = Restore this backup
recovery-restore-and-import = { $count ->
    [one] Restore this backup and add { $count } agreement
   *[other] Restore this backup and add { $count } agreements
}
recovery-new = Start with an empty list
recovery-new-and-import = { $count ->
    [one] Start a new list with { $count } agreement
   *[other] Start a new list with { $count } agreements
}
recovery-done-restored = Backup restored: { $drafts } agreements, { $imported } of them read back from the damaged file.
recovery-done-new = A new drafts list was started with { $imported } agreements read back from the damaged file.
recovery-kept-open = The agreement that was open, “{ $title }”, was kept as a new draft.
recovery-unavailable-title = Your drafts cannot be opened
recovery-unavailable-intro = SLA Studio could not open the file that holds your drafts, and left it as it is. Nothing was changed.
recovery-unavailable-folder = The drafts are kept in { $path }.

# Closing the window while edits cannot be saved.
close-title = Your latest edits are not saved
close-text = { $reason } They exist only in this window: closing it now loses them.
close-reason-conflict = Another window or the command line saved a newer version of this agreement; choose which to keep first.
close-reason-disk-full = The disk is full.
close-reason-read-only = The data folder is read-only.
close-reason-unknown = The drafts database did not take them.
close-stay = Keep the window open
close-anyway = Close and lose the edits

## Negotiating: a file for the other head, and a file from them
home-exchange-heading = A file from the other head
home-exchange-intro = Open an agreement they sent (.sla.json or its PDF): a new version of one of your drafts is compared with it, change by change.
home-exchange-open = Open a file…
home-exchange-filter = SLA Studio agreements
signoff-send = Send to the other head
signoff-send-intro = Save the agreement as a file for the other head to review. It says which version it was made from, so that their answer comes back as changes you accept or reject, and it carries the comments. It is not the document you sign.
signoff-send-from = I am the head of
signoff-send-button = Save for the other head…
signoff-send-filter = SLA Studio agreement
signoff-sent = Saved { $path }. Send it to the other head; when their answer comes, open it from the start screen.
proposal-title = Proposed changes
proposal-title-from = Changes proposed by { $name }
proposal-for-draft = To your draft “{ $title }”.
proposal-base-found = Compared from version { $version }, the last version you both had: only what the proposal changed is listed, and your own edits since stay.
proposal-base-unknown = The proposal was made from a version this computer has never had, so it is compared with your latest version directly: every difference is listed as a proposed change, including your own edits it does not have.
proposal-base-not-named = The file does not say which version it was made from, so it is compared with your latest version directly: every difference is listed as a proposed change, including your own edits it does not have.
proposal-counts = { $changes ->
    [one] { $changes } change
   *[other] { $changes } changes
}, { $conflicts ->
    [one] { $conflicts } conflict
   *[other] { $conflicts } conflicts
}, { $comments ->
    [one] { $comments } new comment
   *[other] { $comments } new comments
}
proposal-accept-all = Accept all
proposal-reject-all = Reject all
proposal-accept = Accept
proposal-reject = Reject
proposal-yours = Yours
proposal-theirs = Theirs
proposal-theirs-named = { $name }'s
proposal-neither = Neither: keep it as it was
proposal-nothing = The file says what your draft says; nothing to decide.
proposal-undecided = { $count ->
    [one] Choose a side in { $count } conflict to merge.
   *[other] Choose a side in { $count } conflicts to merge.
}
proposal-merge = { $accepted ->
    [0] Merge
    [one] Merge { $accepted } change
   *[other] Merge { $accepted } changes
}
proposal-separate = Keep as a separate draft
proposal-cancel = Cancel
proposal-merged = Merged as version { $version }: { $accepted } accepted, { $rejected } rejected.
proposal-draft-changed = Your draft was saved since this comparison was made: open the file again to compare it with the latest version.

## Comments on clauses
comments-title = Comments
comments-button-open = Comments ({ $count } open)
comments-intro = A question or an objection about a clause, for the other head: it goes to them in the file you save for them, and never appears in the agreement's PDF.
comments-as = Writing as
comments-as-side = { $name } ({ $side })
comments-new-on = New comment on “{ $field }”
comments-pick-field = Click in a field of the agreement, then write your comment on it here.
comments-add = Comment
comments-none = No comments yet.
comments-removed-field = a clause removed since
comments-no-field = That field is not in the agreement any more; click in another one.
comments-resolved = Resolved
comments-reply = Reply…
comments-send = Reply
comments-resolve = Resolve
comments-reopen = Reopen
comments-on-field = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
proposal-comments = Their comments
proposal-comments-kept = Comments are kept whatever you decide on the changes; reply to them in the wizard after merging.
home-open-comments = { $count ->
    [one] { $count } open comment
   *[other] { $count } open comments
}
home-proposal-waiting = Proposed changes wait
home-proposal-open = Compare

# The plan
plan-title = What the targets rest on
plan-intro = The checks compare the targets with these figures. The article asks for reasonable, achievable targets (rule 5 of choosing metrics): a lead target is achievable only when the team has the hours to work every lead, and M. Roberge's funnel at HubSpot turns the deals sales must win into the leads marketing must deliver, stage by stage. Every figure is optional; each one you give lets the checks tell a target no team could meet from one it can.
plan-start = Describe the team and the funnel
plan-team = The team that works the leads
plan-sales-reps = Sales reps
plan-sales-reps-hint = SDRs, call-centre agents or partner managers who work these leads.
plan-rep-hours = Hours a month each has for leads
plan-rep-hours-hint = What is left after meetings, demos and admin.
plan-attempts = Contact attempts per lead
plan-attempts-hint = Before the lead is recycled; HubSpot's SLA asks for 5.
plan-minutes-per-attempt = Minutes per attempt
plan-minutes-per-attempt-hint = Logging it in the CRM included.
plan-after-hours = Leads arriving after hours
plan-after-hours-hint = They wait for the next working day, and then all need a first contact at once.
plan-leads = The leads
plan-lead-volume = Metric that counts the leads
plan-lead-volume-hint = Its target is compared with the hours the team has.
plan-lead-volume-none = None
plan-metric-unsuitable = { $name } (does not fit here)
plan-per-rep = The target is per person
plan-per-rep-hint = As in HubSpot's “MQLs per rep a month”; leave it unticked when the target is for the whole team.
plan-funnel = The funnel, from lead to won deal
plan-funnel-hint = The share of the leads entering each stage that move on to the next. Link a stage to the percentage metric that measures it, so that the plan and the target tell the same story.
plan-stage-name = Stage { $n }
plan-stage-rate = Move on
plan-stage-metric = Measured by
plan-stage-metric-none = No metric
plan-stage-add = Add a stage
plan-stage-remove = Remove the stage
plan-funnel-example = Start from HubSpot's funnel
plan-funnel-overall = Overall { $percent }% of the leads become customers: { $perDeal } leads per deal.
plan-source = Where the figures come from
plan-source-hint = A study, a benchmark or last year's CRM data, so that both heads can check them.
funnel-stage-numbered = Stage { $n }
