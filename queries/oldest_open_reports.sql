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
-- account's last block or restore) to $as_of, as the backlog figure of takedown_by_month does. Reads
-- status_episode_events, built at import (oldest_open_reports_from_history: the same from status_history).
with region_bits as (
    -- the accounts with a detection in the province/country filter, as bitstrings (queries/setup/reader_macros.sql);
    -- NULL blocks without such a filter
    select * from accounts_in_regions($provinces, $countries)
),

waiting as (
    -- Waiting at $as_of: the account's latest event before it is a report (status_episode_events, built at import,
    -- holds the time of each event's successor, its episode's first report and the account's platform).
    select e.account_id, e.changed_at as last_reported_at, e.episode_reported_at as reported_at
    from status_episode_events e
    left join region_bits b on true
    where e.status = 'reported' and e.changed_at < $as_of and e.next_changed_at >= $as_of
      and account_in_scope(e.platform, e.account_id, $platforms, $provinces, $countries, b.blocks)
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
