-- Replace the region rows of the staged detections: column code, ad-text mentions, accepted geocodes, and
-- the nearest regency to the coordinates for a detection that nothing else places.
-- Reads temp tables todo, text_mentions(content_text, region_code), coordinate_regions(lat, lon, region_code).
-- $last_import_id: INTEGER, recorded as indexed. $built_at: TIMESTAMP, when.

delete from detection_regions where detection_id in (select detection_id from todo);

insert into detection_regions (detection_id, region_code, source)
with from_column as (
    select t.detection_id, t.target_region_code as region_code, 'column' as source
    from todo t
    where t.target_region_code is not null
),

from_text as (
    select distinct t.detection_id, m.region_code, 'text' as source
    from todo t
    join text_mentions m on m.content_text = t.content_text
),

from_geocode as (
    select t.detection_id, g.region_code, 'geocoded' as source
    from todo t
    join geocode_cache g on g.query = t.target_region_raw
    where t.target_region_code is null and g.accepted_at is not null and g.region_code is not null
),

placed as (
    select detection_id from from_column
    union
    select detection_id from from_text
    union
    select detection_id from from_geocode
),

from_coordinates as (
    select t.detection_id, c.region_code, 'coordinates' as source
    from todo t
    join coordinate_regions c on c.lat = t.lat and c.lon = t.lon
    where t.detection_id not in (select detection_id from placed)
),

final as (
    select * from from_column
    union all
    select * from from_text
    union all
    select * from from_geocode
    union all
    select * from from_coordinates
)

select detection_id, region_code, source from final;

delete from region_index_state;

insert into region_index_state (last_import_id, built_at) values ($last_import_id, $built_at);
