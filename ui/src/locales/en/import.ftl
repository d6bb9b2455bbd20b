# Bringing a period's CRM export: preview, column mapping, period, what will be stored; figures entered by hand.
