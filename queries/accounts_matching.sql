-- Question: which accounts have a handle or display name containing $text (any case)? The exact handle
-- comes first. Used by the search box for handles and by the account dossier picker.
-- Grain: one row per account, at most $limit rows.
-- $text VARCHAR: what the analyst typed (without a leading @). $limit INTEGER: the most rows returned.
with scored as (
    select a.account_id, a.platform, a.handle, a.display_name, coalesce(a.status, 'detected') as status,
           a.first_seen, a.last_seen,
           lower(substr(a.account_key, strpos(a.account_key, ':') + 1)) = lower($text) as exact
    from accounts a
    where length($text) > 0
      and (contains(lower(a.handle), lower($text)) or contains(lower(coalesce(a.display_name, '')), lower($text)))
),

final as (
    select s.*, (select nm.network_id from network_members nm where nm.account_id = s.account_id) as network_id
    from scored s
)

select account_id, platform, handle, display_name, status, first_seen, last_seen, network_id from final
order by exact desc, last_seen desc nulls last, account_id
limit $limit
