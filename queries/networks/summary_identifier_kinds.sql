-- The identifier kind as the network summary counts it: 0 phone, 1 bank account, 2 e-wallet, 3 any other kind.
-- Grain: one row per identifier. No parameters.
with final as (
    select i.identifier_id,
           cast(case i.kind when 'phone' then 0 when 'bank_account' then 1 when 'ewallet' then 2 else 3 end
                as tinyint) as kind_group
    from identifiers i
)

select identifier_id, kind_group from final
