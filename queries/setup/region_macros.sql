-- Table macros of the region queries, created on a reader connection (jaring.db.Reader) only when the attached
-- file has geocode_cache: a macro's tables are bound when it is created, and older database files lack that table.
-- The region queries run only after regions.index_state found it. Like reader_macros, they name `jaring` explicitly.

-- Where each case came from, the one rule every region query counts cases by: the case's own origin code, else the
-- regency of an accepted geocoder answer for its origin text (accepting requires a region, geocode_accept.sql).
-- Grain: one row per case whose destination is one of `countries` (VARCHAR[], ISO2; empty = all).
-- region_code: a regency code, a province code (an origin known only to its province) or null (unplaced).
-- province_code: the origin's province, null when unplaced. day: the day the case was reported (reported_at as a date).
create or replace macro case_origins(countries) as table
select c.case_id, c.case_type, c.destination_country, c.victims, cast(c.reported_at as date) as day,
       coalesce(c.origin_region_code, g.region_code) as region_code,
       coalesce(c.origin_province_code, left(coalesce(c.origin_region_code, g.region_code), 2)) as province_code
from jaring.cases c
left join jaring.geocode_cache g
    on g.query = c.origin_raw and c.origin_region_code is null and g.accepted_at is not null
where len(countries) = 0 or list_contains(countries, c.destination_country);
