-- Question: what does network $network_id consist of? Its accounts, identifiers and cases, plus the hub
-- identifiers its accounts carry (drawn, but they do not merge networks).
-- Grain: one row per node; node is 'a<account_id>', 'i<identifier_id>' or 'c<case_id>'. node_kind is
-- account, identifier, hub or case; the other columns are set for the kinds they describe.
-- $network_id INTEGER: a live network id.
with members as (
    select m.node_kind, m.account_id, m.identifier_id, m.case_id
    from network_members m
    where m.network_id = $network_id
),

account_nodes as (
    select 'a' || a.account_id as node, 'account' as node_kind, a.account_id, a.platform, a.handle,
           a.display_name, a.url, coalesce(a.status, 'detected') as status, a.first_seen, a.last_seen,
           a.blocked_at
    from members m
    join accounts a on a.account_id = m.account_id
    where m.node_kind = 'account'
),

identifier_nodes as (
    select 'i' || i.identifier_id as node, 'identifier' as node_kind, i.identifier_id,
           i.kind as identifier_kind, i.value,
           (select count(distinct x.account_id)
            from (select ai.account_id, ai.identifier_id from account_identifiers ai
                  union all
                  select h.account_id, h.identifier_id from network_handle_links h) x
            where x.identifier_id = i.identifier_id) as accounts_total
    from members m
    join identifiers i on i.identifier_id = m.identifier_id
    where m.node_kind = 'identifier'
),

hub_nodes as (
    select distinct 'i' || i.identifier_id as node, 'hub' as node_kind, i.identifier_id,
           i.kind as identifier_kind, i.value, h.accounts::bigint as accounts_total
    from members m
    join account_identifiers ai on ai.account_id = m.account_id
    join network_hubs h on h.identifier_id = ai.identifier_id and not h.merging
    join identifiers i on i.identifier_id = h.identifier_id
    where m.node_kind = 'account'
),

case_nodes as (
    select 'c' || c.case_id as node, 'case' as node_kind, c.case_id, c.status, c.reported_at as first_seen,
           c.reported_at as last_seen, c.case_type, c.victims, c.destination_country
    from members m
    join cases c on c.case_id = m.case_id
    where m.node_kind = 'case'
),

final as (
    select * from account_nodes
    union all by name
    select * from identifier_nodes
    union all by name
    select * from hub_nodes
    union all by name
    select * from case_nodes
)

select node, node_kind, account_id, identifier_id, case_id, platform, handle, display_name, url, status,
       first_seen, last_seen, blocked_at, identifier_kind, value, accounts_total, case_type, victims,
       destination_country
from final
order by node_kind, node
