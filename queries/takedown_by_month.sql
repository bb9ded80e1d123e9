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
-- Episodes come from status_episode_events, built at import (takedown_by_month_from_history derives the same
-- result from status_history, for files last written by an older version).
with scoped_accounts as (
    -- the sidebar filters' accounts: queries/setup/reader_macros.sql
    select * from accounts_in_scope([]::varchar[], $provinces, $countries)
),

data_bounds as (
    select cast(date_trunc('month', min(h.changed_at)) as date) as first_month,
           cast(date_trunc('month', max(h.changed_at)) as date) as last_month,
           cast(greatest(max(h.changed_at), (select max(d.detected_at) from detections d)) as date) as last_day
    from status_history h
),

events as (
    -- status_episode_events (built at import) holds each event's successor, its episode's first report and block,
    -- so the rejections and restores that end a report are no longer needed here. Two branches, as above, so that
    -- without a filter no join with the scope is made.
    select e.account_id, e.platform, e.status, e.changed_at, e.next_changed_at, e.episode_reported_at,
           e.episode_blocked_at
    from status_episode_events e
    where len($provinces) = 0 and len($countries) = 0 and e.status in ('reported', 'blocked')
    union all
    select e.account_id, e.platform, e.status, e.changed_at, e.next_changed_at, e.episode_reported_at,
           e.episode_blocked_at
    from status_episode_events e
    where (len($provinces) > 0 or len($countries) > 0) and e.status in ('reported', 'blocked')
      and e.account_id in (select s.account_id from scoped_accounts s)
),

months as (
    select cast(m.month as date) as month,
           least(m.month + interval 1 month, cast(b.last_day + 1 as timestamp)) as measured_at
    from data_bounds b,
         unnest(generate_series(cast(b.first_month as timestamp), cast(b.last_month as timestamp),
                                interval 1 month)) as m(month)
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
    -- An episode holds at most one block, so its block event stands for the episode. Both lists in one ordered
    -- aggregate (one sort): the days from the report are null for a block without a report and are dropped.
    select b.month, b.platform, b.blocked_with_report,
           list_transform(b.days, lambda x: x.detection) as days_from_detection,
           list_filter(list_transform(b.days, lambda x: x.report), lambda x: x is not null) as days_from_report
    from (
        select cast(date_trunc('month', e.changed_at) as date) as month, e.platform,
               count(e.episode_reported_at) as blocked_with_report,
               list({'detection': date_diff('day', cast(s.first_seen as date), cast(e.changed_at as date)),
                     'report': date_diff('day', cast(e.episode_reported_at as date), cast(e.changed_at as date))}
                    order by e.changed_at, e.account_id) as days
        from events e
        join scoped_accounts s using (account_id)
        where e.status = 'blocked'
        group by all
    ) b
),

open_at_month_end as (
    -- Open at a month end: the account's latest event before it is a report.
    select m.month, e.platform,
           date_diff('day', cast(e.episode_reported_at as date), cast(m.measured_at as date)) as age_days
    from events e
    join months m on e.changed_at < m.measured_at and e.next_changed_at >= m.measured_at
    where e.status = 'reported'
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
    -- One row per episode with a report: its first report event.
    select cast(date_trunc('month', e.changed_at) as date) as month, e.platform,
           date_diff('day', cast(e.changed_at as date), b.last_day) as followed_days,
           date_diff('day', cast(e.changed_at as date), cast(e.episode_blocked_at as date)) as days_to_block
    from events e
    cross join data_bounds b
    where e.status = 'reported' and e.changed_at = e.episode_reported_at
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
