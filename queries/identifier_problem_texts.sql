-- Phone, bank account and e-wallet cells that did not normalise, with how many rows carry them.
-- Grain: one row per text per identifier kind. No parameters.
with texts as (
    select p.raw as raw_text, p.kind, sum(p.rows)::bigint as rows, count(distinct p.import_id) as imports,
           max(p.import_id) as last_import_id
    from identifier_problems p
    group by p.raw, p.kind
),

final as (
    select raw_text, kind, rows, imports, last_import_id from texts
)

select * from final
order by rows desc, raw_text
