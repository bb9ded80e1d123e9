-- Figures of every live network that do not depend on the page's filters, stored once per rebuild so the network
-- table stays fast with a hundred thousand networks: accounts (active = not blocked now), identifiers by kind,
-- platforms, first and last detection, linked cases and victims, top 3 target regions and destination countries
-- (detections and cases; Indonesian and English names). Reads the registered frame stg_network_summary, which
-- jaring.network_summary computes from the members of the rebuild (tests/fixtures/networks_summary_reference.sql
-- states the same figures as one query). No parameters.

create or replace table network_summary as
select cast(s.network_id as integer) as network_id,
       cast(s.accounts as bigint) as accounts,
       cast(s.active_accounts as bigint) as active_accounts,
       cast(s.blocked_accounts as bigint) as blocked_accounts,
       cast(s.phones as bigint) as phones,
       cast(s.bank_accounts as bigint) as bank_accounts,
       cast(s.ewallets as bigint) as ewallets,
       cast(s.other_identifiers as bigint) as other_identifiers,
       cast(s.platforms as varchar) as platforms,
       cast(s.first_seen as timestamp) as first_seen,
       cast(s.last_seen as timestamp) as last_seen,
       cast(s.cases as bigint) as cases,
       cast(s.victims as integer) as victims,
       cast(s.top_regions as varchar) as top_regions,
       cast(s.top_countries_id as varchar) as top_countries_id,
       cast(s.top_countries_en as varchar) as top_countries_en
from stg_network_summary s;
