-- Complaint cases per Jakarta calendar month by case type and destination country, with how many of them name a
-- recruiter contact (phone, bank account, e-wallet, handle...) that a detected account also carries.
-- Covers every month with a case; the page slices the period (changing it needs no new query).
-- Grain: one row per month x case_type x destination_country that has at least one case (NULLs kept as NULL).
-- Parameters:
--   $provinces  VARCHAR[]  the victims' origin province codes; empty list = all provinces.
--   $countries  VARCHAR[]  ISO 3166 alpha-2 destination countries; empty list = all countries.
--   $platforms  VARCHAR[]  platforms of the accounts a case may match; empty list = every platform. Cases
--                          carry no platform, so this list does not restrict which cases are counted.
with scoped_cases as (
    select c.case_id, c.reported_at, c.case_type, c.destination_country, c.victims
    from cases c
    where (len($provinces) = 0 or list_contains($provinces, c.origin_province_code))
      and (len($countries) = 0 or list_contains($countries, c.destination_country))
),

case_contacts as (
    select ci.case_id, ci.identifier_id
    from case_identifiers ci
    semi join scoped_cases s using (case_id)
),

matched_cases as (
    select distinct cc.case_id
    from case_contacts cc
    join account_identifiers ai using (identifier_id)
    join accounts a using (account_id)
    where len($platforms) = 0 or list_contains($platforms, a.platform)
),

final as (
    select cast(date_trunc('month', s.reported_at) as date) as month,
           s.case_type,
           s.destination_country,
           count(*) as cases,
           cast(sum(s.victims) as bigint) as victims,
           count(m.case_id) as matched_cases
    from scoped_cases s
    left join matched_cases m using (case_id)
    group by all
)

select * from final
order by month, case_type nulls last, destination_country nulls last
