-- Question: the status history of account $account_id (detected, reported, blocked, rejected, restored).
-- Grain: one row per event, oldest first.
-- $account_id INTEGER: the account.
with final as (
    select h.changed_at, h.status, h.import_id
    from status_history h
    where h.account_id = $account_id
)

select * from final
order by changed_at,
         case status when 'detected' then 1 when 'reported' then 2 when 'rejected' then 3
                     when 'blocked' then 4 else 5 end
