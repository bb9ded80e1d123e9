-- Question: which victims' cases name an identifier that account $account_id carries (or its handle)?
-- Grain: one row per case and shared identifier.
-- $account_id INTEGER: the account.
with mine as (
    select distinct ai.identifier_id from account_identifiers ai where ai.account_id = $account_id
    union
    select h.identifier_id from network_handle_links h where h.account_id = $account_id
),

final as (
    select c.case_id, c.reported_at, coalesce(r.name, c.origin_raw) as origin, c.destination_country,
           c.case_type, c.victims, i.kind, i.value,
           coalesce((select not h.merging from network_hubs h where h.identifier_id = i.identifier_id), false)
               as hub
    from mine m
    join case_identifiers ci on ci.identifier_id = m.identifier_id
    join cases c on c.case_id = ci.case_id
    join identifiers i on i.identifier_id = ci.identifier_id
    left join regions r on r.code = c.origin_region_code
)

select * from final
order by reported_at desc, case_id, kind, value
