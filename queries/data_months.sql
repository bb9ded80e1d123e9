-- The first and the last month with any detection or case, for the default period of the global filters.
-- Grain: exactly one row; both columns NULL when the database holds no detections and no cases. No parameters.
with event_days as (
    select d.detected_at as happened_at from detections d
    union all
    select c.reported_at from cases c
),

final as (
    select cast(date_trunc('month', min(e.happened_at)) as date) as first_month,
           cast(date_trunc('month', max(e.happened_at)) as date) as last_month
    from event_days e
)

select * from final
