# Bringing a period's CRM export: preview, column mapping, period, what will be stored; figures entered by hand.

## The import panel

import-title = Bring a period's data
import-intro = Choose the CRM's export of leads (CSV or Excel), or drop the file on the window. Nothing is stored until you confirm.
import-close = Close the import
import-choose = Choose a file…
import-choose-another = Choose another file…
import-dialog-filter = CRM export (CSV, Excel)
import-drop-here = Drop the export here to read it
import-reading = Reading { $name }…
import-computing = Computing the period…
import-storing = Storing the period…

import-preview-title = The file
import-file-rows =
    { $rows ->
        [one] { $name }: { $rows } row
       *[other] { $name }: { $rows } rows
    }
import-encoding-label = Encoding
import-separator-label = Separator
import-encoding-utf8 = UTF-8
import-encoding-utf8-bom = UTF-8 (with a byte-order mark)
import-encoding-utf16-le = UTF-16 (little-endian)
import-encoding-utf16-be = UTF-16 (big-endian)
import-encoding-windows1251 = Windows-1251 (Cyrillic)
import-encoding-windows1252 = Windows-1252 (Western European)
import-encoding-xlsx = Excel workbook (no text encoding to guess)
import-sheet-label = Sheet
import-separator-semicolon = semicolon (;)
import-separator-comma = comma (,)
import-separator-tab = tab
import-separator-other = “{ $separator }”
import-separator-sheet = “{ $sheet }”
import-sample-caption = The first rows of the file
import-read-error-title = The leads cannot be read with this mapping yet
import-read-error-hint = Correct the columns below; the figures are computed only once every lead can be read.

## Which column is what

import-mapping-title = Which column is what
import-origin-saved = Saved from the last import of this agreement.
import-origin-guessed = Guessed from the column names: check each one.
import-origin-given = As given.
import-column-none = — none —
import-column-choose = — choose a column —
import-required = required
import-field-id = Lead ID
import-field-created = Created
import-field-owner = Owner (sales rep)
import-field-stage = Stage or status
import-field-mql-date = Date delivered to sales (MQL)
import-field-accepted-date = Date accepted by sales (SQL)
import-field-rejection-reason = Rejection reason
import-field-first-contact = First contact
import-field-attempts = Contact attempts
import-missing = Choose the column for “{ $field }”: no lead can be read without it.
import-unknown = “{ $field }”: this file has no column “{ $header }”.
import-shared = The column “{ $header }” is read as { $fields }. Check that this is meant.

import-guide-title = What each column is for
import-guide-id = The lead's number in the CRM. It tells leads apart, so a lead listed twice is counted once.
import-guide-created = When the lead was created. It decides which month a lead belongs to, in the agreement's time zone; every metric needs it.
import-guide-owner = The sales rep responsible for the lead. Needed for figures per rep, such as leads accepted per rep.
import-guide-stage = The lead's stage or status. With the stage values below it tells delivered, accepted and rejected leads apart: MQL volume, accepted leads and the acceptance rate need it.
import-guide-mql-date = When marketing handed the lead to sales (HubSpot's “Became a Marketing Qualified Lead Date”). A lead with a date here counts as delivered, whatever its stage.
import-guide-accepted-date = When sales accepted the lead (“Became a Sales Qualified Lead Date”). A lead with a date here counts as accepted, unless its stage says rejected.
import-guide-rejection-reason = Why sales turned the lead down. The “rejected with a reason” share needs it: a rejection without a reason teaches marketing nothing.
import-guide-first-contact = When sales first reached the lead. The response-time metrics need it: median, 90th percentile and the share answered within the target.
import-guide-attempts = How many times sales tried to reach the lead. The attempts-before-recycling metrics need it.

import-stages-title = What each stage means
import-stages-intro = Each value of the stage column, with how many leads have it. Leads marked other are not counted as delivered.
import-stages-none = Choose the stage column to tell delivered, accepted and rejected leads apart.
import-stages-loading = Reading the column's values…
import-stages-empty = The column has no values.
import-stage-count =
    { $count ->
        [one] { $count } lead
       *[other] { $count } leads
    }
import-stage-delivered = Delivered to sales (MQL)
import-stage-accepted = Accepted by sales
import-stage-rejected = Rejected by sales
import-stage-other = Other (not delivered)

## The period and what will be stored

import-period-title = The period
import-period-label = Month to store
import-period-option =
    { $leads ->
        [one] { $month }: { $leads } lead
       *[other] { $month }: { $leads } leads
    }
import-period-option-stored =
    { $leads ->
        [one] { $month }: { $leads } lead, already imported
       *[other] { $month }: { $leads } leads, already imported
    }
import-period-stored-note = This month already has figures from an export: you will see what changes before they are replaced.
import-period-none = The months in the file are known once its leads can be read: pick the month the export is for.
import-period-term = { $month }
import-period-term-stored = { $month }, already imported
import-period-choose = — choose the month —
import-compute = Show what will be stored
import-stale = The mapping or the month changed: show what will be stored again.

import-result-title = What will be stored for { $month }
import-result-leads =
    { $leads ->
        [one] { $leads } lead created in the month is counted.
       *[other] { $leads } leads created in the month are counted.
    }
import-result-metric = Metric
import-result-actual = Figure
import-result-target = Target
import-result-status = Status
import-status-met = met
import-status-missed = missed
import-status-no-data = no data
import-result-p90 = 90th percentile { $value }
import-no-figure = no figure
import-result-fired-title = What this would set off
import-result-fired-due = due { $date }

import-changes-title = { $month } was imported before
import-changes-intro = Storing these figures replaces the ones stored before (they stay in the history). What changes:
import-changes-none = No figure changes; the period is stored again from this file.
import-change-before-after = { $before } → { $after }
import-changes-cancel-hint = Cancel keeps the figures stored before.

import-confirm = Store the period
import-replace = Replace the stored figures
import-cancel = Cancel

## A figure entered by hand

figure-title = Enter a figure by hand
figure-intro = For a metric no export gives, or a figure to correct. The value is stored with who entered it and why, and the period is reviewed again.
figure-close = Close the form
figure-metric = Metric
figure-group-manual = Entered by hand
figure-group-export = Usually from the export
figure-period = Month
figure-value = Value
figure-value-problem = Enter a number, such as 12.5.
figure-target = Target: { $target }
figure-stored-now = Stored now: { $value }
figure-by = Entered by
figure-by-problem = Say who entered the figure.
figure-note = Note: where the figure comes from
figure-note-placeholder = e.g. counted from the call log on 3 February
figure-note-recommended = A note is recommended: say where the figure comes from, so that both heads can trust it.
figure-save = Store the figure
figure-saving = Storing…
figure-cancel = Cancel
figure-no-metrics = The agreement has no metrics to enter a figure for.
