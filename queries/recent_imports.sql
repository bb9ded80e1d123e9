-- The latest imports, newest first, for `jaring info` and the Data page's import history.
-- Grain: one row per import.
-- $limit: INTEGER, how many imports to return.
with final as (
    select import_id, kind, file_name, source, rows_read, rows_loaded, rows_rejected, new_accounts,
           new_detections, new_cases, status_changes, invalid_identifiers, started_at, finished_at, sha256
    from imports
)
select * from final
order by import_id desc
limit $limit
