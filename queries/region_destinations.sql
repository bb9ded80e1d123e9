-- Where recruitment from a region leads: destination countries of the detections targeting it and of the
-- cases from it, in a period. A province code covers its regencies.
-- Grain: one row per destination country (ISO2; unknown as null), most detections + cases first.
-- $code: VARCHAR, a province or regency code. $start, $end: DATE, the period (inclusive).
-- $platforms: VARCHAR[] (detections only; empty = all). $countries: VARCHAR[], ISO2 destinations.
with detection_destinations as (
    select d.destination_country as iso2, count(*) as detections
    from region_detections([$code], $start, $end, $platforms, $countries) d
    group by 1
),

case_destinations as (
    select o.destination_country as iso2, count(*) as cases, sum(o.victims) as victims
    from case_origins($countries) o
    where (o.region_code = $code or (length($code) = 2 and o.province_code = $code))
        and o.day between $start and $end
    group by 1
),

final as (
    select coalesce(dd.iso2, cd.iso2) as iso2, k.name_id as country_name_id, k.name_en as country_name_en,
           coalesce(dd.detections, 0)::bigint as detections, coalesce(cd.cases, 0)::bigint as cases,
           coalesce(cd.victims, 0)::bigint as victims
    from detection_destinations dd
    full outer join case_destinations cd on cd.iso2 is not distinct from dd.iso2
    left join countries k on k.iso2 = coalesce(dd.iso2, cd.iso2)
)

select * from final
order by detections + cases desc, iso2
