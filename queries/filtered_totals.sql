-- How much data the global filters cover: detections, accounts, cases and victims in the chosen view.
-- Grain: exactly one row. Cases carry no platform, so the platform filter does not restrict them.
-- $start: DATE, first day of the period (inclusive).
-- $end: DATE, last day of the period (inclusive).
-- $platforms: VARCHAR[], normalised platform codes; empty list = every platform.
-- $provinces: VARCHAR[], province codes (target region for detections, origin for cases); empty = all.
-- $countries: VARCHAR[], ISO 3166 alpha-2 destination countries; empty = all.
with filtered_detections as (
    select d.detection_id, d.account_id
    from detections d
    join accounts a on a.account_id = d.account_id
    left join regions r on r.code = d.target_region_code
    where cast(d.detected_at as date) between $start and $end
      and (len($platforms) = 0 or list_contains($platforms, a.platform))
      and (len($provinces) = 0 or list_contains($provinces, r.province_code))
      and (len($countries) = 0 or list_contains($countries, d.destination_country))
),

filtered_cases as (
    select c.case_id, c.victims
    from cases c
    where cast(c.reported_at as date) between $start and $end
      and (len($provinces) = 0 or list_contains($provinces, c.origin_province_code))
      and (len($countries) = 0 or list_contains($countries, c.destination_country))
),

final as (
    select (select count(*) from filtered_detections) as detections,
           (select count(distinct account_id) from filtered_detections) as accounts,
           (select count(*) from filtered_cases) as cases,
           (select coalesce(sum(victims), 0)::bigint from filtered_cases) as victims
)

select * from final
