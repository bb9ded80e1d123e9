-- Question: which identifiers of blocked accounts came back on other accounts after the block, and how
-- soon? The clearest sign that blocking alone does not stop a network.
-- Grain: one row per non-hub identifier and account it reappeared on: the account's first detection
-- carrying the identifier, after the block of another account that had carried it before being blocked
-- (the latest such block). Shown when that detection is in the view (period, platform of the account,
-- target province, destination country).
-- $start DATE, $end DATE: the period, inclusive.
-- $platforms VARCHAR[], $provinces VARCHAR[] (province codes), $countries VARCHAR[] (ISO2): empty = all.
with cut_hubs as (
    select h.identifier_id from network_hubs h where not h.merging
),

carried as (
    select ai.identifier_id, ai.account_id, min(d.detected_at) as first_carried,
           arg_min(d.detection_id, d.detected_at) as first_detection_id
    from account_identifiers ai
    join detections d on d.detection_id = ai.detection_id
    where ai.identifier_id not in (select identifier_id from cut_hubs)
    group by ai.identifier_id, ai.account_id
),

blocked_carriers as (
    select c.identifier_id, c.account_id as blocked_account_id, h.changed_at as blocked_at
    from carried c
    join status_history h on h.account_id = c.account_id and h.status = 'blocked'
    where c.first_carried <= h.changed_at
),

reappearances as (
    select c.identifier_id, c.account_id, c.first_carried as reappeared_at, c.first_detection_id,
           bc.blocked_account_id, bc.blocked_at
    from carried c
    join blocked_carriers bc on bc.identifier_id = c.identifier_id and bc.blocked_account_id <> c.account_id
    where c.first_carried > bc.blocked_at
    qualify row_number() over (partition by c.identifier_id, c.account_id
                               order by bc.blocked_at desc, bc.blocked_account_id) = 1
),

final as (
    select i.kind, i.value, b.platform as blocked_platform, b.handle as blocked_handle, x.blocked_at,
           x.account_id, a.platform, a.handle, coalesce(a.status, 'detected') as status, x.reappeared_at,
           date_diff('day', x.blocked_at, x.reappeared_at) as days_after_block,
           a.first_seen > x.blocked_at as new_account,
           (select nm.network_id from network_members nm where nm.account_id = x.account_id) as network_id
    from reappearances x
    join identifiers i on i.identifier_id = x.identifier_id
    join accounts a on a.account_id = x.account_id
    join accounts b on b.account_id = x.blocked_account_id
    -- that detection is in the view (reappeared_at is its detected_at): the detections_in_view macro,
    -- queries/setup/reader_macros.sql
    join detections_in_view($start, $end, $platforms, $provinces, $countries) v
        on v.detection_id = x.first_detection_id
)

select * from final
order by reappeared_at desc, kind, value, account_id
