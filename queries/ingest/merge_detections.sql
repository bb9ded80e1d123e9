-- Merge staged detections into the modelled tables: accounts, detections, status_history,
-- account_identifiers (after ingest/merge_identifiers).
-- Reads temp tables ctx(import_id, now_jakarta), stg_detections, account_keys, row_values, value_identifiers.
-- Idempotent: merging the same rows again changes nothing.

-- Grouped on the export's account numbers (queries/ingest/account_keys.sql), which give the key, platform and
-- handle afterwards.
create or replace temp table touched_accounts as
with touched as (
    select key_no,
           -- the latest detection's, and of two at the same instant the later row's
           arg_max(account_url, (detected_at, _row)) filter (where account_url is not null) as url,
           arg_max(display_name, (detected_at, _row)) filter (where display_name is not null) as display_name,
           max(detected_at) as latest
    from stg_detections
    group by key_no
)
select k.account_key, k.platform, k.handle, t.*
from touched t
join account_keys k using (key_no);

create or replace temp table before_status as
select a.account_id, a.status
from accounts a join touched_accounts t using (account_key);

-- Known accounts whose latest row in this file is exactly as late as their latest stored one: whether this file's
-- is the later state (jaring_row_recency; two files with the same post at the same instant). Only the rows at that
-- instant are ranked: ranking every row cost a million-row import 0.15 s, and a re-import 0.5 s.
create or replace temp table known_latest as
with tied as (
    select a.account_id, a.account_key, t.latest
    from touched_accounts t
    join accounts a using (account_key)
    where t.latest = a.last_seen
),

stored as (
    select t.account_key,
           max(jaring_row_recency(d.status_changed_at, d.detected_at, d.reported_at, d.blocked_at, d.status))
               as recency
    from detections d
    join tied t on t.account_id = d.account_id and t.latest = d.detected_at
    group by t.account_key
),

incoming as (
    select t.account_key,
           max(jaring_row_recency(s.status_changed_at, s.detected_at, s.reported_at, s.blocked_at, s.status))
               as recency
    from stg_detections s
    join account_keys k using (key_no)
    join tied t on t.account_key = k.account_key and t.latest = s.detected_at
    group by t.account_key
)

select account_key, i.recency >= s.recency as newer
from stored s
join incoming i using (account_key);

insert into accounts (account_id, account_key, platform, handle, url, display_name)
select coalesce((select max(account_id) from accounts), 0) + row_number() over (order by t.account_key),
       t.account_key, t.platform, t.handle, t.url, t.display_name
from touched_accounts t
where t.account_key not in (select account_key from accounts);

-- Keep the URL and display name of the most recent row seen so far, whichever file came first.
update accounts a
set url = coalesce(t.url, a.url),
    display_name = coalesce(t.display_name, a.display_name)
from touched_accounts t
left join known_latest n using (account_key)
where a.account_key = t.account_key
  and (a.last_seen is null or t.latest > a.last_seen or (t.latest = a.last_seen and coalesce(n.newer, true)));

drop table known_latest;

-- The rows that load, with their account id; narrow on purpose: the wide text columns stay in typed and are
-- copied once, into detections. A superseded row (an earlier state of a detection listed again in the file) gives
-- status events and identifier links only.
create or replace temp table stg_rows as
with key_accounts as (
    select t.key_no, a.account_id
    from touched_accounts t
    join accounts a using (account_key)
)
select d._row, d.detection_id, a.account_id, d.detected_at, d.reported_at, d.blocked_at, d.status_changed_at,
       d.status, d.status_at, d._row in (select _row from stg_superseded) as superseded
from stg_valid d join key_accounts a using (key_no);

create or replace temp table new_detection_ids as
select detection_id from stg_rows
where not superseded and detection_id not in (select detection_id from detections);

-- A detection already known is replaced only by a row that is at least as recent, so importing an older
-- export after a newer one does not roll a status back; of two at the same instant (a report and the block of
-- the same day), the one later in the lifecycle.
create or replace temp table incoming as
select s._row, s.detection_id, s.account_id
from stg_rows s
left join detections d using (detection_id)
where not s.superseded
  and (d.detection_id is null
       or jaring_row_recency(s.status_changed_at, s.detected_at, s.reported_at, s.blocked_at, s.status)
          >= jaring_row_recency(d.status_changed_at, d.detected_at, d.reported_at, d.blocked_at, d.status));

delete from detections where detection_id in (select detection_id from incoming);

insert into detections by name
select d.detection_id, i.account_id, d.detected_at, d.content_url, d.content_text, d.target_region_raw,
       d.target_region_code, d.destination_country, d.status, d.reported_at, d.blocked_at, d.status_changed_at,
       d.lat, d.lon, (select import_id from ctx) as import_id
from incoming i
join stg_detections d using (_row);

