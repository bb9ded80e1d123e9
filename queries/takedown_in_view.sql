-- The takedown figures of takedown_by_month.sql for the months and platforms on screen only: what the Briefing page
-- asks once a province or country filter is set. That scope changes with each filter, so no all-months result can be
-- re-used, and reading only the months in view (and the reports still open when they begin) costs a fraction.
-- Grain: one row per month x platform, for the months in $months that the data covers and the platforms in
-- $platforms (every platform of the accounts in scope when empty); quiet months are zeros.
-- Parameters:
--   $platforms  VARCHAR[]  normalised platform codes; empty list = every platform.
--   $provinces  VARCHAR[]  province codes targeted by a detection; empty list = all provinces.
--   $countries  VARCHAR[]  ISO 3166 alpha-2 destination countries of a detection; empty list = all countries.
--   $months     DATE[]     first days of the months wanted; empty list = every month of the data.
--   An account is in scope when it is on a listed platform and one of its detections matches both region lists.
-- Definitions: the takedown_figures macro in queries/setup/reader_macros.sql (README "Briefing definitions").
with final as (
    select *
    from takedown_figures($platforms, $provinces, $countries, $months)
)

select * from final
order by month, platform
