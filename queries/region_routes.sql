-- Where recruits go from where: origin region -> destination country flows in a period and the one before.
-- For detections the origin is the targeted region; for cases the victim's origin.
-- Grain: one row per origin region (province or regency, see $level) per destination country with activity in
-- either period; rows without a destination or an origin at that level are left out.
-- $level: VARCHAR, 'province' or 'regency'. $start, $end: DATE, the period (inclusive).
-- $prev_start, $prev_end: DATE, the period before (inclusive). $platforms: VARCHAR[] (detections only).
-- $provinces: VARCHAR[], province codes (empty = all). $countries: VARCHAR[], ISO2 destinations (empty = all).
with detection_counts as (
    select case when $level = 'province' then r.province_code else r.region_code end as origin,
           r.destination_country as iso2,
           count(*) filter (where r.day between $start and $end) as detections,
           count(*) filter (where r.day between $prev_start and $prev_end) as detections_prev
    from detection_regions r
    where r.day between least($prev_start, $start) and greatest($prev_end, $end)
        and r.destination_country is not null
        and (($level = 'province' and r.counts_province) or ($level <> 'province' and r.counts_regency))
        and (len($platforms) = 0 or list_contains($platforms, r.platform))
        and (len($countries) = 0 or list_contains($countries, r.destination_country))
        and (len($provinces) = 0 or list_contains($provinces, r.province_code))
    group by 1, 2
),

case_rows as (
    select case when $level = 'province' then o.province_code else o.region_code end as origin,
           o.province_code, o.destination_country as iso2, o.day, o.victims
    from case_origins($countries) o
    where o.day between least($prev_start, $start) and greatest($prev_end, $end)
        and o.destination_country is not null
),

case_counts as (
    select origin, iso2,
           count(*) filter (where day between $start and $end) as cases,
           count(*) filter (where day between $prev_start and $prev_end) as cases_prev,
           coalesce(sum(victims) filter (where day between $start and $end), 0) as victims,
           coalesce(sum(victims) filter (where day between $prev_start and $prev_end), 0) as victims_prev
    from case_rows
    where origin is not null
        and ($level = 'province' or length(origin) = 5)
        and (len($provinces) = 0 or list_contains($provinces, province_code))
    group by origin, iso2
),

routes as (
    select coalesce(dc.origin, cc.origin) as origin, coalesce(dc.iso2, cc.iso2) as iso2,
           coalesce(dc.detections, 0) as detections, coalesce(dc.detections_prev, 0) as detections_prev,
           coalesce(cc.cases, 0) as cases, coalesce(cc.cases_prev, 0) as cases_prev,
           coalesce(cc.victims, 0) as victims, coalesce(cc.victims_prev, 0) as victims_prev
    from detection_counts dc
    full outer join case_counts cc on cc.origin = dc.origin and cc.iso2 = dc.iso2
),

final as (
    select r.origin as origin_code, g.name as origin_name, g.province_code, g.lat as origin_lat,
           g.lon as origin_lon, r.iso2, k.name_id as country_name_id, k.name_en as country_name_en,
           k.lat as country_lat, k.lon as country_lon,
           r.detections::bigint as detections, r.detections_prev::bigint as detections_prev,
           r.cases::bigint as cases, r.cases_prev::bigint as cases_prev,
           r.victims::bigint as victims, r.victims_prev::bigint as victims_prev
    from routes r
    join regions g on g.code = r.origin
    left join countries k on k.iso2 = r.iso2
)

select * from final
order by origin_code, iso2
