-- Question: the evidence behind takedown candidates $account_ids: each non-hub identifier they share with
-- an account blocked now, and that blocked account.
-- Grain: one row per candidate account, shared identifier and blocked account.
-- $account_ids INTEGER[]: the candidates (from takedown_candidates).
with cut_hubs as (
    select h.identifier_id from network_hubs h where not h.merging
),

mine as (
    select distinct ai.account_id, ai.identifier_id
    from account_identifiers ai
    where list_contains($account_ids, ai.account_id)
      and ai.identifier_id not in (select identifier_id from cut_hubs)
),

pairs as (
    select distinct m.account_id, m.identifier_id, ai.account_id as blocked_account_id
    from mine m
    join account_identifiers ai on ai.identifier_id = m.identifier_id and ai.account_id <> m.account_id
    join accounts b on b.account_id = ai.account_id and b.status = 'blocked'
),

final as (
    select p.account_id, i.kind, i.value, p.blocked_account_id, b.platform as blocked_platform,
           b.handle as blocked_handle, b.url as blocked_url, b.blocked_at
    from pairs p
    join accounts b on b.account_id = p.blocked_account_id
    join identifiers i on i.identifier_id = p.identifier_id
)

select * from final
order by account_id, kind, value, blocked_account_id
