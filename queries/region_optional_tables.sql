-- Which of the tables that other steps build are present in this database (older files may lack them), and
-- whether detection_regions has its current layout (an older layout needs a rebuild).
-- Grain: one row per present table among detection_regions, region_index_state, geocode_cache, networks,
-- network_members. No parameters.
with present as (
    select t.table_name
    from duckdb_tables() t
    where t.database_name = current_database() and t.schema_name = 'main' and not t.temporary
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
    where p.table_name in ('detection_regions', 'region_index_state', 'geocode_cache', 'networks',
                           'network_members')
)

select * from final
order by table_name
