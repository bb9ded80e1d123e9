-- Question: which identifiers does account $account_id carry, since when, and how widely are they shared?
-- Grain: one row per identifier; detections = 0 when the link comes from a victim naming the handle.
-- $account_id INTEGER: the account.
with links as (
    select ai.account_id, ai.identifier_id, ai.detection_id from account_identifiers ai
    union all
    select h.account_id, h.identifier_id, null from network_handle_links h
),

mine as (
    select l.identifier_id, count(distinct l.detection_id) as detections,
           min(d.detected_at) as first_seen, max(d.detected_at) as last_seen
    from links l
    left join detections d on d.detection_id = l.detection_id
    where l.account_id = $account_id
    group by l.identifier_id
),

final as (
    select i.kind, i.value, m.detections, m.first_seen, m.last_seen,
           (select count(distinct l.account_id) from links l where l.identifier_id = m.identifier_id)
               as accounts_sharing,
           (select count(*) from case_identifiers ci where ci.identifier_id = m.identifier_id) as cases,
           coalesce((select not h.merging from network_hubs h where h.identifier_id = m.identifier_id), false)
               as hub
    from mine m
    join identifiers i on i.identifier_id = m.identifier_id
)

select * from final
order by kind, value
