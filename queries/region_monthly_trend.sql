-- How a region's activity moved month by month: detections targeting it, cases and victims from it.
-- A province code covers its regencies. Months are Jakarta calendar months.
-- Grain: one row per month from $start to $end (months without activity are zero).
-- $code: VARCHAR, a province 'PP' or regency 'PP.RR' code. $start, $end: DATE, the period (inclusive).
-- $platforms: VARCHAR[] (detections only; empty = all). $countries: VARCHAR[], ISO2 destinations.
with months as (
    select unnest(generate_series(date_trunc('month', $start::date), date_trunc('month', $end::date),
                                  interval 1 month))::date as month
),

detection_months as (
    select date_trunc('month', d.day)::date as month, count(*) as detections
    from region_detections([$code], $start, $end, $platforms, $countries) d
    group by 1
),

case_months as (
    select date_trunc('month', o.day)::date as month, count(*) as cases, sum(o.victims) as victims
    from case_origins($countries) o
    where (o.region_code = $code or (length($code) = 2 and o.province_code = $code))
        and o.day between $start and $end
    group by 1
),

final as (
    select m.month, coalesce(dm.detections, 0)::bigint as detections, coalesce(cm.cases, 0)::bigint as cases,
           coalesce(cm.victims, 0)::bigint as victims
    from months m
    left join detection_months dm on dm.month = m.month
    left join case_months cm on cm.month = m.month
)

select * from final
order by month
