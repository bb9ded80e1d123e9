-- Table macros shared by the read queries, created once on every reader connection (jaring.db.Reader).
-- They live in the reader's in-memory catalog, so they name the attached database (`jaring`) explicitly.

-- The accounts with a detection that targets one of `provinces` naming one of `countries` (empty = any), as one
-- row: `blocks`, a list of bitstrings where item b + 1 holds the accounts (b << 16) + i as bit i (NULL for a block
-- without any); `blocks` is NULL when no account matches, or without a province or country. Test an account with
-- in_region_blocks below. A bit test costs a fraction of a semi join against the detections, and the bitstrings
-- are built in one pass without a hash table.
-- (A join on the block number instead would hash on a handful of keys and, built on the wrong side, crawl.)
create or replace macro accounts_in_regions(provinces, countries) as table
with hits as (
    select d.account_id >> 16 as block, bitstring_agg(cast(d.account_id & 65535 as integer), 0, 65535) as bits
    from jaring.detections d
    left join jaring.regions r on r.code = d.target_region_code
    where (len(provinces) > 0 or len(countries) > 0)
      and (len(provinces) = 0 or list_contains(provinces, r.province_code))
      and (len(countries) = 0 or list_contains(countries, d.destination_country))
    group by all
),

numbered as (
    select unnest(range(0, max(h.block) + 1)) as block
    from hits h
    having count(*) > 0
)

select list(h.bits order by n.block) as blocks
from numbered n
left join hits h using (block);

-- Whether `account_id` is one of the accounts of an accounts_in_regions `blocks` list.
create or replace macro in_region_blocks(blocks, account_id) as
coalesce(get_bit(blocks[(account_id >> 16) + 1], cast(account_id & 65535 as integer)) = 1, false);

-- Whether an account (its `platform` and `account_id`) is one the sidebar filters keep: on one of `platforms`
-- (empty = every platform) and, when `provinces` or `countries` are given, in their accounts_in_regions `blocks`.
-- The one statement of that rule; the queries choose how to fetch the blocks.
create or replace macro account_in_scope(platform, account_id, platforms, provinces, countries, blocks) as
(len(platforms) = 0 or list_contains(platforms, platform))
and ((len(provinces) = 0 and len(countries) = 0) or in_region_blocks(blocks, account_id));

-- The accounts the sidebar filters keep: on one of `platforms` (empty = every platform), and, when provinces
-- or countries are given, with a detection that targets one of `provinces` naming one of `countries`
-- (empty = any). Two branches so that without a province or country filter the detections are not scanned.
create or replace macro accounts_in_scope(platforms, provinces, countries) as table
select a.account_id, a.platform, a.first_seen
from jaring.accounts a
where len(provinces) = 0 and len(countries) = 0
  and account_in_scope(a.platform, a.account_id, platforms, provinces, countries, null)
union all
select a.account_id, a.platform, a.first_seen
from jaring.accounts a, accounts_in_regions(provinces, countries) s
where (len(provinces) > 0 or len(countries) > 0)
  and account_in_scope(a.platform, a.account_id, platforms, provinces, countries, s.blocks);

-- The detections in the sidebar's view: detected on a day from `start_day` to `end_day` (inclusive), by an
-- account on one of `platforms`, targeting a region of one of `provinces`, naming one of `countries` (empty list
-- = any). One row per detection. Used by filtered_totals, network_overview, takedown_candidates and
-- identifier_reappearances.
create or replace macro detections_in_view(start_day, end_day, platforms, provinces, countries) as table
select d.detection_id, d.account_id, d.detected_at
from jaring.detections d
join jaring.accounts a on a.account_id = d.account_id
left join jaring.regions r on r.code = d.target_region_code
where cast(d.detected_at as date) between start_day and end_day
  and (len(platforms) = 0 or list_contains(platforms, a.platform))
  and (len(provinces) = 0 or list_contains(provinces, r.province_code))
  and (len(countries) = 0 or list_contains(countries, d.destination_country));

-- The cases in the sidebar's view: reported on a day from `start_day` to `end_day` (inclusive), from one of
-- `provinces` (origin), to one of `countries` (empty list = any). Cases carry no platform. One row per case.
create or replace macro cases_in_view(start_day, end_day, provinces, countries) as table
select c.case_id, c.victims
from jaring.cases c
where cast(c.reported_at as date) between start_day and end_day
  and (len(provinces) = 0 or list_contains(provinces, c.origin_province_code))
  and (len(countries) = 0 or list_contains(countries, c.destination_country));

-- The span of the briefing's data, one row: the Jakarta calendar months of the first and last status event, and the
-- last day with any data (a status event or a detection). All null without status events.
create or replace macro briefing_data_bounds() as table
select cast(date_trunc('month', min(h.changed_at)) as date) as first_month,
       cast(date_trunc('month', max(h.changed_at)) as date) as last_month,
       cast(greatest(max(h.changed_at), (select max(d.detected_at) from jaring.detections d)) as date) as last_day
