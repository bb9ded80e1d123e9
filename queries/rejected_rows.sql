-- Rows the importer refused, with the reason and the row as read, so the analyst can fix and re-export.
-- Grain: one row per rejected file row. `total` repeats the number of matching rows before the limit.
-- $import_id: INTEGER or NULL, only this import (NULL = every import).
-- $reason: VARCHAR, case-insensitive text the reason must contain ('' = any reason).
-- $limit: INTEGER, at most this many rows.
with matching as (
    select r.import_id, i.file_name, r.row_number, r.reason, r.raw
    from rejects r
    join imports i on i.import_id = r.import_id
    where ($import_id is null or r.import_id = $import_id)
      and contains(lower(r.reason), lower($reason))
),

final as (
    select m.import_id, m.file_name, m.row_number, m.reason, m.raw, count(*) over () as total
    from matching m
)

select * from final
order by import_id desc, row_number
limit $limit
