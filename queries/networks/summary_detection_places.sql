-- Where each detection points, as positions for the network summary: its target region's name in $region_names
-- and its destination country in $countries (0-based; -1 when it names none).
-- $region_names VARCHAR[]: every region name (queries/networks/summary_region_names.sql).
-- $countries VARCHAR[]: every destination country code (queries/networks/summary_countries.sql).
-- Grain: one row per detection.
with region_positions as (
    select g.code, cast(list_position(cast($region_names as varchar[]), g.name) - 1 as integer) as region_position
    from regions g
),

country_positions as (
    select unnest(cast($countries as varchar[])) as iso2,
           cast(generate_subscripts(cast($countries as varchar[]), 1) - 1 as integer) as country_position
),

final as (
    select d.account_id, coalesce(r.region_position, -1) as region_position,
           coalesce(c.country_position, -1) as country_position
    from detections d
    left join region_positions r on r.code = d.target_region_code
    left join country_positions c on c.iso2 = d.destination_country
)

select account_id, region_position, country_position from final
