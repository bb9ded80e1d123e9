-- How many detections and cases of a period the maps cannot place, so nothing is silently dropped.
-- Grain: one row. Rows without a region cannot match a province, so the province filter does not apply.
-- $start, $end: DATE, the period (inclusive). $platforms: VARCHAR[] (detections only; empty = all).
-- $countries: VARCHAR[], ISO2 destinations (empty = all).
with period_detections as (
    select r.source, r.has_region_text
    from detection_regions r
    where r.counts_detection and r.day between $start and $end
        and (len($platforms) = 0 or list_contains($platforms, r.platform))
        and (len($countries) = 0 or list_contains($countries, r.destination_country))
),

period_cases as (
    select o.victims, o.region_code is null as unplaced
    from case_origins($countries) o
    where o.day between $start and $end
),

final as (
    select
        (select count(*) from period_detections)::bigint as detections,
        (select count(*) from period_detections where source = 'none')::bigint as detections_unplaced,
        (select count(*) from period_detections where source = 'none' and has_region_text)::bigint
            as detections_unplaced_with_text,
        (select count(*) from period_cases)::bigint as cases,
        (select count(*) from period_cases where unplaced)::bigint as cases_unplaced,
        (select coalesce(sum(victims), 0) from period_cases where unplaced)::bigint as victims_unplaced
)

select * from final
