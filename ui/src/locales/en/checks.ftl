# Metric checks: messages and suggested fixes.
# Each check `check-ID` says what is wrong and why it matters; `check-ID-fix` says what to do.
# The reasoning follows the article: motivate the right behaviour, measure only what the provider
# controls, keep metrics easy to collect, prefer quality to quantity, and set the right targets.

## Parties, term and signatures

check-title-empty = The agreement has no title. The title is what both heads and the CEO will see in the list of drafts and at the top of the signed PDF.
check-title-empty-fix = Give it a short title, e.g. "Service-level agreement between Marketing and Sales".

check-party-department-empty = The { $side } department has no name. An agreement binds named departments; without one the signed PDF does not say who committed to what.
check-party-department-empty-fix = Enter the department's name as the company uses it, e.g. "Marketing" or "B2B Sales".

check-party-head-no-name = The head of { $side } is not named. Every commitment needs a person who answers for it and can be escalated to.
check-party-head-no-name-fix = Enter the full name of the head of { $side }.

check-party-head-no-role = The head of { $side } has no role. The role shows the authority to commit the department and is printed under the signature.
check-party-head-no-role-fix = Enter the role, e.g. "Head of { $side }".

check-term-no-duration = The agreement runs for zero months. An agreement with no term is never reviewed and never ends.
check-term-no-duration-fix = Set the term, usually 6 or 12 months, with review dates inside it.

check-term-no-review-date = The term has no review date. Targets set today will be wrong in a quarter: the market, the team and the funnel change, and an SLA nobody revisits stops being followed.
check-term-no-review-date-fix = Add review dates, e.g. the last day of each quarter, when both heads revisit the targets.

check-review-date-outside-term = The review date { $date } falls outside the term ({ $start } to { $end }), so the review would not happen under this agreement.
check-review-date-outside-term-fix = Move the review date inside the term, or change the term.

check-signatory-missing = Nobody signs for { $side }. The agreement runs both ways, and a side that has not signed has not committed.
check-signatory-missing-fix = Add the head of { $side } as a signatory.

check-signatory-no-name = A signatory for { $side } has no name, so the signature block cannot say who signed.
check-signatory-no-name-fix = Enter the signatory's full name, or remove the empty signatory.

## Identifiers

check-id-empty = An item has no id. Remedies, adjustments and findings refer to commitments and metrics by id; an empty one cannot be referred to.
check-id-empty-fix = Give it a short unique id, e.g. "mql-per-rep".

check-duplicate-id = The id "{ $id }" is used more than once, so a remedy or finding that names it could mean either item.
check-duplicate-id-fix = Rename one of them so that every id is unique.

## Services and metrics

check-direction-missing = { $side } commits to nothing. An SLA between sales and marketing runs both ways: { $other } delivers to { $side }, and { $side } owes { $other } something in return (follow-up and feedback, or leads of agreed quality). A one-way agreement reads as a list of demands and is not kept.
check-direction-missing-fix = Add a commitment provided by { $side } with at least two metrics; the metric library has ready ones.

check-commitment-no-service = A commitment of { $side } does not say what service it is. The type of service is the first thing an SLA must state.
check-commitment-no-service-fix = Name the service, e.g. "Marketing-qualified leads" or "Lead follow-up and feedback".

check-commitment-without-metrics = The commitment "{ $service }" has no metrics, so nobody can tell whether it was delivered.
check-commitment-without-metrics-fix = Add at least one metric that measures the service, ideally one recorded automatically by the CRM.

check-too-few-metrics = { $side } has { $count ->
    [one] only one metric
   *[other] { $count } metrics
} (at least { $min } are needed). One metric can be met while the service fails: a lead count says nothing of lead quality, a response time nothing of follow-up.
check-too-few-metrics-fix = Add a metric for the aspect that is not measured yet, e.g. a quality metric next to a volume one.

check-too-many-metrics = { $side } has { $count } metrics, more than { $max }. Too many metrics produce data nobody analyses, and the few that matter get lost among them.
check-too-many-metrics-fix = Keep the metrics that change behaviour and drop or merge the rest; a team remembers at most five to seven.

check-metric-no-name = The metric "{ $id }" has no name, so the report and the PDF cannot show what it is.
check-metric-no-name-fix = Give the metric a short name people use, e.g. "Time to first contact".

check-metric-no-definition = "{ $metric }" has no definition. Without one each side computes its own number and the review becomes an argument about data.
check-metric-no-definition-fix = Say exactly what is counted, from which moment to which, and what is excluded.

