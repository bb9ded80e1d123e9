-- Merge staged cases into cases and case_identifiers (after ingest/merge_identifiers). Idempotent.
-- Reads temp tables ctx(import_id, now_jakarta), stg_cases, stg_case_rows, row_values, value_identifiers.

create or replace temp table new_case_ids as
select case_id from stg_cases where case_id not in (select case_id from cases);

insert into cases by name
select case_id, reported_at, origin_region_code,
       (select r.province_code from regions r where r.code = s.origin_region_code) as origin_province_code,
       nullif(origin_raw, '') as origin_raw, destination_country, case_type, channel,
       coalesce(victims, 1) as victims, status, description, (select import_id from ctx) as import_id
from stg_cases s
on conflict (case_id) do update set
    reported_at = excluded.reported_at, origin_region_code = excluded.origin_region_code,
    origin_province_code = excluded.origin_province_code, origin_raw = excluded.origin_raw,
    destination_country = excluded.destination_country, case_type = excluded.case_type,
    channel = excluded.channel, victims = excluded.victims, status = excluded.status,
    description = excluded.description, import_id = excluded.import_id;

insert into case_identifiers by name
with links as (
    select c.case_id, p.identifier_id, min(p.field_no) as field_no
    from row_values s  -- the join with stg_case_rows below keeps the rows that load
    join value_identifiers p using (value_id)
    join stg_case_rows c using (_row)
    group by all
)
select l.case_id, l.identifier_id, f.source_field, (select import_id from ctx) as import_id
from links l
join source_fields f using (field_no)
anti join case_identifiers ci using (case_id, identifier_id);

drop table row_values;

drop table stg_case_rows;

create or replace temp table merge_counts as
select 0 as new_accounts, 0 as new_detections, 0 as status_changes,
       (select count(*) from new_case_ids)::integer as new_cases;
