-- Stage a case export: typed rows, rejects with reasons, recruiter identifiers, unresolved origins.
-- Reads temp tables src, ctx, map_country, map_victims, map_regency, map_province (built
-- by jaring.staging) and the table cases (a known case id). Writes temp tables stg_* and blank_rows(rows).

create or replace temp table typed as
select
    s._row,
    s._too_long,
    jaring_source_id(s.case_id) as source_id,
    s.reported_at as reported_raw,
    jaring_timestamp(s.reported_at) as reported_at,
    s.origin_province,
    s.origin_regency,
    concat_ws(', ', s.origin_regency, s.origin_province) as origin_raw,
    coalesce(rg.code, pv.code) as origin_region_code,
    c.value as destination_country,
    s.destination_country as destination_raw,
    s.case_type,
    s.channel,
    s.victims as victims_raw,
    v.value as victims,
    s.status,
    s.description
from src s
left join map_regency rg on rg.raw = s.origin_regency and rg.hint is not distinct from s.origin_province
left join map_province pv on pv.raw = s.origin_province
left join map_country c on c.raw = s.destination_country
left join map_victims v on v.raw = s.victims
where not s._blank;  -- an empty separator row is no data (jaring.staging.build_source)

-- How many rows held no value at all (typed leaves them out): they count as neither read nor rejected.
create or replace temp table blank_rows as
select (select count(*) from raw) - (select count(*) from typed) as rows;

drop view src;

create or replace temp table stg_rejects as
with reasons as (
    select _row, case
        when _too_long then 'a cell is longer than 20,000 characters'
        when reported_raw is null then 'no report date'
        when reported_at is null then 'unreadable or impossible report date ''' || reported_raw || ''''
        when reported_at < timestamp '2000-01-01' or reported_at > (select now_jakarta from ctx) + interval 1 day
            then 'date outside 2000 to today'
        when victims_raw is not null and (victims is null or victims < 1)
            then 'unreadable number of victims ''' || victims_raw || ''''
    end as reason
    from typed
),

-- A case id names one complaint, made on one day. A row that gives a known id with another report day is not
-- that case: an "ID" column that only numbers each file's rows would otherwise replace an earlier export's cases.
known_ids as (
    select t._row,
           'case id ''' || t.source_id || ''' already names a case reported on ' || strftime(c.reported_at, '%d/%m/%Y')
           || ': if the ID column only numbers the rows of each file, remove or rename it' as reason
    from typed t
    join cases c on c.case_id = t.source_id
    where cast(t.reported_at as date) <> cast(c.reported_at as date)
)

select _row, coalesce(r.reason, k.reason) as reason
from reasons r
left join known_ids k using (_row)
where coalesce(r.reason, k.reason) is not null;

-- Every row that loads, with its case id.
create or replace temp table stg_case_rows as
select
    t._row,
    coalesce(t.source_id, 'h:' || left(md5(concat_ws('|', t.reported_at::varchar, t.origin_raw,
                                                    t.destination_raw, t.case_type, t.description)), 20)) as case_id
from typed t
anti join stg_rejects using (_row);

-- One row per case: of two rows of one case in the file, the later (a case's status carries no date). The earlier
-- row's recruiter contacts are still linked to the case (queries/ingest/merge_cases.sql), as an earlier file's are.
create or replace temp table stg_cases as
select r.case_id, t.*
from typed t
join stg_case_rows r using (_row)
qualify row_number() over (partition by r.case_id order by t._row desc) = 1;

drop table typed;

create or replace temp table stg_unresolved as
select origin_raw as raw, 'origin' as field, count(*)::integer as rows
from stg_cases
where origin_raw <> '' and origin_region_code is null
group by all;
