-- Whether the recruiter network tables exist (a database never imported into lacks them), and how many
-- accounts there are, so the Networks page can explain an empty view or offer to compute the networks.
-- Grain: one row. No parameters.
with network_tables as (
    select count(*) as n
    from duckdb_tables() t
    where t.database_name = current_database()
      and t.table_name in ('networks', 'network_members', 'network_merges', 'network_hubs',
                           'network_handle_links', 'network_hub_decisions', 'network_settings',
                           'network_summary')
),

final as (
    select (select n from network_tables) = 8 as present,
           (select count(*) from accounts) as accounts
)

select present, accounts from final
