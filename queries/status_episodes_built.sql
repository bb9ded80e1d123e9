-- Whether status_episode_events is built in this database: the importer brings it up to date after every import
-- and records that in status_episode_state. A file last written by an older version lacks that table, and a failed
-- rebuild drops it; the briefing then derives episodes from status_history (the *_from_history queries).
-- Grain: one row. No parameters.
with state_table as (
    select count(*) as present
    from duckdb_tables() t
    where t.database_name = current_database() and t.schema_name = 'main' and not t.temporary
      and t.table_name = 'status_episode_state'
),

final as (
    select s.present > 0 as built
    from state_table s
)

select * from final
