-- At which instant is each month's end-of-month briefing figure measured (backlog, oldest open reports)?
-- The same months and measured_at as takedown_by_month's grid, without its accounts: it depends on the whole
-- database only, so the page can ask for the oldest open reports at the same time as the takedown figures.
-- Grain: one row per Jakarta calendar month from the first to the last status event; none without events.
-- measured_at: the start of the next month, or the end of the last day with any data when that comes first.
-- No parameters.
with data_bounds as (
    select cast(date_trunc('month', min(h.changed_at)) as date) as first_month,
           cast(date_trunc('month', max(h.changed_at)) as date) as last_month,
           cast(greatest(max(h.changed_at), (select max(d.detected_at) from detections d)) as date) as last_day
    from status_history h
),

final as (
    select cast(m.month as date) as month,
           least(m.month + interval 1 month, cast(b.last_day + 1 as timestamp)) as measured_at
    from data_bounds b,
         unnest(generate_series(cast(b.first_month as timestamp), cast(b.last_month as timestamp),
                                interval 1 month)) as m(month)
)

select * from final
order by month