from jaring.status_history h;

-- The briefing's months, the one grid every monthly figure is given on (takedown_figures, briefing_month_ends.sql,
-- takedown_by_month_from_history.sql): each month from the first to the last status event, numbered from 0
-- (month_index), with the instant its end-of-month figures are measured at (measured_at): the start of the next
-- month, or the end of the last day with any data when that comes first. No rows without status events.
create or replace macro briefing_months() as table
select cast(m.month as date) as month, date_diff('month', b.first_month, cast(m.month as date)) as month_index,
       least(m.month + interval 1 month, cast(b.last_day + 1 as timestamp)) as measured_at
from briefing_data_bounds() b,
     unnest(generate_series(cast(b.first_month as timestamp), cast(b.last_month as timestamp),
                            interval 1 month)) as m(month);

-- Takedown figures per Jakarta calendar month and platform (the questions of takedown_by_month.sql and
-- takedown_in_view.sql, which select from this macro): accounts detected, reported and blocked, the days each block
-- took, reports still waiting at month end by age, and how report episodes fared after 7/30/90 days.
-- Grain: one row per month x platform, for the months from the first to the last status event that are in
-- `view_months` (empty = all of them) and every platform of the accounts in scope that is in `view_platforms`
-- (empty = all); quiet months are zeros. Scope: accounts_in_scope(view_platforms, scope_provinces, scope_countries).
-- Definitions (README "Briefing definitions"):
--   detected: accounts first detected in the month. reported / blocked: report / block events in the month (an
--     account blocked, restored and blocked again counts at each block).
--   Episode: from the first report after the account's previous block or restore (or its first report) to its
--     next block or restore; a rejected report does not end it.
--   days_from_detection / days_from_report: Jakarta calendar days from the account's first detection / the
--     episode's first report to each block in the month (one list entry per block, in block order).
--   measured_at: end of the month, or the end of the last day with any data when that comes first.
--   backlog_*: accounts whose latest event at measured_at is a report (not yet blocked, rejected or restored),
--     by days since the episode's first report: under 7, 7-29, 30-89, 90 and more.
--   report_episodes: episodes whose first report falls in the month; eligible_N: those the data follows for at
--     least N days; open_N: of those, not blocked within N days of the report.
-- Episodes come from status_episode_events, built at import (takedown_by_month_from_history.sql derives the same
-- result from status_history, for files last written by an older version).
create or replace macro takedown_figures(view_platforms, scope_provinces, scope_countries, view_months) as table
with region_bits as (
    select * from accounts_in_regions(scope_provinces, scope_countries)
),

scoped_accounts as (
    select * from accounts_in_scope(view_platforms, scope_provinces, scope_countries)
),

data_bounds as (
    select * from briefing_data_bounds()
),

data_months as (
    select * from briefing_months()
),

months as (
    select m.month, m.month_index, m.measured_at
    from data_months m
    where len(cast(view_months as date[])) = 0 or list_contains(cast(view_months as date[]), m.month)
),

bounds as (
    select b.first_month, b.last_day, date_diff('month', b.first_month, b.last_month) as last_index,
           (select max(m.measured_at) from data_months m) as last_measured_at
    from data_bounds b
),

events as (
    -- status_episode_events (built at import) holds each event's successor, its episode's first report and block,
    -- so the rejections and restores that end a report are not needed here. Two branches, so that without a
    -- province or country no join with the scope is made. With view_months, only the events of the months from
    -- the first to the last month in view are read, and the reports made before them that were still open then.
    select e.account_id, e.platform, e.status, e.changed_at, e.next_changed_at, e.episode_reported_at,
           e.episode_blocked_at
    from jaring.status_episode_events e
    where len(scope_provinces) = 0 and len(scope_countries) = 0 and e.status in ('reported', 'blocked')
      and account_in_scope(e.platform, e.account_id, view_platforms, scope_provinces, scope_countries, null)
      and (len(cast(view_months as date[])) = 0
           or (e.changed_at < list_max(cast(view_months as date[])) + interval 1 month
               and (e.changed_at >= list_min(cast(view_months as date[]))
                    or (e.status = 'reported' and e.next_changed_at >= list_min(cast(view_months as date[]))))))
    union all
    select e.account_id, e.platform, e.status, e.changed_at, e.next_changed_at, e.episode_reported_at,
           e.episode_blocked_at
    from jaring.status_episode_events e, region_bits s
    where (len(scope_provinces) > 0 or len(scope_countries) > 0) and e.status in ('reported', 'blocked')
      and (len(cast(view_months as date[])) = 0
           or (e.changed_at < list_max(cast(view_months as date[])) + interval 1 month
               and (e.changed_at >= list_min(cast(view_months as date[]))
                    or (e.status = 'reported' and e.next_changed_at >= list_min(cast(view_months as date[]))))))
      -- an event's platform is its account's (status_episode_events copies it): these are the scoped accounts'
      and account_in_scope(e.platform, e.account_id, view_platforms, scope_provinces, scope_countries, s.blocks)
),

