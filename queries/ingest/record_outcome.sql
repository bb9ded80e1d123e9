-- Record what an import did: rejected rows, unresolved region texts, unreadable identifiers, and counts.
-- Reads temp tables ctx, read_counts(rows_read), all_rejects(_row, raw, reason), stg_unresolved,
-- stg_identifier_problems,
-- merge_counts.

insert into rejects (import_id, row_number, raw, reason)
select (select import_id from ctx), _row, raw, reason from all_rejects;

insert into unresolved_regions (raw, field, import_id, rows)
select raw, field, (select import_id from ctx), rows from stg_unresolved;

insert into identifier_problems (raw, kind, import_id, rows)
select raw, kind, (select import_id from ctx), rows from stg_identifier_problems;

update imports set
    rows_read = (select rows_read from read_counts),
    rows_rejected = (select count(*) from all_rejects),
    rows_loaded = (select rows_read from read_counts) - (select count(*) from all_rejects),
    new_accounts = (select new_accounts from merge_counts),
    new_detections = (select new_detections from merge_counts),
    new_cases = (select new_cases from merge_counts),
    status_changes = (select status_changes from merge_counts),
    invalid_identifiers = (select coalesce(sum(rows), 0) from stg_identifier_problems)
where import_id = (select import_id from ctx);
