# Templates: the blank agreement and why a company's own template file was left out.

# The built-in templates: their names on the start screen, what each holds and when to choose it.
template-sales-marketing = Inbound B2B: marketing's leads, sales' follow-up
template-sales-marketing-summary = A complete two-way agreement: lead volume and quality from marketing, fast follow-up and feedback from sales.
template-sales-marketing-choose-when = Choose this when marketing brings inbound leads (forms, content, events) and sales reps call them back: HubSpot's model.

template-outbound-abm = Outbound and account-based B2B
template-outbound-abm-summary = A two-way agreement for account-based outbound: an ICP-fit account list, fresh intent signals and complete contact data from marketing; fast, persistent multi-channel outreach, meetings for account executives and feedback on misfit accounts from sales.
template-outbound-abm-choose-when = Choose this when SDRs prospect a list of target accounts that marketing selects (ICP fit, intent signals, account-based campaigns) and book meetings for account executives.

template-call-centre = High-volume B2C: a call centre
template-call-centre-summary = A two-way agreement for a high-volume B2C contact centre: callable, tagged, forecast leads from marketing; answered calls, call-backs within minutes, bookings and lead outcomes from the contact centre.
template-call-centre-choose-when = Choose this when an online shop's or a private clinic's call centre calls back the web forms, callback requests, ad leads and calls that marketing brings, within minutes, seven days a week.

template-long-cycle = Long-cycle B2B: projects and tenders
template-long-cycle-summary = A two-way agreement for projects and tenders: qualified project leads and tender notices with full data and bid content from marketing; timely bid/no-bid decisions, qualification visits and feedback on every lead from sales.
template-long-cycle-choose-when = Choose this when you sell equipment or engineering projects through key-account managers and tenders: few leads, large deals, cycles of 6–18 months.

template-partner-channel = Partner and channel leads
template-partner-channel-summary = A two-way agreement for the partner channel: complete, duplicate-checked deal registrations and partner-sourced leads from partner marketing; 2-day registration decisions, an honoured 90-day protection window, conflicts decided in 5 days and next-day follow-up of partner leads from channel sales.
template-partner-channel-choose-when = Choose this when resellers and integrators register deals in a partner portal run by partner marketing, and channel account managers approve the registrations and work partner-sourced leads.

template-blank = Blank agreement
template-blank-summary = Only the two departments filled in; the wizard suggests defaults as you go.
template-blank-choose-when = Choose this when none of the templates fits and you would rather build the agreement step by step.

template-problem-unreadable = The file cannot be read: { $detail }
template-problem-not-json = The file is not JSON: { $detail }
template-problem-about = Its "template" part does not fit: { $detail }. It holds "name" (lower-case letters, digits, hyphens) and optionally "title", "summary" and "choose_when".
template-problem-agreement = Its agreement cannot be read: { $detail }
template-problem-bad-name = Its name "{ $name }" may hold only lower-case letters, digits and hyphens.
template-problem-taken-name = Its name "{ $name }" is the name of a built-in template; give it another "name".
template-problem-repeated = The template "{ $name }" in this language is already in { $other }; give one of them another "name".
template-problem-fails-checks = { $count ->
    [one] The checks find an error in it
   *[other] The checks find { $count } errors in it
  }, so nobody could sign an agreement started from it. The first, at { $field }: { $message }
