-- Question: which still-active accounts share a non-hub identifier with a blocked account? The evidence
-- for takedown requests: each shared identifier and the blocked account it links to.
-- Grain: one row per candidate account, shared identifier and blocked account. Candidates are accounts
-- not blocked now, with a detection in the view (period, platform, target province, destination country).
-- $start DATE, $end DATE: the period, inclusive.
-- $platforms VARCHAR[], $provinces VARCHAR[] (province codes), $countries VARCHAR[] (ISO2): empty = all.
with cut_hubs as (
    select h.identifier_id from network_hubs h where not h.merging
),

links as (
    select distinct ai.account_id, ai.identifier_id
    from account_identifiers ai
    where ai.identifier_id not in (select identifier_id from cut_hubs)
),

in_view as (
    select distinct d.account_id
    from detections d
    join accounts a on a.account_id = d.account_id
    left join regions r on r.code = d.target_region_code
    where cast(d.detected_at as date) between $start and $end
      and coalesce(a.status, 'detected') <> 'blocked'
      and (len($platforms) = 0 or list_contains($platforms, a.platform))
      and (len($provinces) = 0 or list_contains($provinces, r.province_code))
      and (len($countries) = 0 or list_contains($countries, d.destination_country))
),

pairs as (
    select mine.account_id, mine.identifier_id, theirs.account_id as blocked_account_id
    from links mine
    join in_view v on v.account_id = mine.account_id
    join links theirs on theirs.identifier_id = mine.identifier_id and theirs.account_id <> mine.account_id
    join accounts b on b.account_id = theirs.account_id and b.status = 'blocked'
),

final as (
    select p.account_id, a.platform, a.handle, a.display_name, a.url, coalesce(a.status, 'detected') as status,
           a.first_seen, a.last_seen,
           (select nm.network_id from network_members nm where nm.account_id = p.account_id) as network_id,
           i.kind, i.value, p.blocked_account_id, b.platform as blocked_platform, b.handle as blocked_handle,
           b.url as blocked_url, b.blocked_at
    from pairs p
    join accounts a on a.account_id = p.account_id
    join accounts b on b.account_id = p.blocked_account_id
    join identifiers i on i.identifier_id = p.identifier_id
)

select * from final
order by account_id, kind, value, blocked_account_id
