-- What happened to victims from a region: cases and victims per case type in a period.
-- A province code covers its regencies.
-- Grain: one row per case type, spelled as most of its cases spell it (types differing only in case and
-- surrounding spaces are one type; a missing type is null), most cases first.
-- $code: VARCHAR, a province or regency code. $start, $end: DATE, the period (inclusive).
-- $countries: VARCHAR[], ISO2 destinations (empty = all).
with region_cases as (
    select c.case_type, c.victims
    from cases c
    left join geocode_cache g
        on g.query = c.origin_raw and c.origin_region_code is null and g.accepted_at is not null
    where (coalesce(c.origin_region_code, g.region_code) = $code
           or (length($code) = 2 and coalesce(c.origin_province_code, left(g.region_code, 2)) = $code))
        and cast(c.reported_at as date) between $start and $end
        and (len($countries) = 0 or list_contains($countries, c.destination_country))
),

final as (
    select mode(case_type) as case_type, count(*)::bigint as cases, sum(victims)::bigint as victims
    from region_cases
    group by lower(trim(case_type))
)

select * from final
order by cases desc, case_type
