-- Fallback of oldest_open_reports.sql for a database whose status_episode_events is not built (a file last written by an
-- older version, or a failed rebuild: see status_episodes_built.sql). Same question, same result, slower: it
-- derives every account's report episodes from status_history on each call.
-- The reported accounts that have waited longest for a platform decision at a given instant (the backlog's oldest).
-- Grain: one row per account whose latest event before $as_of is a report (not yet blocked, rejected or
-- restored), oldest episode first; at most $limit rows.
-- Parameters:
--   $as_of      TIMESTAMP  Jakarta wall-clock instant (exclusive): events at or after it are not yet known.
--   $platforms  VARCHAR[]  normalised platform codes; empty list = every platform.
--   $provinces  VARCHAR[]  province codes targeted by a detection; empty list = all provinces.
--   $countries  VARCHAR[]  ISO 3166 alpha-2 destination countries of a detection; empty list = all countries.
--   $limit      INTEGER    maximum number of rows.
-- waiting_days counts Jakarta calendar days from the episode's first report (the first report after the
-- account's last block or restore) to $as_of, as the backlog figure of takedown_by_month does.
with scoped_accounts as (
    -- the sidebar filters' accounts: queries/setup/reader_macros.sql
    select account_id from accounts_in_scope($platforms, $provinces, $countries)
),

known_events as (
    select h.account_id, h.status, h.changed_at,
           -- One sortable key: the instant, then the lifecycle order for ties (as in the importer).
           epoch_us(h.changed_at) * 8
               + case h.status when 'reported' then 1 when 'rejected' then 2 when 'blocked' then 3 else 4 end
               as event_key
    from status_history h
    semi join scoped_accounts s using (account_id)
    where h.status <> 'detected' and h.changed_at < $as_of
),

latest as (
    select k.account_id,
           arg_max(k.status, k.event_key) as status,
           max(k.changed_at) filter (where k.status in ('blocked', 'restored')) as closed_at,
           max(k.changed_at) filter (where k.status = 'reported') as last_reported_at
    from known_events k
    group by k.account_id
),

waiting as (
    select l.account_id, l.last_reported_at, min(k.changed_at) as reported_at
    from latest l
    join known_events k using (account_id)
    where l.status = 'reported' and k.status = 'reported'
      and (l.closed_at is null or k.changed_at > l.closed_at)
    group by l.account_id, l.last_reported_at
),

final as (
    select a.account_id, a.platform, a.handle, a.display_name, a.url,
           a.first_seen, w.reported_at, w.last_reported_at,
           date_diff('day', cast(w.reported_at as date), cast($as_of as date)) as waiting_days
    from waiting w
    join accounts a using (account_id)
)

select * from final
order by reported_at, account_id
limit $limit
