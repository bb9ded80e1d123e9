-- Row counts of the main tables, for `jaring info` and the Data page.
-- Grain: one row per table. No parameters.
with final as (
    select 'imports' as table_name, count(*) as row_count from imports
    union all select 'accounts', count(*) from accounts
    union all select 'detections', count(*) from detections
    union all select 'status_history', count(*) from status_history
    union all select 'identifiers', count(*) from identifiers
    union all select 'account_identifiers', count(*) from account_identifiers
    union all select 'cases', count(*) from cases
    union all select 'case_identifiers', count(*) from case_identifiers
    union all select 'regions', count(*) from regions
    union all select 'rejects', count(*) from rejects
    union all select 'unresolved_regions', count(*) from unresolved_regions
)
select table_name, row_count from final
