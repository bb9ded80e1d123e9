-- Case–identifier edges for the network computation (recruiter contacts a victim reported).
-- Grain: one row per distinct case and identifier. No parameters.
with final as (
    select distinct ci.case_id, ci.identifier_id
    from case_identifiers ci
)

select case_id, identifier_id from final
