-- Fallback of takedown_by_month.sql for a database whose status_episode_events is not built (a file last written by an
-- older version, or a failed rebuild: see status_episodes_built.sql). Same question, same result, slower: it
-- derives every account's report episodes from status_history on each call.
-- Takedown figures per Jakarta calendar month and platform: accounts detected, reported and blocked, the days
-- each block took, reports still waiting at month end by age, and how report episodes fared after 7/30/90 days.
-- Covers every month from the first to the last status event in the database, so the page slices the period
-- and the platforms from one result (changing them needs no new query).
-- Grain: one row per month x platform, for every platform of the accounts in scope; quiet months are zeros.
-- Parameters:
--   $provinces  VARCHAR[]  province codes targeted by a detection; empty list = all provinces.
--   $countries  VARCHAR[]  ISO 3166 alpha-2 destination countries of a detection; empty list = all countries.
--   An account is in scope when one of its detections matches both lists (each applies only when not empty).
-- Definitions (README "Briefing definitions"):
--   detected: accounts first detected in the month. reported / blocked: report / block events in the month (an
--     account blocked, restored and blocked again counts at each block).
--   Episode: from the first report after the account's previous block or restore (or its first report) to its
--     next block or restore; a rejected report does not end it.
--   days_from_detection / days_from_report: Jakarta calendar days from the account's first detection / the
--     episode's first report to each block in the month (one list entry per block).
--   measured_at: end of the month, or the end of the last day with any data when that comes first.
--   backlog_*: accounts whose latest event at measured_at is a report (not yet blocked, rejected or restored),
--     by days since the episode's first report: under 7, 7-29, 30-89, 90 and more.
--   report_episodes: episodes whose first report falls in the month; eligible_N: those the data follows for at
--     least N days; open_N: of those, not blocked within N days of the report.
with scoped_accounts as (
    -- the sidebar filters' accounts: queries/setup/reader_macros.sql
    select * from accounts_in_scope([]::varchar[], $provinces, $countries)
),

data_bounds as (
    select * from briefing_data_bounds()  -- queries/setup/reader_macros.sql
),

events as (
    -- Ties on the same instant follow the lifecycle, as in the importer. 'detected' is no transition here.
    select h.account_id, s.platform, h.status, h.changed_at,
           case h.status when 'reported' then 1 when 'rejected' then 2 when 'blocked' then 3 else 4 end
               as lifecycle_rank
    from status_history h
    join scoped_accounts s using (account_id)
    where h.status <> 'detected'
),

sequenced as (
    select e.*,
           coalesce(lead(e.changed_at) over w, timestamp 'infinity') as until_at,
           coalesce(count(*) filter (where e.status in ('blocked', 'restored')) over (
               w rows between unbounded preceding and 1 preceding), 0) as episode
    from events e
    window w as (partition by e.account_id order by e.changed_at, e.lifecycle_rank)
),

episodes as (
    -- A block or restore closes its episode, so an episode holds at most one block.
    select q.account_id, q.episode, any_value(q.platform) as platform,
           min(q.changed_at) filter (where q.status = 'reported') as reported_at,
           max(q.changed_at) filter (where q.status = 'blocked') as blocked_at
    from sequenced q
    group by q.account_id, q.episode
),

months as (
    select m.month, m.measured_at from briefing_months() m  -- the grid of takedown_by_month.sql
),

grid as (
    select m.month, m.measured_at, p.platform
    from months m
    cross join (select distinct s.platform from scoped_accounts s) p
),

detected as (
    select cast(date_trunc('month', s.first_seen) as date) as month, s.platform, count(*) as detected
    from scoped_accounts s
    where s.first_seen is not null
    group by all
),

flows as (
    select cast(date_trunc('month', e.changed_at) as date) as month, e.platform,
           count(*) filter (where e.status = 'reported') as reported,
           count(*) filter (where e.status = 'blocked') as blocked
    from events e
    group by all
),

blocks as (
    select cast(date_trunc('month', p.blocked_at) as date) as month, p.platform,
           count(p.reported_at) as blocked_with_report,
           list(date_diff('day', cast(s.first_seen as date), cast(p.blocked_at as date))
                order by p.blocked_at, p.account_id) as days_from_detection,
           list(date_diff('day', cast(p.reported_at as date), cast(p.blocked_at as date))
                order by p.blocked_at, p.account_id) filter (where p.reported_at is not null) as days_from_report
    from episodes p
    join scoped_accounts s using (account_id)
    where p.blocked_at is not null
    group by all
),

open_at_month_end as (
    select m.month, q.platform,
           date_diff('day', cast(p.reported_at as date), cast(m.measured_at as date)) as age_days
    from sequenced q
    join months m on q.changed_at < m.measured_at and q.until_at >= m.measured_at
    join episodes p on p.account_id = q.account_id and p.episode = q.episode
    where q.status = 'reported'
),

backlog as (
    select o.month, o.platform,
           count(*) filter (where o.age_days < 7) as backlog_under_7,
           count(*) filter (where o.age_days >= 7 and o.age_days < 30) as backlog_7_to_29,
           count(*) filter (where o.age_days >= 30 and o.age_days < 90) as backlog_30_to_89,
           count(*) filter (where o.age_days >= 90) as backlog_90_plus
    from open_at_month_end o
    group by all
),

episode_spans as (
    select cast(date_trunc('month', p.reported_at) as date) as month, p.platform,
           date_diff('day', cast(p.reported_at as date), b.last_day) as followed_days,
           date_diff('day', cast(p.reported_at as date), cast(p.blocked_at as date)) as days_to_block
    from episodes p
    cross join data_bounds b
    where p.reported_at is not null
),

outcomes as (
    select e.month, e.platform,
           count(*) as report_episodes,
           count(*) filter (where e.followed_days >= 7) as eligible_7,
           count(*) filter (where e.followed_days >= 7 and coalesce(e.days_to_block > 7, true)) as open_7,
           count(*) filter (where e.followed_days >= 30) as eligible_30,
           count(*) filter (where e.followed_days >= 30 and coalesce(e.days_to_block > 30, true)) as open_30,
           count(*) filter (where e.followed_days >= 90) as eligible_90,
           count(*) filter (where e.followed_days >= 90 and coalesce(e.days_to_block > 90, true)) as open_90
    from episode_spans e
    group by all
),

final as (
    select g.month, g.platform, g.measured_at,
           coalesce(d.detected, 0) as detected,
           coalesce(f.reported, 0) as reported,
           coalesce(f.blocked, 0) as blocked,
           coalesce(k.blocked_with_report, 0) as blocked_with_report,
           coalesce(k.days_from_detection, []) as days_from_detection,
           coalesce(k.days_from_report, []) as days_from_report,
           coalesce(l.backlog_under_7, 0) as backlog_under_7,
           coalesce(l.backlog_7_to_29, 0) as backlog_7_to_29,
           coalesce(l.backlog_30_to_89, 0) as backlog_30_to_89,
           coalesce(l.backlog_90_plus, 0) as backlog_90_plus,
           coalesce(o.report_episodes, 0) as report_episodes,
           coalesce(o.eligible_7, 0) as eligible_7,
           coalesce(o.open_7, 0) as open_7,
           coalesce(o.eligible_30, 0) as eligible_30,
           coalesce(o.open_30, 0) as open_30,
           coalesce(o.eligible_90, 0) as eligible_90,
           coalesce(o.open_90, 0) as open_90
    from grid g
    left join detected d using (month, platform)
    left join flows f using (month, platform)
    left join blocks k using (month, platform)
    left join backlog l using (month, platform)
    left join outcomes o using (month, platform)
)

select * from final
order by month, platform
