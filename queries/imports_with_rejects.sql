-- Imports that rejected at least one row, newest first, for the import filter of the rejected-rows table.
-- Grain: one row per import. No parameters.
with final as (
    select i.import_id, i.file_name, i.kind, i.rows_rejected
    from imports i
    where i.rows_rejected > 0
)

select * from final
order by import_id desc
