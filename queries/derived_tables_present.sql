-- Which of the tables built after an import (the region index, geocoding answers, the recruiter networks) this
-- database has, and whether each has its current layout: a file from an older version may lack some, or hold
-- detection_regions in an older layout that needs a rebuild.
-- Grain: one row per present table among those listed below. No parameters.
with present as (
    select t.table_name
    from duckdb_tables() t
    where t.database_name = current_database() and t.schema_name = 'main' and not t.temporary
        and t.table_name in ('detection_regions', 'region_index_state', 'geocode_cache', 'networks',
                             'network_members', 'network_merges', 'network_hubs', 'network_handle_links',
                             'network_hub_decisions', 'network_settings', 'network_summary')
),

layout as (
    select count(*) > 0 as current_layout
    from duckdb_columns() c
    where c.database_name = current_database() and c.schema_name = 'main'
        and c.table_name = 'detection_regions' and c.column_name = 'counts_detection'
),

final as (
    select p.table_name,
           case when p.table_name = 'detection_regions' then (select current_layout from layout) else true end
               as current_layout
    from present p
)

select * from final
order by table_name
