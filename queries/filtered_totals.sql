-- How much data the global filters cover: detections, accounts, cases and victims in the chosen view.
-- Grain: exactly one row. Cases carry no platform, so the platform filter does not restrict them.
-- $start: DATE, first day of the period (inclusive).
-- $end: DATE, last day of the period (inclusive).
-- $platforms: VARCHAR[], normalised platform codes; empty list = every platform.
-- $provinces: VARCHAR[], province codes (target region for detections, origin for cases); empty = all.
-- $countries: VARCHAR[], ISO 3166 alpha-2 destination countries; empty = all.
-- The view's detections and cases: the detections_in_view / cases_in_view macros, queries/setup/reader_macros.sql.
with filtered_detections as (
    select v.detection_id, v.account_id
    from detections_in_view($start, $end, $platforms, $provinces, $countries) v
),

filtered_cases as (
    select v.case_id, v.victims
    from cases_in_view($start, $end, $provinces, $countries) v
),

final as (
    select (select count(*) from filtered_detections) as detections,
           (select count(distinct account_id) from filtered_detections) as accounts,
           (select count(*) from filtered_cases) as cases,
           (select coalesce(sum(victims), 0)::bigint from filtered_cases) as victims
)

select * from final
