-- Stage a detection export: typed rows, rejects with reasons, identifiers, unresolved texts.
-- Reads temp tables src, ctx, map_account, map_status, map_country, map_region, account_keys (built by
-- jaring.staging) and the tables detections and accounts (a known detection id). Writes temp tables stg_* and
-- blank_rows(rows).

-- Each row's reject reason is decided here, so the raw texts it quotes (dates, status) are never stored: a
-- million of them copied into typed cost more than the few reasons that need them.
create or replace temp table typed as
with parsed as (
select
    s._row,
    s._too_long,
    jaring_source_id(s.detection_id) as source_id,
    a.platform,
    a.handle,
    a.account_key,
    a.key_no,
    a.url as account_url,
    s.display_name,
    s.detected_at as detected_raw,
    jaring_timestamp(s.detected_at) as detected_at,
    s.reported_at as reported_raw,
    jaring_timestamp(s.reported_at) as reported_at,
    s.blocked_at as blocked_raw,
    jaring_timestamp(s.blocked_at) as blocked_at,
    s.status_changed_at as status_changed_raw,
    jaring_timestamp(s.status_changed_at) as status_changed_at,
    s.status as status_raw,
    st.value as status,
    s.content_url,
    s.content_text,
    s.target_region as target_region_raw,
    r.code as target_region_code,
    c.value as destination_country,
    try_cast(replace(s.lat, ',', '.') as double) as lat,
    try_cast(replace(s.lon, ',', '.') as double) as lon
from src s
left join map_account a
    on a.platform_raw is not distinct from s.platform
    and a.handle_raw is not distinct from s.account_handle
    and a.url_raw is not distinct from s.account_url
left join map_status st on st.raw = s.status
left join map_country c on c.raw = s.destination_country
left join map_region r on r.raw = s.target_region
where not s._blank  -- an empty separator row is no data (jaring.staging.build_source)
)
select
    coalesce(source_id, 'h:' || left(md5(concat_ws('|', account_key, detected_at::varchar, content_url,
                                                   content_text)), 20)) as detection_id,
    _row, key_no, account_url, display_name, detected_at, reported_at, blocked_at, status_changed_at, status,
    content_url, content_text, target_region_raw, target_region_code, destination_country, lat, lon,
    case
        when _too_long then 'a cell is longer than 20,000 characters'
        when handle is null then 'no account: the row has no readable account handle or URL'
        when platform is null then 'no platform, and the account URL does not tell it'
        when detected_raw is null then 'no detection date'
        when detected_at is null then 'unreadable or impossible detection date ''' || detected_raw || ''''
        when reported_raw is not null and reported_at is null
            then 'unreadable or impossible report date ''' || reported_raw || ''''
        when blocked_raw is not null and blocked_at is null
            then 'unreadable or impossible block date ''' || blocked_raw || ''''
        when status_changed_raw is not null and status_changed_at is null
            then 'unreadable or impossible status date ''' || status_changed_raw || ''''
        when least(detected_at, reported_at, blocked_at, status_changed_at) < timestamp '2000-01-01'
            or greatest(detected_at, reported_at, blocked_at, status_changed_at)
               > (select now_jakarta from ctx) + interval 1 day
            then 'date outside 2000 to today'
        when status_raw is not null and status is null
            then 'unknown status ''' || status_raw || ''' (expected detected, reported, blocked, rejected or restored)'
    end as reject_reason
from parsed;

-- Temp tables live in memory until DuckDB spills them: drop each as soon as the next layer is built.
-- How many rows held no value at all (typed leaves them out): they count as neither read nor rejected.
create or replace temp table blank_rows as
select (select count(*) from raw) - (select count(*) from typed) as rows;

drop view src;

-- A detection id names one flagged item of one account. A row that gives a known id with another account is not
-- that detection: an "ID" column that only numbers each file's rows would otherwise replace the detections of an
-- earlier export (or be dropped as older than them). Such a row is rejected, naming the account the id belongs to.
create or replace temp table stg_rejects as
select _row, reject_reason as reason from typed where reject_reason is not null
union all
select t._row,
       'detection id ''' || t.detection_id || ''' already names a detection of another account (' || a.platform
       || ' ' || a.handle || '): if the ID column only numbers the rows of each file, remove or rename it'
from typed t
join detections d using (detection_id)
join accounts a on a.account_id = d.account_id
join account_keys k using (key_no)
where t.reject_reason is null and a.account_key <> k.account_key;

-- Rows that load but are an earlier state of a detection listed again further on in the file (a log of its status
-- changes, or an export sorted newest first). The detection takes its most recent row, by the rule an import
-- applies between files (jaring_row_recency); of two equally recent, the later row. The earlier states still count,
-- as rows of an earlier file would: their dates as status events of the account, their identifiers as links of the
-- detection (stg_valid, queries/ingest/merge_detections.sql).
create or replace temp table stg_superseded as
with repeated as (  -- a few ids at most: the rows stg_rejects adds (known ids) are left out of `states`
    select detection_id from typed where reject_reason is null group by detection_id having count(*) > 1
),

states as (
    select t._row, t.detection_id, t.key_no, t.status_changed_at, t.detected_at, t.reported_at, t.blocked_at, t.status
    from typed t
    semi join repeated using (detection_id)
    anti join stg_rejects using (_row)
),

latest as (
    select detection_id,
           arg_max((_row, key_no),
                   (jaring_row_recency(status_changed_at, detected_at, reported_at, blocked_at, status), _row))
               as kept
    from states
    group by detection_id
)

select s._row, s.detection_id, s.key_no, l.kept[1] as kept_row, l.kept[2] as kept_key_no
from states s
join latest l using (detection_id)
where s._row <> l.kept[1];

-- Two rows of one id and two accounts are not two states of one detection: the superseded row is rejected, as a
-- known id of another account is, rather than giving its status events to an account it does not name.
insert into stg_rejects
select s._row,
       'detection id ''' || s.detection_id || ''' is given with another account (' || k.platform || ' ' || k.handle
       || ') in row ' || s.kept_row || ' of this file, a more recent state: if the ID column only numbers the rows, '
       || 'remove or rename it'
from stg_superseded s
join account_keys k on k.key_no = s.kept_key_no
where s.key_no <> s.kept_key_no;

-- Views, not copies: the wide rows stay in `typed`, the few dropped rows are an anti-join away.
-- stg_valid: every row that loads, with its status date (the date of the event its status names, else the latest
-- date it carries); stg_detections: one row per detection.
create or replace temp view stg_valid as
select
    t.* exclude (reject_reason),
    coalesce(t.status_changed_at,
             case t.status when 'blocked' then t.blocked_at when 'reported' then t.reported_at end,
             greatest(t.detected_at, t.reported_at, t.blocked_at)) as status_at
from typed t
anti join stg_rejects using (_row);

create or replace temp view stg_detections as
select * from stg_valid anti join stg_superseded using (_row);

create or replace temp table stg_unresolved as
select target_region_raw as raw, 'target_region' as field, count(*)::integer as rows
from stg_detections
where target_region_raw is not null and target_region_code is null
group by all;
