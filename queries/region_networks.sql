-- Which recruiter networks (live ones, from the networks tables) target the given regions in a period.
-- Run only when the networks and network_members tables exist. A province code matches its regencies.
-- Grain: one row per requested region per network, most detections first.
-- $codes: VARCHAR[], region codes. $start, $end: DATE, the period (inclusive).
-- $platforms: VARCHAR[] (empty = all). $countries: VARCHAR[], ISO2 destinations (empty = all).
with wanted as (
    select unnest($codes) as code
),

live_accounts as (
    select m.network_id, m.account_id, n.accounts as network_accounts
    from network_members m
    join networks n on n.network_id = m.network_id
    where m.node_kind = 'account' and n.merged_into is null and n.dissolved_at is null
),

matched as (
    select distinct w.code, d.detection_id, d.account_id
    from wanted w
    join detection_regions r
        on r.region_code = w.code or (length(w.code) = 2 and left(r.region_code, 2) = w.code)
    join detections d on d.detection_id = r.detection_id
    join accounts a on a.account_id = d.account_id
    where cast(d.detected_at as date) between $start and $end
        and (len($platforms) = 0 or list_contains($platforms, a.platform))
        and (len($countries) = 0 or list_contains($countries, d.destination_country))
),

final as (
    select m.code as region_code, l.network_id, any_value(l.network_accounts)::bigint as network_accounts,
           count(distinct m.account_id)::bigint as accounts_here, count(*)::bigint as detections
    from matched m
    join live_accounts l on l.account_id = m.account_id
    group by m.code, l.network_id
)

select * from final
order by region_code, detections desc, network_id
