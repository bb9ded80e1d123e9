-- Which kinds of data the database holds (real exports, synthetic demo data), for the banner on every page.
-- Grain: one row per import source ('real' or 'demo'). No parameters.
with imports_by_source as (
    select i.source, count(*) as imports, sum(i.rows_loaded)::bigint as rows_loaded
    from imports i
    group by i.source
),

final as (
    select source, imports, rows_loaded from imports_by_source
)

select * from final
order by source
