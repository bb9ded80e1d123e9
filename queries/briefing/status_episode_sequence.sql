-- The status events whose report episodes are (re)computed, in event order, for jaring.episodes to number: every
-- account's when $since = 0, else those of the accounts in the temp table episode_todo
-- (queries/briefing/status_episode_todo.sql).
-- $since INTEGER: the last import whose status events are already in status_episode_events (0: none).
-- Grain: one row per status event other than 'detected', ordered by account, instant and, on the same instant,
-- the lifecycle as in the importer: status_code 1 reported, 2 rejected, 3 blocked, 4 restored (0: any other).
with final as (
    select h.account_id,
           cast(case h.status when 'reported' then 1 when 'rejected' then 2 when 'blocked' then 3
                              when 'restored' then 4 else 0 end as tinyint) as status_code,
           h.changed_at
    from status_history h
    where h.status <> 'detected'
      and ($since = 0 or h.account_id in (select t.account_id from episode_todo t))
)

select account_id, status_code, changed_at from final order by account_id, changed_at, status_code
