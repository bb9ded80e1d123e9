-- Stage the detections whose regions must be (re)computed, and the ad texts that may name a region.
-- $since: INTEGER, the last import already indexed (0 = index everything).
-- $raw_texts: VARCHAR[], target-region texts whose detections are redone as well (a geocode was accepted).
-- $pattern: VARCHAR, RE2 pattern matching any first word of a gazetteer alias between non-alphanumerics.
-- Writes temp tables todo and candidate_texts.

create or replace temp table todo as
select d.detection_id, d.content_text, d.target_region_code, d.target_region_raw, d.lat, d.lon,
       cast(d.detected_at as date) as day, d.account_id, a.platform, d.destination_country
from detections d
join accounts a on a.account_id = d.account_id
where d.import_id > $since or list_contains($raw_texts, d.target_region_raw);

-- The gazetteer only starts a match at the first word of an alias. For ASCII text, lower() and [a-z0-9]+ are
-- exactly its NFKC/casefold tokenisation, so a text without such a word names no region. Text with other
-- characters (styled letters that NFKC folds, accents) always goes to the gazetteer.
create or replace temp table candidate_texts as
with texts as (
    select distinct content_text from todo where content_text is not null
),

final as (
    select content_text
    from texts
    where regexp_matches(content_text, '[^\x01-\x7f]') or regexp_matches(lower(content_text), $pattern)
)

select * from final;
