-- What the network summary needs of each case: its victims and destination country.
-- Grain: one row per case. No parameters.
with final as (
    select c.case_id, c.victims, c.destination_country
    from cases c
)

select case_id, victims, destination_country from final
