-- Question: which live network does network $network_id stand for now? An id absorbed by a merge leads
-- to the network that kept its members (following merge after merge), so old links keep working.
-- Grain: one row (none when the id never existed).
-- $network_id INTEGER: the id the analyst asked for.
with recursive chain(network_id, hops) as (
    select n.network_id, 0
    from networks n
    where n.network_id = $network_id
    union all
    select n.merged_into, c.hops + 1
    from chain c
    join networks n on n.network_id = c.network_id
    where n.merged_into is not null and c.hops < 1000
),

current_id as (
    select c.network_id
    from chain c
    order by c.hops desc
    limit 1
),

final as (
    select $network_id as requested_id, n.network_id, r.merged_into, r.merged_at, n.dissolved_at,
           n.created_at, n.changed_at, n.split_from, n.accounts, n.cases, n.identifiers
    from current_id cur
    join networks n on n.network_id = cur.network_id
    join networks r on r.network_id = $network_id
)

select * from final
