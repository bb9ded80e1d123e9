-- The tables of the database and their columns, in table order, for the Data page's schema section.
-- Grain: one row per column of a table in the main schema. No parameters.
with table_columns as (
    select c.table_name, c.column_index, c.column_name, c.data_type
    from duckdb_columns() c
    where c.database_name = current_database()
      and c.schema_name = 'main'
      and not c.internal
),

final as (
    select table_name, column_name, data_type, column_index from table_columns
)

select table_name, column_name, data_type from final
order by table_name, column_index
