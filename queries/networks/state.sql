-- Before a rebuild: the hub limit in force (null until an analyst sets one), the first unused network id,
-- the live network ids and the latest import.
-- Grain: one row. No parameters.
with final as (
    select (select max(s.hub_account_limit) from network_settings s) as hub_account_limit,
           coalesce((select max(n.network_id) from networks n), 0) + 1 as next_network_id,
           (select coalesce(list(n.network_id order by n.network_id), []) from networks n
            where n.merged_into is null and n.dissolved_at is null) as live_ids,
           (select max(i.import_id) from imports i) as import_id
)

select hub_account_limit, next_network_id, live_ids, import_id from final