check-metric-owner-not-provider = "{ $metric }" is owned by { $owner }, but it measures a service { $provider } provides. A metric must reflect factors under the control of the side that provides the service: holding one side answerable for the other's work motivates nothing.
check-metric-owner-not-provider-fix = Make { $provider } the owner, or move the metric to a commitment that { $owner } provides.

check-metric-no-data-source = "{ $metric }" has no data source, so nobody can check whether its target was met.
check-metric-no-data-source-fix = Name the system and report the figure comes from, e.g. "CRM activity log".

check-metric-manual-no-reason = "{ $metric }" is collected by hand with no reason given. Hand-collected figures cost time every period and are the first to stop being collected; the article advises preferring metrics that are recorded automatically.
check-metric-manual-no-reason-fix = Record it automatically (a CRM field, report or telephony integration), or write down why no system can record it.

check-metric-collected-by-hand = "{ $metric }" is collected by hand. That is allowed, but every hand-collected figure is effort each period and a chance for error.
check-metric-collected-by-hand-fix = Check whether a CRM report or integration could record it; if so, switch to automatic collection.

check-volume-without-quality = "{ $metric }" counts volume { $has_flow ->
    [no] and names no flow,
   *[yes] on the flow "{ $flow }",
} but { $side } has no quality metric on that flow. Each side optimises for its metrics: marketing can hit an MQL count by sending weak leads, sales can hit a call count with empty calls.
check-volume-without-quality-fix = Pair it with a quality metric provided by { $side } on the same flow, e.g. the sales acceptance rate for MQLs or connected conversations for follow-up attempts.

## Targets

check-target-unit-mismatch = "{ $metric }" measures speed but its unit is { $unit ->
    [count] a count
    [percent] a percentage
    [money] money
   *[other] { $unit }
}. A speed target must be a time, or it cannot be checked against the clock.
check-target-unit-mismatch-fix = Use minutes, hours, business hours or days, or change the kind of the metric.

check-target-out-of-range = The target { $target } of "{ $metric }" is impossible: { $unit ->
    [percent] a percentage lies between 0 and 100.
   *[other] a count, a time or an amount cannot be negative.
}
check-target-out-of-range-fix = Set a target within the metric's range.

check-target-unattainable = The target { $target } of "{ $metric }" demands perfection: { $unit ->
    [percent] one lead out of thousands breaks it.
   *[other] zero time cannot be met.
} A target that cannot be met is ignored after the first month.
check-target-unattainable-fix = Set a reasonable, achievable level, e.g. 95% instead of 100%, or 1 business hour instead of 0.

check-target-always-met = The target { $target } of "{ $metric }" is met whatever happens, so it motivates nothing.
check-target-always-met-fix = Set a level that reflects the service you need; the metric library's defaults are a starting point.

check-conflicting-targets = "{ $metric }" appears twice with targets { $first } and { $second } that cannot both hold, so the side that owns it fails whatever it does (the first one is at { $first_field }).
check-conflicting-targets-fix = Keep one of the two metrics, or make the targets agree.

check-metric-repeated = "{ $metric }" is measured twice (also at { $first_field }). Repeated metrics double the reporting and split attention.
check-metric-repeated-fix = Keep one of them, or give the second a name and definition that say how it differs.

## Monitoring and reporting

check-monitoring-no-data-collection = The agreement does not say how the data is collected. Without it each side brings its own figures to the review.
check-monitoring-no-data-collection-fix = Name the systems and exports the figures come from, and who enters anything by hand.

check-monitoring-no-data-processing = The agreement does not say how the data is processed before review (duplicates, test leads, exclusions), so the same month can give two different results.
check-monitoring-no-data-processing-fix = Describe the cleaning and the dashboard or report the figures end up in.

check-monitoring-no-reports = The agreement names no report. Figures that nobody publishes are not looked at.
check-monitoring-no-reports-fix = Add at least a dashboard refreshed daily and a monthly review pack, each with an owner.

check-report-without-owner = The report "{ $report }" has no owner. A report everybody is responsible for is prepared by nobody.
check-report-without-owner-fix = Name the person or team that prepares it, e.g. "Revenue operations".

check-review-no-cadence = The agreement does not say how often the figures are reviewed. An SLA is kept because it is reviewed; HubSpot's model monitors daily and reviews regularly.
check-review-no-cadence-fix = Choose a review cadence, usually monthly, with a daily dashboard in between.

