-- Region names in the order the network summary breaks ties between equally frequent target regions.
-- Grain: one row per distinct region name, in name order. No parameters.
with final as (
    select distinct g.name
    from regions g
)

select name from final order by name
