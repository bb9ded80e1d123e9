-- Members of the live networks before a rebuild, to carry their ids over.
-- Grain: one row per network member. No parameters.
with live as (
    select n.network_id
    from networks n
    where n.merged_into is null and n.dissolved_at is null
),

final as (
    select m.network_id, m.node_kind, m.account_id, m.identifier_id, m.case_id
    from network_members m
    join live l using (network_id)
)

select network_id, node_kind, account_id, identifier_id, case_id from final