check-review-no-reviewers = The agreement does not say who takes part in the review, so nobody is there to agree the fixes.
check-review-no-reviewers-fix = List the reviewers: at least the heads of marketing and of sales.

## Deadlines

check-deadlines-none = The agreement sets no deadlines. How fast sales responds to a lead, and how fast a problem is fixed, is one of the five parts of an SLA; a lead contacted within an hour is about 7 times as likely to qualify.
check-deadlines-none-fix = Add response and resolution deadlines per lead tier (e.g. tier A: first contact within 1 hour) and for problems such as broken lead routing.

check-deadline-no-subject = A deadline does not say what it applies to ({ $rule }).
check-deadline-no-subject-fix = Name the lead tier or problem severity, e.g. "Tier A: demo or price request".

check-deadline-no-response = The deadline for "{ $rule }" has no response time. Speed of first response is what most decides whether a lead qualifies.
check-deadline-no-response-fix = Set a response time, e.g. 1 business hour for hot leads.

check-deadline-no-resolution = The deadline for "{ $rule }" has no resolution time. A response alone lets a lead be touched once and then left waiting.
check-deadline-no-resolution-fix = Set a resolution time: by when the lead is qualified or rejected, or the problem fixed.

check-deadline-not-positive = The { $which ->
    [response] response
   *[resolution] resolution
} time of "{ $rule }" is { $value }; a deadline must be longer than zero.
check-deadline-not-positive-fix = Set a positive time that the team can actually meet.

check-deadline-resolution-before-response = For "{ $rule }" the resolution time is shorter than the response time, which cannot be: a problem is resolved after it is responded to.
check-deadline-resolution-before-response-fix = Make the resolution time at least as long as the response time.

check-calendar-invalid = The working calendar is not valid: { $problem ->
    [timezone] it has no time zone.
    [workdays] the working days must be weekday numbers from 1 (Monday) to 7 (Sunday), at least one.
    [order] the working day ends before it starts.
   *[time] a time of day must be written as HH:MM.
} Business-hour deadlines cannot be counted without it.
check-calendar-invalid-fix = Fix the calendar: time zone (e.g. "Europe/Moscow"), working days and the start and end of the working day.

## Consequences

check-commitment-without-consequence = Nothing happens when "{ $service }" ({ $side }) is missed: no remedy or adjustment applies to it. A commitment without a consequence is a wish.
check-commitment-without-consequence-fix = Add a remedy for it, e.g. a revised plan presented at the monthly review, leads reassigned, or an escalation to the other head.

check-escalation-none = The agreement has no escalation ladder. When a target is missed, nobody knows who is told and when.
check-escalation-none-fix = Add escalation steps: first the other department's head, then the CEO, each with the days allowed to fix it.

check-consequence-without-trigger = { $what ->
    [escalation] The escalation to "{ $name }"
    [adjustment] The adjustment "{ $name }"
   *[remedy] The remedy "{ $name }"
} has no trigger, so nobody can tell when it applies.
check-consequence-without-trigger-fix = State the condition, e.g. "the metric misses its target two weeks running"{ $what ->
    [adjustment] , as tiers of achieved level
   *[other] {""}
}.

check-consequence-without-action = { $what ->
    [escalation] An escalation step does not say who is told
    [adjustment] The adjustment "{ $name }" does not say what happens
   *[remedy] The remedy "{ $name }" does not say what happens
}, so a missed target leads nowhere.
check-consequence-without-action-fix = { $what ->
    [escalation] Say who is told at this step, e.g. "Head of the other department" or "CEO".
   *[other] Say what is done and by whom, e.g. "Marketing presents a revised campaign plan at the monthly review".
}

check-scope-unknown-id = A consequence applies to the { $kind ->
    [commitment] commitment
   *[metric] metric
} "{ $id }", which the agreement does not have, so it applies to nothing.
check-scope-unknown-id-fix = Choose an existing { $kind ->
    [commitment] commitment
   *[metric] metric
}, or the whole agreement.

check-escalation-scope-unknown-id = Escalation step { $step } (to "{ $name }") watches the { $kind ->
    [commitment] commitment
   *[metric] metric
} "{ $id }", which the agreement does not have, so it never fires.
check-escalation-scope-unknown-id-fix = Choose an existing { $kind ->
    [commitment] commitment
   *[metric] metric
} for step { $step }, or the whole agreement.

