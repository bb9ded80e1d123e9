-- Question: how are the nodes of network $network_id linked? Account–identifier links with the detections
-- that carried them (or a victim naming the account's handle), case–identifier links, and the links from
-- its accounts to hub identifiers.
-- Grain: one row per edge (source, target) with node ids as in network_graph_nodes.
-- $network_id INTEGER: a live network id.
with members as (
    select m.node_kind, m.account_id, m.identifier_id, m.case_id
    from network_members m
    where m.network_id = $network_id
),

member_accounts as (
    select account_id from members where node_kind = 'account'
),

kept_identifiers as (
    select identifier_id from members where node_kind = 'identifier'
    union
    select identifier_id from network_hubs where not merging
),

carried as (
    select ai.account_id, ai.identifier_id, count(distinct ai.detection_id) as detections,
           min(d.detected_at) as first_seen, max(d.detected_at) as last_seen
    from account_identifiers ai
    join detections d on d.detection_id = ai.detection_id
    where ai.account_id in (select account_id from member_accounts)
      and ai.identifier_id in (select identifier_id from kept_identifiers)
    group by ai.account_id, ai.identifier_id
),

account_edges as (
    select 'a' || c.account_id as source, 'i' || c.identifier_id as target, 'detection' as edge_kind,
           c.detections, c.first_seen, c.last_seen
    from carried c
    union all
    select 'a' || h.account_id, 'i' || h.identifier_id, 'named_in_case', 0, null::timestamp, null::timestamp
    from network_handle_links h
    where h.account_id in (select account_id from member_accounts)
      and h.identifier_id in (select identifier_id from kept_identifiers)
      and not exists (select 1 from carried c where c.account_id = h.account_id and c.identifier_id = h.identifier_id)
),

case_edges as (
    select 'c' || ci.case_id, 'i' || ci.identifier_id, 'case', 0, c.reported_at, c.reported_at
    from case_identifiers ci
    join cases c on c.case_id = ci.case_id
    where ci.case_id in (select case_id from members where node_kind = 'case')
      and ci.identifier_id in (select identifier_id from members where node_kind = 'identifier')
),

final as (
    select * from account_edges
    union all
    select * from case_edges
)

select source, target, edge_kind, detections, first_seen, last_seen from final
order by source, target
