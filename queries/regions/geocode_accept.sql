-- Accept geocoder answers: from now on their region counts for the rows carrying that text.
-- $queries: VARCHAR[], the accepted texts. $now: TIMESTAMP, Jakarta time of the decision.
update geocode_cache
set accepted_at = $now
where list_contains($queries, query) and found and region_code is not null and accepted_at is null;
