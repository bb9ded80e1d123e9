-- Question: the hub limit the last network computation used (null before the first computation).
-- Grain: one row. No parameters.
with final as (
    select max(s.hub_account_limit) as hub_account_limit from network_settings s
)

select hub_account_limit from final
