-- Region texts the gazetteer could not place, with how many rows carry them: what the map is missing.
-- Grain: one row per text per field (target_region for detections, origin for cases). No parameters.
with texts as (
    select u.raw as raw_text, u.field, sum(u.rows)::bigint as rows, count(distinct u.import_id) as imports,
           max(u.import_id) as last_import_id
    from unresolved_regions u
    group by u.raw, u.field
),

final as (
    select raw_text, field, rows, imports, last_import_id from texts
)

select * from final
order by rows desc, raw_text