drop table incoming;
drop view stg_detections;
drop view stg_valid;
drop table typed;

-- Status events. Each date column is an event; a status without its own date column dates from status_at.
insert into status_history by name
with events as (  -- union all: the select distinct below removes the repeats once
    select account_id, 'reported' as status, reported_at as changed_at from stg_rows where reported_at is not null
    union all
    select account_id, 'blocked', blocked_at from stg_rows where blocked_at is not null
    union all
    select account_id, status, status_at from stg_rows
    where status in ('rejected', 'restored')
       or (status = 'reported' and reported_at is null)
       or (status = 'blocked' and blocked_at is null)
)
select distinct e.account_id, e.status, e.changed_at, (select import_id from ctx) as import_id
from events e
where not exists (
    select 1 from status_history h
    where h.account_id = e.account_id and h.status = e.status and h.changed_at = e.changed_at
);

-- The 'detected' event sits at the account's first detection; an older detection moves it.
create or replace temp table first_seen_now as
select account_id, min(detected_at) as first_seen, max(detected_at) as last_seen
from detections
where account_id in (select account_id from stg_rows)
group by account_id;

delete from status_history h
using first_seen_now f
where h.account_id = f.account_id and h.status = 'detected' and h.changed_at <> f.first_seen;

insert into status_history by name
select f.account_id, 'detected' as status, f.first_seen as changed_at, (select import_id from ctx) as import_id
from first_seen_now f
where not exists (
    select 1 from status_history h where h.account_id = f.account_id and h.status = 'detected'
);

-- Derived account state from the event log. Ties on the same instant order by the lifecycle.
create or replace temp table account_state as
with ordered as (
    select h.*,
           row_number() over (
               partition by account_id
               order by changed_at desc, jaring_lifecycle_rank(status) desc) as recency
    from status_history h
    where account_id in (select account_id from first_seen_now)
), last_restore as (
    select account_id, max(changed_at) as restored_at from ordered where status = 'restored' group by account_id
)
select o.account_id,
       o.status,
       case when o.status = 'blocked' then o.changed_at end as blocked_at,
       (select min(r.changed_at) from ordered r
        where r.account_id = o.account_id and r.status = 'reported'
          and r.changed_at >= coalesce((select restored_at from last_restore l where l.account_id = o.account_id),
                                       timestamp '1900-01-01')) as reported_at
from ordered o
where o.recency = 1;

update accounts a
set first_seen = f.first_seen, last_seen = f.last_seen,
    status = s.status, blocked_at = s.blocked_at, reported_at = s.reported_at
from first_seen_now f join account_state s using (account_id)
where a.account_id = f.account_id;

-- A staged row is one detection of one account (stg_detections keeps one row per detection id), so the
-- links are grouped on integers first (the first field, in name order, that holds the identifier) and
-- given their account, detection and field name afterwards.
insert into account_identifiers by name
with links as (
    select s._row, p.identifier_id, min(p.field_no) as field_no
    from row_values s  -- the join with stg_rows below keeps the rows that load
    join value_identifiers p using (value_id)
    group by all
)
select r.account_id, l.identifier_id, r.detection_id, f.source_field, (select import_id from ctx) as import_id
from links l
join stg_rows r using (_row)
join source_fields f using (field_no)
anti join account_identifiers ai using (account_id, identifier_id, detection_id)
where not r.superseded;

-- An earlier state of a detection in the file (a superseded row) adds the identifiers its kept row does not have,
-- as an earlier export's row of it would: its post once held them. Few rows; the stored links are narrowed to
-- their detections before the anti-join.
insert into account_identifiers by name
with links as (
    select s._row, p.identifier_id, min(p.field_no) as field_no
    from row_values s
    semi join stg_superseded using (_row)
    join value_identifiers p using (value_id)
    group by all
),

earlier as (
    select r.account_id, l.identifier_id, r.detection_id, min(l.field_no) as field_no
    from links l
    join stg_rows r using (_row)
    group by all
),

stored as (
    select account_id, identifier_id, detection_id
    from account_identifiers
    where detection_id in (select detection_id from stg_superseded)
)

select e.account_id, e.identifier_id, e.detection_id, f.source_field, (select import_id from ctx) as import_id
from earlier e
join source_fields f using (field_no)
anti join stored s using (account_id, identifier_id, detection_id);

drop table row_values;
drop table stg_superseded;

create or replace temp table merge_counts as
select
    (select count(*) from touched_accounts where account_key not in
        (select a.account_key from accounts a join before_status b using (account_id)))::integer as new_accounts,
    (select count(*) from new_detection_ids)::integer as new_detections,
    (select count(*) from accounts a join before_status b using (account_id)
     where a.status is distinct from b.status)::integer as status_changes,
    0 as new_cases;
