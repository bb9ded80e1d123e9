-- Last step of bringing status_episode_events (queries/setup/schema.sql) up to date with status_history: replace
-- the rows of the recomputed accounts with the registered frame stg_episode_events and record the import it covers
-- in status_episode_state. Run in one transaction on the writer, after every import, by jaring.episodes.
-- $since     INTEGER    status events of imports after this one were new (0: every account was recomputed).
-- $built_at  TIMESTAMP  Jakarta wall-clock time to record.
-- stg_episode_events(account_id, status_code, changed_at, next_changed_at, episode, episode_reported_at,
-- episode_blocked_at) numbers episodes exactly as queries/takedown_by_month_from_history.sql derives them
-- (status_code as in queries/briefing/status_episode_sequence.sql; next_changed_at null after the account's last
-- event): ties on the same instant follow the lifecycle (reported, rejected, blocked, restored) as in the
-- importer; a block or restore closes the episode; a rejection does not.

delete from status_episode_events
where $since = 0 or account_id in (select t.account_id from episode_todo t);

insert into status_episode_events by name
with final as (
    select e.account_id, a.platform,
           case e.status_code when 1 then 'reported' when 2 then 'rejected' when 3 then 'blocked' else 'restored' end
               as status,
           cast(e.changed_at as timestamp) as changed_at,
           coalesce(cast(e.next_changed_at as timestamp), timestamp 'infinity') as next_changed_at,
           cast(e.episode as integer) as episode,
           cast(e.episode_reported_at as timestamp) as episode_reported_at,
           cast(e.episode_blocked_at as timestamp) as episode_blocked_at
    from stg_episode_events e
    join accounts a using (account_id)
)

select * from final;

delete from status_episode_state;

insert into status_episode_state (last_import_id, built_at)
select coalesce(max(i.import_id), 0), $built_at
from imports i;

drop table episode_todo;
