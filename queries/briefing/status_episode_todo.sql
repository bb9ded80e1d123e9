-- First step of bringing status_episode_events (queries/setup/schema.sql) up to date (jaring.episodes): the state
-- table, and the temp table episode_todo of the accounts to recompute.
-- $since  INTEGER  status events of imports after this one are new (0: rebuild every account; episode_todo then
--                  stays empty, as every account is redone).
-- status_history only gains events (keyed by account, status and instant), each stamped with the import that
-- brought it, so the accounts to redo are those with an event from an import after $since.

create table if not exists status_episode_state (
    last_import_id integer not null,            -- status events of imports up to this one are in the table
    built_at       timestamp not null
);

create or replace temp table episode_todo as
select distinct h.account_id
from status_history h
where $since > 0 and h.status <> 'detected' and h.import_id > $since;
