-- What the geocoder answered for each asked text, with the regency it points to, for the analyst to accept.
-- Grain: one row per asked text; accepted ones when $accepted is true, else those still waiting (found or not).
-- $accepted: BOOLEAN.
with usage as (
    select u.raw as query, sum(u.rows)::bigint as rows
    from unresolved_regions u
    group by u.raw
),

final as (
    select g.query, coalesce(u.rows, 0) as rows, g.found, g.display_name, g.region_code, r.name as region_name,
           p.name as province_name, g.distance_km, g.lat, g.lon, g.fetched_at, g.accepted_at
    from geocode_cache g
    left join usage u on u.query = g.query
    left join regions r on r.code = g.region_code
    left join regions p on p.code = r.province_code
    where (g.accepted_at is not null) = $accepted
)

select * from final
order by rows desc, query
