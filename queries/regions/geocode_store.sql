-- Store geocoder answers (found or not) in the cache; a text asked again replaces its earlier answer and
-- must be accepted again. Reads the registered frame geocode_batch with the columns of geocode_cache.
insert or replace into geocode_cache (query, found, lat, lon, display_name, region_code, distance_km, fetched_at,
                                      accepted_at)
select query, found, lat, lon, display_name, region_code, distance_km, fetched_at, null
from geocode_batch;
