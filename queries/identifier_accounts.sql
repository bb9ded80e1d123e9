-- Question: which accounts carry any of the identifiers $identifier_ids, and in which network are they?
-- Grain: one row per account and identifier; detections = detections of the account that carry it
-- (0 when a victim named the account's handle).
-- $identifier_ids INTEGER[]: the identifiers found by the search.
with carried as (
    select ai.account_id, ai.identifier_id, count(distinct ai.detection_id) as detections
    from account_identifiers ai
    where list_contains($identifier_ids, ai.identifier_id)
    group by ai.account_id, ai.identifier_id
    union all
    select h.account_id, h.identifier_id, 0
    from network_handle_links h
    where list_contains($identifier_ids, h.identifier_id)
),

final as (
    select c.account_id, a.platform, a.handle, a.display_name, coalesce(a.status, 'detected') as status,
           a.first_seen, a.last_seen, i.kind, i.value, max(c.detections) as detections,
           (select nm.network_id from network_members nm where nm.account_id = c.account_id) as network_id
    from carried c
    join accounts a on a.account_id = c.account_id
    join identifiers i on i.identifier_id = c.identifier_id
    group by all
)

select account_id, platform, handle, display_name, status, first_seen, last_seen, kind, value, detections,
       network_id
from final
order by last_seen desc, account_id, kind, value
