-- Question: which recruiter networks are active in the filtered view, and which to work on first?
-- Grain: one row per live network with at least $min_accounts accounts and at least one detection in the
-- view (period, account platform, target province, destination country), or a linked case in it (period,
-- origin province, destination country; only while no platform is chosen). Figures describe the whole
-- network (precomputed per rebuild in network_summary). priority = 2 × active accounts + 3 × victims
-- + 20 × recency, where recency = max(0, min(1, 1 − days from the network's last detection to $end / 180)).
-- $start DATE, $end DATE: the period, inclusive; "new accounts" counts first detections in $end's month.
-- $platforms VARCHAR[], $provinces VARCHAR[] (province codes), $countries VARCHAR[] (ISO2): empty = all.
-- $min_accounts INTEGER: the smallest network listed.
with summary as (
    select s.*
    from network_summary s
    where s.accounts >= $min_accounts
),

network_detections as (
    -- the view's detections: the detections_in_view macro, queries/setup/reader_macros.sql
    select m.network_id, count(*) as detections_in_view
    from detections_in_view($start, $end, $platforms, $provinces, $countries) v
    join network_members m on m.account_id = v.account_id
    group by m.network_id
),

network_cases as (
    -- the view's cases (cases_in_view macro), only while no platform is chosen: cases carry none
    select m.network_id, count(*) as cases_in_view
    from cases_in_view($start, $end, $provinces, $countries) v
    join network_members m on m.case_id = v.case_id
    where len($platforms) = 0
    group by m.network_id
),

new_in_month as (
    select m.network_id, count(*) as new_accounts_in_month
    from accounts a
    join network_members m on m.account_id = a.account_id
    where a.first_seen >= date_trunc('month', $end::date)
      and a.first_seen < date_trunc('month', $end::date) + interval 1 month
    group by m.network_id
),

in_view as (
    select network_id from network_detections
    union
    select network_id from network_cases
),

final as (
    select s.network_id,
           round(2 * s.active_accounts + 3 * s.victims
                 + 20 * greatest(0, least(1, 1 - date_diff('day', cast(s.last_seen as date), $end::date) / 180.0)),
                 1) as priority,
           s.accounts, s.active_accounts, s.blocked_accounts, s.phones, s.bank_accounts, s.ewallets,
           s.other_identifiers, s.platforms, s.first_seen, s.last_seen,
           coalesce(n.new_accounts_in_month, 0) as new_accounts_in_month, s.cases, s.victims, s.top_regions,
           s.top_countries_id, s.top_countries_en, coalesce(dv.detections_in_view, 0) as detections_in_view
    from summary s
    join in_view v on v.network_id = s.network_id
    left join new_in_month n on n.network_id = s.network_id
    left join network_detections dv on dv.network_id = s.network_id
)

select * from final
order by priority desc, network_id
