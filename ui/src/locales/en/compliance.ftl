# The review's own words, given with its figures (sla-compliance): why a figure is missing and why a
# consequence of the agreement applies. Years are passed as text, so they are never grouped.

compliance-missing-manual_entry = No export gives this metric; enter the period's figure by hand.
compliance-missing-leads_in_period = The export has no lead created in this period.
compliance-missing-delivered_leads = No lead was delivered to sales in this period.
compliance-missing-owners = No delivered lead names its sales rep, so there is no one to divide by; map the owner column.
compliance-missing-first_contact_times = The export has no first-contact times; map the first-contact column.
compliance-missing-contacts = None of the leads delivered in this period was contacted.
compliance-missing-rejected_leads = No lead was rejected in this period.
compliance-missing-attempt_counts = The export has no contact-attempt counts; map the attempts column.
compliance-missing-rejection_reasons = The export has no rejection reasons; map the rejection-reason column.

# “Time to first contact” missed its target 2 periods in a row (October to November 2026).
compliance-missed-in-a-row = “{ $metric }” missed its target { $count } { $count ->
    [one] period
   *[other] periods
  } in a row ({ $span }).
# “Sales acceptance rate” reached 71.4 % of its target in December 2026, below 80 %.
compliance-achieved-below = “{ $metric }” reached { $achieved } % of its target in { $month } { $year }, below { $threshold } %.

# A run of months: "November 2026", "October to November 2026", "December 2026 to January 2027".
compliance-span-one-month = { $month } { $year }
compliance-span-within-year = { $first } to { $last } { $year }
compliance-span-across-years = { $first } { $first-year } to { $last } { $last-year }
