-- Every province of Indonesia with its Kemendagri code, alphabetical, for the province filter.
-- Grain: one row per province. No parameters.
with provinces as (
    select r.code, r.name
    from regions r
    where r.level = 'province'
),

final as (
    select code, name from provinces
)

select * from final
order by name
