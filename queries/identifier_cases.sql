-- Question: which victims' cases name any of the identifiers $identifier_ids?
-- Grain: one row per case and identifier.
-- $identifier_ids INTEGER[]: the identifiers found by the search.
with final as (
    select c.case_id, c.reported_at, coalesce(r.name, c.origin_raw) as origin, c.destination_country,
           c.case_type, c.channel, c.victims, i.kind, i.value,
           (select nm.network_id from network_members nm where nm.case_id = c.case_id) as network_id
    from case_identifiers ci
    join cases c on c.case_id = ci.case_id
    join identifiers i on i.identifier_id = ci.identifier_id
    left join regions r on r.code = c.origin_region_code
    where list_contains($identifier_ids, ci.identifier_id)
)

select case_id, reported_at, origin, destination_country, case_type, channel, victims, kind, value, network_id
from final
order by reported_at desc, case_id, kind, value
