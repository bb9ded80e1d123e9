-- Question: which stored identifiers match what the analyst typed (already normalised in Python)? The
-- identifier itself; for a phone also the e-wallets registered on that number; for an e-wallet also the
-- phone; for a link also its domain (when $domain is given).
-- Grain: one row per matching identifier, with how widely it is used and its network.
-- $kind VARCHAR, $value VARCHAR: the normalised identifier. $domain VARCHAR: the link's domain, or null.
with matches as (
    select i.identifier_id, 'exact' as matched_by
    from identifiers i
    where i.kind = $kind and i.value = $value
    union all
    select i.identifier_id, 'ewallet_number'
    from identifiers i
    where $kind = 'phone' and i.kind = 'ewallet' and i.value like '%:' || $value
    union all
    select i.identifier_id, 'phone_of_ewallet'
    from identifiers i
    where $kind = 'ewallet' and i.kind = 'phone' and i.value = substr($value, strpos($value, ':') + 1)
    union all
    select i.identifier_id, 'domain'
    from identifiers i
    where i.kind = 'domain' and i.value = $domain
),

links as (
    select ai.account_id, ai.identifier_id from account_identifiers ai
    union
    select h.account_id, h.identifier_id from network_handle_links h
),

final as (
    select i.identifier_id, i.kind, i.value, m.matched_by,
           (select count(distinct l.account_id) from links l where l.identifier_id = i.identifier_id) as accounts,
           (select count(*) from case_identifiers ci where ci.identifier_id = i.identifier_id) as cases,
           (select min(nm.network_id) from network_members nm where nm.identifier_id = i.identifier_id)
               as network_id,
           exists (select 1 from network_hubs h where h.identifier_id = i.identifier_id and not h.merging)
               as hub
    from matches m
    join identifiers i on i.identifier_id = m.identifier_id
)

select identifier_id, kind, value, matched_by, accounts, cases, network_id, hub from final
order by matched_by, kind, value
