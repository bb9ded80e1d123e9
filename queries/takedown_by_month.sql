-- Takedown figures per Jakarta calendar month and platform: accounts detected, reported and blocked, the days
-- each block took, reports still waiting at month end by age, and how report episodes fared after 7/30/90 days.
-- Covers every month from the first to the last status event in the database and every platform, so the page
-- slices the period and the platforms from one result (changing them needs no new query). With a province or
-- country filter the page asks takedown_in_view.sql instead, for the months and platforms on screen only.
-- Grain: one row per month x platform, for every platform of the accounts in scope; quiet months are zeros.
-- Parameters:
--   $provinces  VARCHAR[]  province codes targeted by a detection; empty list = all provinces.
--   $countries  VARCHAR[]  ISO 3166 alpha-2 destination countries of a detection; empty list = all countries.
--   An account is in scope when one of its detections matches both lists (each applies only when not empty).
-- Definitions: the takedown_figures macro in queries/setup/reader_macros.sql (README "Briefing definitions").
-- Reads status_episode_events, built at import (takedown_by_month_from_history: the same from status_history).
with final as (
    select *
    from takedown_figures([]::varchar[], $provinces, $countries, []::date[])
)

select * from final
order by month, platform
