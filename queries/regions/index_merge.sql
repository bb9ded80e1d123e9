-- Replace the region rows of the detections todo_detections($since, $raw_texts) names (queries/regions/
-- index_todo.sql): column code, ad-text mentions, accepted geocodes, the nearest regency to the coordinates for
-- a detection nothing else places, else one 'none' row.
-- Reads text_mentions(content_text, region_code) and coordinate_regions(lat, lon, region_code) (registered).
-- $since: INTEGER and $raw_texts: VARCHAR[], as given to queries/regions/index_todo.sql.
-- $last_import_id: INTEGER, recorded as indexed. $built_at: TIMESTAMP, when.
-- Shaped for a million detections: the common case (the column alone) is one pass over the detections; only the
-- few with text mentions or without a column code are staged (temp table todo), joined and ranked.

delete from detection_regions
where detection_id in (select t.detection_id from todo_detections($since, $raw_texts) t);

create or replace temp table todo as
select t.*
from todo_detections($since, $raw_texts) t
where t.target_region_code is null or t.content_text in (select m.content_text from text_mentions m);

insert into detection_regions by name
with extra as (
    select distinct t.detection_id, m.region_code, 'text' as source, 2 as source_rank
    from todo t
    join text_mentions m on m.content_text = t.content_text
    union all
    select t.detection_id, g.region_code, 'geocoded' as source, 3 as source_rank
    from todo t
    join geocode_cache g on g.query = t.target_region_raw
    where t.target_region_code is null and g.accepted_at is not null and g.region_code is not null
),

from_coordinates as (
    select t.detection_id, c.region_code, 'coordinates' as source
    from todo t
    join coordinate_regions c on c.lat = t.lat and c.lon = t.lon
    where t.target_region_code is null and t.detection_id not in (select detection_id from extra)
),

unplaced as (
    select t.detection_id, null::varchar as region_code, 'none' as source
    from todo t
    where t.target_region_code is null
        and t.detection_id not in (select detection_id from extra)
        and t.detection_id not in (select detection_id from from_coordinates)
),

-- A detection with a column code is in todo exactly when an ad-text mention adds to it.
column_only as (
    select t.detection_id, t.target_region_code as region_code, 'column' as source, true as counts_detection,
           length(t.target_region_code) = 5 as counts_regency, true as counts_province,
           t.day, t.account_id, t.platform, t.destination_country,
           coalesce(trim(t.target_region_raw), '') <> '' as has_region_text
    from todo_detections($since, $raw_texts) t
    where t.target_region_code is not null and t.detection_id not in (select s.detection_id from todo s)
),

one_row as (
    select detection_id, region_code, source, true as counts_detection,
           coalesce(length(region_code) = 5, false) as counts_regency, region_code is not null as counts_province
    from (select * from from_coordinates union all select * from unplaced) o
),

mixed_rows as (
    select t.detection_id, t.target_region_code as region_code, 'column' as source, 1 as source_rank
    from todo t
    where t.target_region_code is not null and t.detection_id in (select detection_id from extra)
    union all
    select * from extra
),

-- A detection named by several sources: each region and province counts once, the strongest source first.
mixed as (
    select detection_id, region_code, source,
           row_number() over (partition by detection_id order by source_rank, region_code) = 1 as counts_detection,
           length(region_code) = 5
               and row_number() over (partition by detection_id, region_code order by source_rank) = 1
               as counts_regency,
           row_number() over (partition by detection_id, left(region_code, 2) order by source_rank, region_code) = 1
               as counts_province
    from mixed_rows
),

joined as (
    select f.*, t.day, t.account_id, t.platform, t.destination_country,
           coalesce(trim(t.target_region_raw), '') <> '' as has_region_text
    from (select * from one_row union all select * from mixed) f
    join todo t on t.detection_id = f.detection_id
),

final as (
    select *, left(region_code, 2) as province_code from column_only
    union all by name
    select *, left(region_code, 2) as province_code from joined
)

select * from final;

delete from region_index_state;

insert into region_index_state (last_import_id, built_at) values ($last_import_id, $built_at);
