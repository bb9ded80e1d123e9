-- Which tables that other steps build (the recruiter networks of jaring.networks) exist in this database yet.
-- Grain: one row per present table among networks and network_members. No parameters.
with present as (
    select t.table_name
    from duckdb_tables() t
    where t.database_name = current_database() and t.schema_name = 'main' and not t.temporary
),

final as (
    select p.table_name
    from present p
    where p.table_name in ('networks', 'network_members')
)

select * from final
order by table_name
