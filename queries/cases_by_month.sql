-- Complaint cases per Jakarta calendar month by case type, destination country and the victims' origin province,
-- with how many of them name a recruiter contact (phone, bank account, e-wallet, handle...) that a detected account
-- on the selected platforms also carries. Covers every month, origin and destination with a case: the page picks
-- the period, provinces and countries itself (jaring.briefing.cases_in_scope), so changing them needs no new
-- query; whether a case matches depends on the platforms only.
-- Grain: one row per month x case_type x destination_country x origin_province_code that has at least one case
-- (NULLs kept as NULL).
-- Parameters:
--   $platforms  VARCHAR[]  platforms of the accounts a case may match; empty list = every platform. Cases
--                          carry no platform, so this list does not restrict which cases are counted.
with case_contacts as (
    select ci.case_id, ci.identifier_id
    from case_identifiers ci
),

matched_cases as (
    select distinct cc.case_id
    from case_contacts cc
    join account_identifiers ai using (identifier_id)
    join accounts a using (account_id)
    where len($platforms) = 0 or list_contains($platforms, a.platform)
),

final as (
    select cast(date_trunc('month', c.reported_at) as date) as month,
           c.case_type,
           c.destination_country,
           c.origin_province_code,
           count(*) as cases,
           cast(sum(c.victims) as bigint) as victims,
           count(m.case_id) as matched_cases
    from cases c
    left join matched_cases m using (case_id)
    group by all
)

select * from final
order by month, case_type nulls last, destination_country nulls last, origin_province_code nulls last
