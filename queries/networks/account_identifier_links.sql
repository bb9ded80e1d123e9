-- Account–identifier edges seen in detections, for the network computation.
-- Grain: one row per distinct account and identifier. No parameters.
with final as (
    select distinct ai.account_id, ai.identifier_id
    from account_identifiers ai
)

select account_id, identifier_id from final
