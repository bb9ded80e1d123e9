-- Replace the region rows of the staged detections: column code, ad-text mentions, accepted geocodes, the
-- nearest regency to the coordinates for a detection nothing else places, else one 'none' row.
-- Reads temp tables todo, text_mentions(content_text, region_code), coordinate_regions(lat, lon, region_code).
-- $last_import_id: INTEGER, recorded as indexed. $built_at: TIMESTAMP, when.

delete from detection_regions where detection_id in (select detection_id from todo);

insert into detection_regions by name
with from_column as (
    select t.detection_id, t.target_region_code as region_code, 'column' as source, 1 as source_rank
    from todo t
    where t.target_region_code is not null
),

from_text as (
    select distinct t.detection_id, m.region_code, 'text' as source, 2 as source_rank
    from todo t
    join text_mentions m on m.content_text = t.content_text
),

from_geocode as (
    select t.detection_id, g.region_code, 'geocoded' as source, 3 as source_rank
    from todo t
    join geocode_cache g on g.query = t.target_region_raw
    where t.target_region_code is null and g.accepted_at is not null and g.region_code is not null
),

named as (
    select * from from_column
    union all
    select * from from_text
    union all
    select * from from_geocode
),

from_coordinates as (
    select t.detection_id, c.region_code, 'coordinates' as source, 4 as source_rank
    from todo t
    join coordinate_regions c on c.lat = t.lat and c.lon = t.lon
    where t.detection_id not in (select detection_id from named)
),

placed as (
    select * from named
    union all
    select * from from_coordinates
),

unplaced as (
    select t.detection_id, null::varchar as region_code, 'none' as source, 5 as source_rank
    from todo t
    where t.detection_id not in (select detection_id from placed)
),

ranked as (
    select r.*,
           row_number() over (partition by r.detection_id order by r.source_rank, r.region_code) as detection_rank,
           row_number() over (partition by r.detection_id, r.region_code order by r.source_rank) as region_rank,
           row_number() over (partition by r.detection_id, left(r.region_code, 2)
                              order by r.source_rank, r.region_code) as province_rank
    from (select * from placed union all select * from unplaced) r
),

final as (
    select r.detection_id, r.region_code, r.source, left(r.region_code, 2) as province_code,
           r.detection_rank = 1 as counts_detection,
           coalesce(length(r.region_code) = 5, false) and r.region_rank = 1 as counts_regency,
           r.region_code is not null and r.province_rank = 1 as counts_province,
           t.day, t.account_id, t.platform, t.destination_country,
           coalesce(trim(t.target_region_raw), '') <> '' as has_region_text
    from ranked r
    join todo t on t.detection_id = r.detection_id
)

select * from final;

delete from region_index_state;

insert into region_index_state (last_import_id, built_at) values ($last_import_id, $built_at);
