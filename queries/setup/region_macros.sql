-- Table macros of the region queries, created on a reader connection (jaring.db.Reader) only when the attached
-- file has geocode_cache and detection_regions: a macro's tables are bound when it is created, and older database
-- files lack them. The region queries run only after regions.index_state found the index. Like reader_macros, they
-- name `jaring` explicitly.

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

-- The detection-region rows that count for each of `codes` (VARCHAR[]: a province 'PP' covers its regencies, a
-- regency 'PP.RR' is itself) from `start_day` to `end_day` (DATE, inclusive), for accounts on `platforms` and
-- destinations `countries` (VARCHAR[]; empty = all): the one rule the region detail queries count detections by. A
-- detection counts once per regency and once per province it names (detection_regions.counts_*).
-- Grain: one row per code per counted detection.
create or replace macro region_detections(codes, start_day, end_day, platforms, countries) as table
with in_period as (
    select r.region_code, r.province_code, r.counts_regency, r.counts_province, r.account_id, r.day,
           r.destination_country
    from jaring.detection_regions r
    where r.day between start_day and end_day
        and (list_contains(codes, r.region_code) or list_contains(codes, r.province_code))  -- before the joins
        and (len(platforms) = 0 or list_contains(platforms, r.platform))
        and (len(countries) = 0 or list_contains(countries, r.destination_country))
),

wanted as (
    select unnest(codes) as code
),

final as (
    select w.code, p.account_id, p.day, p.destination_country
    from wanted w join in_period p on p.region_code = w.code
    where length(w.code) = 5 and p.counts_regency
    union all
    select w.code, p.account_id, p.day, p.destination_country
    from wanted w join in_period p on p.province_code = w.code
    where length(w.code) = 2 and p.counts_province
)

select * from final;
