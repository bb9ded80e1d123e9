-- What the network summary needs of each account: its platform, whether it is blocked now (a null status counts
-- as 'detected'), its first and last detection.
-- Grain: one row per account. No parameters.
with final as (
    select a.account_id, a.platform, coalesce(a.status, 'detected') = 'blocked' as blocked,
           a.first_seen, a.last_seen
    from accounts a
)

select account_id, platform, blocked, first_seen, last_seen from final
