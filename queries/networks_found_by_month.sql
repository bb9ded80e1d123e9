-- New recruiter networks per Jakarta calendar month: live networks (not merged into another, not dissolved)
-- counted in the month their earliest member account was first detected. Needs the networks tables.
-- Grain: one row per month with at least one such network.
-- Parameters:
--   $platforms  VARCHAR[]  a network counts when one of its accounts is on a listed platform; empty = all.
--   $provinces  VARCHAR[]  ... and one of its accounts' detections targets a listed province; empty = all.
--   $countries  VARCHAR[]  ... and that detection names a listed destination country; empty = all.
with region_bits as (
    -- the accounts with a detection in the province/country filter, as bitstrings (queries/setup/reader_macros.sql);
    -- NULL blocks without such a filter
    select * from accounts_in_regions($provinces, $countries)
),

live_networks as (
    select n.network_id
    from networks n
    where n.merged_into is null and n.dissolved_at is null
),

network_accounts as (
    select m.network_id, a.account_id, a.first_seen,
           account_in_scope(a.platform, a.account_id, $platforms, $provinces, $countries, b.blocks) as in_scope
    from network_members m
    join live_networks l using (network_id)
    join accounts a on a.account_id = m.account_id
    left join region_bits b on true
    where m.node_kind = 'account'
),

found as (
    select n.network_id, min(n.first_seen) as found_at
    from network_accounts n
    group by n.network_id
    having bool_or(n.in_scope)
),

final as (
    select cast(date_trunc('month', f.found_at) as date) as month, count(*) as networks
    from found f
    group by all
)

select * from final
order by month
