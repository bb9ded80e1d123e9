-- How much recruitment activity each region shows in a period and in the period before it: detections
-- targeting it, cases from it and their victims. Every province and regency/city appears, zero when quiet.
-- Grain: one row per region (level province or regency) inside the province filter. A detection counts once
-- per region it targets (column, ad text, coordinates or accepted geocode) and once per province however many
-- of its regencies it names; a case counts at its origin regency (when known) and its origin province.
-- $start, $end: DATE, the period (inclusive). $prev_start, $prev_end: DATE, the period before (inclusive).
-- $platforms: VARCHAR[], account platforms (detections only; empty = all).
-- $provinces: VARCHAR[], province codes (empty = all). $countries: VARCHAR[], ISO2 destinations (empty = all).
with detection_rows as (
    select r.region_code, r.province_code, r.day, r.counts_regency, r.counts_province
    from detection_regions r
    where r.day between least($prev_start, $start) and greatest($prev_end, $end)
        and (r.counts_regency or r.counts_province)
        and (len($platforms) = 0 or list_contains($platforms, r.platform))
        and (len($countries) = 0 or list_contains($countries, r.destination_country))
        and (len($provinces) = 0 or list_contains($provinces, r.province_code))
),

detection_keys as (
    select region_code as code, day from detection_rows where counts_regency
    union all
    select province_code as code, day from detection_rows where counts_province
),

detection_counts as (
    select code,
           count(*) filter (where day between $start and $end) as detections,
           count(*) filter (where day between $prev_start and $prev_end) as detections_prev
    from detection_keys
    group by code
),

case_rows as (
    select o.region_code, o.province_code, o.day, o.victims
    from case_origins($countries) o
    where o.day between least($prev_start, $start) and greatest($prev_end, $end)
),

case_keys as (
    select region_code as code, day, victims from case_rows where length(region_code) = 5
    union all
    select province_code as code, day, victims from case_rows where province_code is not null
),

case_counts as (
    select code,
           count(*) filter (where day between $start and $end) as cases,
           count(*) filter (where day between $prev_start and $prev_end) as cases_prev,
           coalesce(sum(victims) filter (where day between $start and $end), 0) as victims,
           coalesce(sum(victims) filter (where day between $prev_start and $prev_end), 0) as victims_prev
    from case_keys
    group by code
),

final as (
    select g.code, g.level, g.name, g.province_code, g.lat, g.lon,
           coalesce(dc.detections, 0)::bigint as detections,
           coalesce(dc.detections_prev, 0)::bigint as detections_prev,
           coalesce(cc.cases, 0)::bigint as cases,
           coalesce(cc.cases_prev, 0)::bigint as cases_prev,
           coalesce(cc.victims, 0)::bigint as victims,
           coalesce(cc.victims_prev, 0)::bigint as victims_prev
    from regions g
    left join detection_counts dc on dc.code = g.code
    left join case_counts cc on cc.code = g.code
    where len($provinces) = 0 or list_contains($provinces, g.province_code)
)

select * from final
order by code
