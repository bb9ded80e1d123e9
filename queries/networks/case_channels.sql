-- The recruitment channels written in cases, to map them to platform codes in Python.
-- Grain: one row per distinct channel text. No parameters.
with final as (
    select distinct c.channel
    from cases c
    where c.channel is not null
)

select channel from final
