-- What happened to victims from a region: cases and victims per case type in a period.
-- A province code covers its regencies.
-- Grain: one row per case type, spelled as most of its cases spell it (types differing only in case and
-- surrounding spaces are one type; a missing type is null), most cases first.
-- $code: VARCHAR, a province or regency code. $start, $end: DATE, the period (inclusive).
-- $countries: VARCHAR[], ISO2 destinations (empty = all).
with region_cases as (
    select o.case_type, o.victims
    from case_origins($countries) o
    where (o.region_code = $code or (length($code) = 2 and o.province_code = $code))
        and o.day between $start and $end
),

final as (
    select mode(case_type) as case_type, count(*)::bigint as cases, sum(victims)::bigint as victims
    from region_cases
    group by lower(trim(case_type))
)

select * from final
order by cases desc, case_type
