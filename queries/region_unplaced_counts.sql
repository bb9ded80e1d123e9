-- How many detections and cases of a period the maps cannot place, so nothing is silently dropped.
-- Grain: one row. Rows without a region cannot match a province, so the province filter does not apply.
-- $start, $end: DATE, the period (inclusive). $platforms: VARCHAR[] (detections only; empty = all).
-- $countries: VARCHAR[], ISO2 destinations (empty = all).
with period_detections as (
    select d.detection_id, d.target_region_raw
    from detections d
    join accounts a on a.account_id = d.account_id
    where cast(d.detected_at as date) between $start and $end
        and (len($platforms) = 0 or list_contains($platforms, a.platform))
        and (len($countries) = 0 or list_contains($countries, d.destination_country))
),

unplaced_detections as (
    select p.detection_id, p.target_region_raw
    from period_detections p
    anti join detection_regions r on r.detection_id = p.detection_id
),

period_cases as (
    select c.case_id, c.origin_raw, c.victims,
           c.origin_region_code is null and g.query is null as unplaced
    from cases c
    left join geocode_cache g
        on g.query = c.origin_raw and c.origin_region_code is null and g.accepted_at is not null
    where cast(c.reported_at as date) between $start and $end
        and (len($countries) = 0 or list_contains($countries, c.destination_country))
),

final as (
    select
        (select count(*) from period_detections)::bigint as detections,
        (select count(*) from unplaced_detections)::bigint as detections_unplaced,
        (select count(*) from unplaced_detections where coalesce(trim(target_region_raw), '') <> '')::bigint
            as detections_unplaced_with_text,
        (select count(*) from period_cases)::bigint as cases,
        (select count(*) from period_cases where unplaced)::bigint as cases_unplaced,
        (select coalesce(sum(victims), 0) from period_cases where unplaced)::bigint as victims_unplaced
)

select * from final
