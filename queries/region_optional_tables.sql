-- Which of the tables that other steps build are present in this database (older files may lack them).
-- Grain: one row per present table among detection_regions, region_index_state, geocode_cache, networks,
-- network_members. No parameters.
with present as (
    select t.table_name
    from duckdb_tables() t
    where t.database_name = current_database() and t.schema_name = 'main' and not t.temporary
),

final as (
    select table_name
    from present
    where table_name in ('detection_regions', 'region_index_state', 'geocode_cache', 'networks',
                         'network_members')
)

select * from final
order by table_name