grid as (
    select m.month, m.month_index, m.measured_at, p.platform
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
    -- The month's reports and blocks, and the report episodes that begin in it (an episode's first report) with
    -- how many days the data follows them and how long they took to be blocked: one pass over the events.
    select cast(date_trunc('month', v.changed_at) as date) as month, v.platform,
           count(*) filter (where v.status = 'reported') as reported,
           count(*) filter (where v.status = 'blocked') as blocked,
           count(*) filter (where v.starts) as report_episodes,
           count(*) filter (where v.starts and v.followed_days >= 7) as eligible_7,
           count(*) filter (where v.starts and v.followed_days >= 7 and coalesce(v.days_to_block > 7, true)) as open_7,
           count(*) filter (where v.starts and v.followed_days >= 30) as eligible_30,
           count(*) filter (where v.starts and v.followed_days >= 30 and coalesce(v.days_to_block > 30, true))
               as open_30,
           count(*) filter (where v.starts and v.followed_days >= 90) as eligible_90,
           count(*) filter (where v.starts and v.followed_days >= 90 and coalesce(v.days_to_block > 90, true))
               as open_90
    from (
        select e.changed_at, e.platform, e.status,
               e.status = 'reported' and e.changed_at = e.episode_reported_at as starts,
               date_diff('day', cast(e.changed_at as date), b.last_day) as followed_days,
               date_diff('day', cast(e.changed_at as date), cast(e.episode_blocked_at as date)) as days_to_block
        from events e
        cross join data_bounds b
    ) v
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
          and cast(date_trunc('month', e.changed_at) as date) in (select m.month from months m)
        group by all
    ) b
),

open_reports as (
    -- A report is open at the end of month i when that month's measured_at falls in (changed_at, next_changed_at].
    -- Before the data's last month measured_at(i) is the start of month i + 1, so those months form the index range
    -- [first_open, last_open]; the report's age bucket moves up at the first month end at least 7, 30 and 90 days
    -- after its episode's first report (from_7, from_30, from_90). Counting the reports per range first leaves a
    -- few thousand rows to spread over the months, instead of one row per report and month it stays open.
    select e.platform,
           date_diff('month', x.first_month, cast(e.changed_at as date)) as first_open,
           case when e.next_changed_at >= x.last_measured_at then x.last_index
                else date_diff('month', x.first_month, cast(e.next_changed_at as date)) - 1 end as last_open,
           case when date_diff('month', x.first_month, cast(e.episode_reported_at as date) + 6) < x.last_index
                then date_diff('month', x.first_month, cast(e.episode_reported_at as date) + 6)
                when cast(x.last_measured_at as date) >= cast(e.episode_reported_at as date) + 7 then x.last_index
                else x.last_index + 1 end as from_7,
           case when date_diff('month', x.first_month, cast(e.episode_reported_at as date) + 29) < x.last_index
                then date_diff('month', x.first_month, cast(e.episode_reported_at as date) + 29)
                when cast(x.last_measured_at as date) >= cast(e.episode_reported_at as date) + 30 then x.last_index
                else x.last_index + 1 end as from_30,
           case when date_diff('month', x.first_month, cast(e.episode_reported_at as date) + 89) < x.last_index
                then date_diff('month', x.first_month, cast(e.episode_reported_at as date) + 89)
                when cast(x.last_measured_at as date) >= cast(e.episode_reported_at as date) + 90 then x.last_index
                else x.last_index + 1 end as from_90,
           count(*) as reports
    from events e
    cross join bounds x
    where e.status = 'reported'
    group by all
),

backlog as (
    select m.month, o.platform,
           cast(sum(o.reports) filter (where o.i < o.from_7) as bigint) as backlog_under_7,
           cast(sum(o.reports) filter (where o.i >= o.from_7 and o.i < o.from_30) as bigint) as backlog_7_to_29,
           cast(sum(o.reports) filter (where o.i >= o.from_30 and o.i < o.from_90) as bigint) as backlog_30_to_89,
           cast(sum(o.reports) filter (where o.i >= o.from_90) as bigint) as backlog_90_plus
    from (
        select r.platform, r.reports, r.from_7, r.from_30, r.from_90,
               unnest(range(r.first_open, r.last_open + 1)) as i
        from open_reports r
        where r.last_open >= r.first_open
    ) o
    join months m on m.month_index = o.i
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
           coalesce(f.report_episodes, 0) as report_episodes,
           coalesce(f.eligible_7, 0) as eligible_7,
           coalesce(f.open_7, 0) as open_7,
           coalesce(f.eligible_30, 0) as eligible_30,
           coalesce(f.open_30, 0) as open_30,
           coalesce(f.eligible_90, 0) as eligible_90,
           coalesce(f.open_90, 0) as open_90
    from grid g
    left join detected d using (month, platform)
    left join flows f using (month, platform)
    left join blocks k using (month, platform)
    left join backlog l using (month, platform)
)

select * from final
order by month, platform;
