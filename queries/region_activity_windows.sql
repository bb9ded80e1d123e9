-- For spotting newly active regencies: each regency's activity in a recent window and in the baseline before
-- it, and when it was first active at all (within the other filters).
-- Grain: one row per regency/city with any activity ever (inside the filters). Counts as in region_activity.
-- $window_start, $window_end: DATE, the recent window (inclusive).
-- $baseline_start, $baseline_end: DATE, the baseline period (inclusive).
-- $platforms: VARCHAR[] (detections only; empty = all). $provinces: VARCHAR[] province codes (empty = all).
-- $countries: VARCHAR[], ISO2 destinations (empty = all).
with detection_counts as (
    select r.region_code as code,
           count(*) filter (where r.day between $window_start and $window_end) as detections_now,
           count(*) filter (where r.day between $baseline_start and $baseline_end) as detections_base,
           min(r.day) as first_detection
    from detection_regions r
    where r.counts_regency
        and (len($platforms) = 0 or list_contains($platforms, r.platform))
        and (len($countries) = 0 or list_contains($countries, r.destination_country))
        and (len($provinces) = 0 or list_contains($provinces, r.province_code))
    group by r.region_code
),

case_days as (
    select o.region_code as code, o.province_code, o.day, o.victims
    from case_origins($countries) o
),

case_counts as (
    select code,
           count(*) filter (where day between $window_start and $window_end) as cases_now,
           count(*) filter (where day between $baseline_start and $baseline_end) as cases_base,
           coalesce(sum(victims) filter (where day between $window_start and $window_end), 0) as victims_now,
           coalesce(sum(victims) filter (where day between $baseline_start and $baseline_end), 0) as victims_base,
           min(day) as first_case
    from case_days
    where length(code) = 5 and (len($provinces) = 0 or list_contains($provinces, province_code))
    group by code
),

final as (
    select g.code, g.name, g.province_code, p.name as province_name,
           coalesce(dc.detections_now, 0)::bigint as detections_now,
           coalesce(dc.detections_base, 0)::bigint as detections_base,
           coalesce(cc.cases_now, 0)::bigint as cases_now,
           coalesce(cc.cases_base, 0)::bigint as cases_base,
           coalesce(cc.victims_now, 0)::bigint as victims_now,
           coalesce(cc.victims_base, 0)::bigint as victims_base,
           dc.first_detection,
           cc.first_case
    from regions g
    join regions p on p.code = g.province_code
    left join detection_counts dc on dc.code = g.code
    left join case_counts cc on cc.code = g.code
    where g.level = 'regency' and (dc.code is not null or cc.code is not null)
)

select * from final
order by code
