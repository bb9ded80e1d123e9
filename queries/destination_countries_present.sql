-- Destination countries named by any detection or case, with Indonesian and English names, for the country
-- filter. A code missing from the reference table keeps the code as its name.
-- Grain: one row per ISO 3166 alpha-2 code. No parameters.
with codes as (
    select d.destination_country as iso2, count(*) as detections, 0 as cases
    from detections d
    where d.destination_country is not null
    group by d.destination_country
    union all
    select c.destination_country, 0, count(*)
    from cases c
    where c.destination_country is not null
    group by c.destination_country
),

final as (
    select k.iso2,
           coalesce(any_value(n.name_id), k.iso2) as name_id,
           coalesce(any_value(n.name_en), k.iso2) as name_en,
           sum(k.detections)::bigint as detections,
           sum(k.cases)::bigint as cases
    from codes k
    left join countries n on n.iso2 = k.iso2
    group by k.iso2
)

select * from final
order by name_id
