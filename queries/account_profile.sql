-- Question: who is account $account_id? Its platform, handle, names, current status and network.
-- Grain: one row (none for an unknown id).
-- $account_id INTEGER: the account.
with final as (
    select a.account_id, a.platform, a.handle, a.display_name, a.url, coalesce(a.status, 'detected') as status,
           a.first_seen, a.last_seen, a.reported_at, a.blocked_at,
           (select count(*) from detections d where d.account_id = a.account_id) as detections,
           (select nm.network_id from network_members nm where nm.account_id = a.account_id) as network_id
    from accounts a
    where a.account_id = $account_id
)

select * from final
