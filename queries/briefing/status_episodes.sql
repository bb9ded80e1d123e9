-- Bring status_episode_events (queries/setup/schema.sql) up to date with status_history and record the import it
-- covers in status_episode_state. Run in one transaction on the writer, after every import; leaves the temp table
-- episode_todo (the accounts recomputed) for the caller to count and drop.
-- $since     INTEGER    status events of imports after this one are new (0: rebuild every account).
-- $built_at  TIMESTAMP  Jakarta wall-clock time to record.
-- status_history only gains events (keyed by account, status and instant), each stamped with the import that
-- brought it, so the accounts to redo are those with an event from an import after $since. Episodes exactly as
-- queries/takedown_by_month_from_history.sql derives them: ties on the same instant follow the lifecycle (reported,
-- rejected, blocked, restored) as in the importer; a block or restore closes the episode; a rejection does not.

create table if not exists status_episode_state (
    last_import_id integer not null,            -- status events of imports up to this one are in the table
    built_at       timestamp not null
);

create or replace temp table episode_todo as
select distinct h.account_id
from status_history h
where h.status <> 'detected' and h.import_id > $since;

delete from status_episode_events
where $since = 0 or account_id in (select t.account_id from episode_todo t);

insert into status_episode_events by name
with events as (
    select h.account_id, a.platform, h.status, h.changed_at,
           case h.status when 'reported' then 1 when 'rejected' then 2 when 'blocked' then 3 else 4 end
               as lifecycle_rank
    from status_history h
    join accounts a using (account_id)
    where h.status <> 'detected'
      and h.account_id in (select t.account_id from episode_todo t)
),

sequenced as (
    select e.account_id, e.platform, e.status, e.changed_at,
           coalesce(lead(e.changed_at) over w, timestamp 'infinity') as next_changed_at,
           cast(coalesce(count(*) filter (where e.status in ('blocked', 'restored')) over (
               w rows between unbounded preceding and 1 preceding), 0) as integer) as episode
    from events e
    window w as (partition by e.account_id order by e.changed_at, e.lifecycle_rank)
),

episodes as (
    -- A block or restore closes its episode, so an episode holds at most one block.
    select q.account_id, q.episode,
           min(q.changed_at) filter (where q.status = 'reported') as episode_reported_at,
           max(q.changed_at) filter (where q.status = 'blocked') as episode_blocked_at
    from sequenced q
    group by q.account_id, q.episode
),

final as (
    select q.account_id, q.platform, q.status, q.changed_at, q.next_changed_at, q.episode,
           p.episode_reported_at, p.episode_blocked_at
    from sequenced q
    join episodes p using (account_id, episode)
)

select * from final;

delete from status_episode_state;

insert into status_episode_state (last_import_id, built_at)
select coalesce(max(i.import_id), 0), $built_at
from imports i;
