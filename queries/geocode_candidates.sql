-- Which unresolved region texts could still be geocoded: texts the gazetteer could not place at import,
-- not yet asked, most rows first.
-- Grain: one row per text (detections' target region and cases' origin together), at most $limit rows;
-- `total` repeats how many such texts there are in all. $limit: INTEGER.
with texts as (
    select u.raw as query, sum(u.rows)::bigint as rows, string_agg(distinct u.field, ', ') as fields
    from unresolved_regions u
    where trim(u.raw) <> ''
    group by u.raw
),

final as (
    select t.query, t.rows, t.fields, count(*) over () as total
    from texts t
    anti join geocode_cache g on g.query = t.query
)

select * from final
order by rows desc, query
limit $limit
