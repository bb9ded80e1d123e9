-- Which accounts target the given regions most in a period. A province code matches every region inside it.
-- Grain: one row per requested region per account, at most $per_region accounts per region, most
-- detections first. Handles and display names are criminal-written text: show them as text only.
-- $codes: VARCHAR[], region codes (provinces 'PP' or regencies 'PP.RR').
-- $start, $end: DATE, the period (inclusive). $platforms: VARCHAR[] (empty = all).
-- $countries: VARCHAR[], ISO2 destinations (empty = all). $per_region: INTEGER, accounts per region.
with per_account as (
    select code, account_id, count(*) as detections, max(day) as last_detected
    from region_detections($codes, $start, $end, $platforms, $countries)
    group by code, account_id
),

ranked as (
    select p.*, row_number() over (partition by p.code order by p.detections desc, p.account_id) as rank
    from per_account p
),

final as (
    select r.code as region_code, r.rank, a.account_id, a.platform, a.handle, a.display_name, a.status,
           r.detections::bigint as detections, r.last_detected
    from ranked r
    join accounts a on a.account_id = r.account_id
    where r.rank <= $per_region
)

select * from final
order by region_code, rank
