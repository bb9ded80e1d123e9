-- At which instant is each month's end-of-month briefing figure measured (backlog, oldest open reports)?
-- The months and measured_at of takedown_by_month's grid (the reader macro briefing_months), without its
-- accounts: it depends on the whole database only, so the page can ask for the oldest open reports at the same
-- time as the takedown figures.
-- Grain: one row per Jakarta calendar month from the first to the last status event; none without events.
-- measured_at: the start of the next month, or the end of the last day with any data when that comes first.
-- No parameters.
select m.month, m.measured_at
from briefing_months() m
order by m.month
