-- Write a rebuild. Reads registered frames stg_network_members, stg_networks (network_id, accounts, cases,
-- identifiers, state new|changed|same, split_from),
-- stg_handle_links (account_id, identifier_id), stg_network_merges (kept_network_id, merged_network_id,
-- merged_accounts), stg_dissolved (network_id) and stg_network_hubs. $now: TIMESTAMP, $import_id: INTEGER.

delete from network_members;

insert into network_members (network_id, node_kind, account_id, identifier_id, case_id)
select network_id, node_kind, account_id, identifier_id, case_id from stg_network_members;

insert into networks (network_id, created_at, created_import_id, changed_at, accounts, cases, identifiers, split_from)
select network_id, $now, $import_id, $now, accounts, cases, identifiers, split_from
from stg_networks where state = 'new';

update networks as n
set accounts = s.accounts, cases = s.cases, identifiers = s.identifiers,
    changed_at = case when s.state = 'changed' then $now else n.changed_at end
from stg_networks s
where n.network_id = s.network_id and s.state <> 'new';

update networks as n
set merged_into = m.kept_network_id, merged_at = $now
from stg_network_merges m
where n.network_id = m.merged_network_id;

insert into network_merges (kept_network_id, merged_network_id, merged_at, import_id, merged_accounts)
select kept_network_id, merged_network_id, $now, $import_id, merged_accounts from stg_network_merges;

update networks set dissolved_at = $now
where network_id in (select network_id from stg_dissolved);

delete from network_hubs;

insert into network_hubs (identifier_id, accounts, cases, reason, merging)
select identifier_id, accounts, cases, reason, merging from stg_network_hubs;

delete from network_handle_links;

insert into network_handle_links (account_id, identifier_id)
select account_id, identifier_id from stg_handle_links;

-- the filter-independent figures of the network table (queries/networks/summary.sql) follow in the same
-- transaction
