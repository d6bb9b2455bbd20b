# The monthly reviews view: periods, the compliance grid, charts, what fired, report and calendar.