check-trigger-out-of-range = { $what ->
    [escalation] Escalation step { $step } (to "{ $name }")
   *[remedy] The remedy "{ $name }"
} { $condition ->
    [missed] fires after { $value } missed periods in a row, so it would apply before anything was missed.
   *[below] fires below { $value }% of target; a level of achievement is above 0% and at most 100%.
}
check-trigger-out-of-range-fix = { $condition ->
    [missed] Count at least 1 period; 2 is usual: one miss is noise, two in a row a pattern.
   *[below] Give a percent above 0 and up to 100, e.g. 80.
}

check-triggers-not-structured = The escalation steps and remedies say when they apply only in words, so reviews cannot tell when this applies.
check-triggers-not-structured-fix = Give at least the first escalation step a measurable condition, e.g. "missed 2 periods in a row".

check-adjustment-cap-out-of-range = A cap of the adjustment "{ $name }" is not a percentage between 0 and 100.
check-adjustment-cap-out-of-range-fix = Set the monthly and yearly caps as percentages of the bonus or budget, e.g. 10% a month and 20% a year.

check-adjustment-cap-order = The adjustment "{ $name }" caps a month at { $month }% but a year at { $year }%: a single month could take more than the whole year allows.
check-adjustment-cap-order-fix = Make the yearly cap at least as large as the monthly cap.

check-adjustment-tiers-unordered = The tiers of the adjustment "{ $name }" are out of order: each tier must apply below a lower achieved level than the one before, with an adjustment at least as large, so a worse result never costs less.
check-adjustment-tiers-unordered-fix = Order the tiers from the mildest miss to the worst, e.g. below 95%: 2%, below 90%: 5%, below 80%: 10%.

check-adjustment-tier-above-cap = A tier of the adjustment "{ $name }" takes { $tier }%, more than the monthly cap of { $cap }%, so it can never apply in full.
check-adjustment-tier-above-cap-fix = Lower the tier to the cap, or raise the cap.

## What the fields mean

check-timezone-unknown = "{ $zone }" is not a time zone the IANA database knows, so no computer can tell when a business hour starts and ends there.
check-timezone-unknown-fix = Choose a zone from the list, e.g. "{ $suggestion }".

check-holiday-outside-term = The holiday { $date } falls outside the agreement's term ({ $start } to { $end }); it changes no deadline and only confuses the reader.
check-holiday-outside-term-fix = Remove it, or correct the year.

check-duration-exceeds-window = "{ $metric }" allows { $target } { $unit ->
    [minutes] minutes
    [hours] hours
    [business_hours] business hours
   *[days] days
  }, more than one { $window ->
    [day] day
    [week] week
    [month] month
    [quarter] quarter
   *[year] year
  } holds (at most { $held }). A lead that takes that long is still open when the period is reported, so the figure is never complete.
check-duration-exceeds-window-fix = Measure over a longer window, or set a target the window can hold.

check-email-invalid = "{ $email }" is not an e-mail address (a name, an @ and a domain such as example.com), so the signed PDF and the review invitations cannot reach this person.
check-email-invalid-fix = Correct the address, or leave it empty.

## Targets a team can meet

check-plan-invalid = The plan's figure cannot be used: { $problem ->
    [rep_hours_per_month] { $value } hours a month for lead work must be more than 0 and at most 744 (a month's hours).
    [attempts_per_lead] { $value } attempts per lead must be at least 1 and at most 100: every lead is called at least once.
    [minutes_per_attempt] { $value } minutes per attempt must be more than 0 and at most 480.
    [after_hours] { $value }% of leads after hours must lie between 0 and 100.
    [unknown-metric] no metric has the id "{ $value }".
    [not-count] "{ $value }" is not a count of leads, so it cannot say how many leads the team works.
    [not-percent] "{ $value }" is not a percentage, so it cannot measure a step of the funnel.
   *[rate] a conversion of { $value }% must be above 0% and at most 100%.
  } The checks of whether the targets can be met need it.
check-plan-invalid-fix = Correct the figure in the plan, or clear it.

check-volume-beyond-capacity = "{ $metric }" at { $target } means about { $leads } leads a month for each rep; with { $attempts } attempts of { $minutes } minutes each that is { $needed } hours of work, but each of the { $reps } reps has { $hours } hours for it. The team cannot work the leads it is promised, so the leads go cold.
check-volume-beyond-capacity-fix = A target this team can work is at most { $reachable }; or plan for { $reps_needed } reps, or more hours for lead work.

