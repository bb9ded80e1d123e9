-- Every destination country a detection or a case names, in code order (the summary's tie order), with its
-- Indonesian and English name (the code itself for a country the reference table lacks).
-- Grain: one row per distinct destination country code. No parameters.
with seen as (
    select d.destination_country as iso2
    from detections d
    where d.destination_country is not null
    union
    select c.destination_country
    from cases c
    where c.destination_country is not null
),

final as (
    select s.iso2, coalesce(k.name_id, s.iso2) as name_id, coalesce(k.name_en, s.iso2) as name_en
    from seen s
    left join countries k on k.iso2 = s.iso2
)

select iso2, name_id, name_en from final order by iso2
