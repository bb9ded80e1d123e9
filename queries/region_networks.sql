-- Which recruiter networks (live ones, from the networks tables) target the given regions in a period.
-- Run only when the networks and network_members tables exist. A province code matches its regencies.
-- Grain: one row per requested region per network, most detections first.
-- $codes: VARCHAR[], region codes. $start, $end: DATE, the period (inclusive).
-- $platforms: VARCHAR[] (empty = all). $countries: VARCHAR[], ISO2 destinations (empty = all).
with live_accounts as (
    select m.network_id, m.account_id, n.accounts as network_accounts
    from network_members m
    join networks n on n.network_id = m.network_id
    where m.node_kind = 'account' and n.merged_into is null and n.dissolved_at is null
),

final as (
    select m.code as region_code, l.network_id, any_value(l.network_accounts)::bigint as network_accounts,
           count(distinct m.account_id)::bigint as accounts_here, count(*)::bigint as detections
    from region_detections($codes, $start, $end, $platforms, $countries) m
    join live_accounts l on l.account_id = m.account_id
    group by m.code, l.network_id
)

select * from final
order by region_code, detections desc, network_id