check-response-beyond-capacity = A first response within { $response } { $unit ->
    [minutes] minutes
   *[hours] hours
  } takes { $needed } reps on first-contact duty: about { $leads } leads a working day, { $after_hours }% of them waiting from the night before, { $minutes } minutes each. The team has { $reps }. The faster the response, the more people it needs: HBR found that a lead called within the hour qualifies about 7 times as often, but only if someone is free to call.
check-response-beyond-capacity-fix = { $reachable_unit ->
    [none] These reps cannot even keep up with the leads arriving during the day: plan more reps or fewer leads.
    [minutes] The fastest response { $reps } reps can keep is about { $reachable } minutes; set that, or plan more reps on duty.
   *[hours] The fastest response { $reps } reps can keep is about { $reachable } hours; set that, or plan more reps on duty.
  }

check-response-outside-working-hours = "{ $rule }" must be answered within { $response } { $unit ->
    [minutes] minutes
   *[hours] hours
  } of calendar time, but the team works { $start }–{ $end } and is away for { $closed } { $closed_unit ->
    [minutes] minutes
   *[hours] hours
  } at a stretch. A lead that arrives after closing misses its deadline before anyone can see it.
check-response-outside-working-hours-fix = Count the deadlines in business hours, allow at least { $closed } { $closed_unit ->
    [minutes] minutes
   *[hours] hours
  }, or staff the hours the team is away.

check-funnel-rate-contradicts-target = The plan counts on { $rate }% at "{ $stage }", but "{ $metric }" promises { $target }%. { $direction ->
    [below] If sales meets its target, more leads convert than planned, so the lead volume was set higher than the revenue goal needs.
   *[above] If sales only meets its target, fewer leads convert than planned, and the funnel falls short of the revenue goal.
  }
check-funnel-rate-contradicts-target-fix = Make the two agree: set the stage to { $target }%, or the target to { $rate }%, and recompute the lead volume.

check-target-far-from-typical = The target { $target } of "{ $metric }" is far { $direction ->
    [above] above
   *[below] below
  } the usual { $low }–{ $high }{ $unit ->
    [percent] %
   *[other] {""}
  }. { $demanding ->
    [yes] Few teams keep a target like this; one that cannot be met is ignored after the first month.
   *[no] A target this easy is met whatever happens and motivates nothing.
  }
check-target-far-from-typical-fix = A target near { $suggestion } is reachable and still asks for effort; if your own figures support this one, keep it and note them in the plan's source.

## Citations: the rule of the article or the source each finding applies

cite-contents-document = The article: an SLA puts every service, its expected quality and the responsibility for failing it into one document both sides understand.
cite-contents-service = The article, what an SLA contains (1): the type of service provided.
cite-contents-performance = The article, what an SLA contains (2): the required performance level, above all its reliability and speed of response.
cite-contents-monitoring = The article, what an SLA contains (3): monitoring and reporting — which statistics are collected, how often they are analysed, and who reviews them.
cite-contents-deadlines = The article, what an SLA contains (4): deadlines for responding to and resolving problems.
cite-contents-consequences = The article, what an SLA contains (5): consequences for the provider that does not meet its obligations.
cite-metrics-behaviour = The article, choosing metrics (1): motivate the right behaviour — ask how the other side could game the metric.
cite-metrics-provider = The article, choosing metrics (2): measure only what the provider controls.
cite-metrics-collect = The article, choosing metrics (3): easy to collect, ideally recorded automatically.
cite-metrics-quality = The article, choosing metrics (4): focus on quality, not quantity — neither too many metrics nor too few.
cite-metrics-targets = The article, choosing metrics (5): set reasonable, achievable targets.
cite-source-hubspot = HubSpot's SLA model: marketing commits leads to sales and sales commits follow-up to marketing — an agreement that runs both ways.
cite-source-hbr = Harvard Business Review, "The Short Life of Online Sales Leads" (2011, 2,241 firms): a lead contacted within an hour is about 7 times as likely to qualify.
cite-source-roberge = M. Roberge's funnel at HubSpot (The Sales Acceleration Formula): the lead volume is computed from each stage's conversion.
cite-source-accord = Service-credit practice in contract templates (Accord Project's SLA template): tiers of achieved level, capped per month and per year.
cite-source-iana = The IANA time zone database, which every operating system and calendar uses.
cite-library = Source of the usual range: { $source }.
