-- Table macros shared by the read queries, created once on every reader connection (jaring.db.Reader).
-- They live in the reader's in-memory catalog, so they name the attached database (`jaring`) explicitly.

-- The accounts the sidebar filters keep: on one of `platforms` (empty = every platform), and, when provinces
-- or countries are given, with a detection that targets one of `provinces` naming one of `countries`
-- (empty = any). Two branches so that without a province or country filter the detections are not scanned.
create or replace macro accounts_in_scope(platforms, provinces, countries) as table
select a.account_id, a.platform, a.first_seen
from jaring.accounts a
where (len(platforms) = 0 or list_contains(platforms, a.platform))
  and len(provinces) = 0 and len(countries) = 0
union all
select a.account_id, a.platform, a.first_seen
from jaring.accounts a
where (len(platforms) = 0 or list_contains(platforms, a.platform))
  and (len(provinces) > 0 or len(countries) > 0)
  and a.account_id in (
      select d.account_id
      from jaring.detections d
      left join jaring.regions r on r.code = d.target_region_code
      where (len(provinces) = 0 or list_contains(provinces, r.province_code))
        and (len(countries) = 0 or list_contains(countries, d.destination_country))
  );
