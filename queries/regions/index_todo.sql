-- Name the detections whose regions must be (re)computed, and stage the ad texts that may name a region.
-- $since: INTEGER, the last import already indexed (0 = index everything).
-- $raw_texts: VARCHAR[], target-region texts whose detections are redone as well (a geocode was accepted).
-- $pattern: VARCHAR, RE2 pattern matching any first word of a gazetteer alias between non-alphanumerics.
-- Writes the temp table macros todo_rows(since, raw_texts) (those detections) and todo_detections(since,
-- raw_texts) (with their account's platform), called with the same two values by queries/regions/index_merge.sql,
-- and the temp table candidate_texts. The detections are read where they lie, never copied: a first import
-- indexes a million of them.

create or replace temp macro todo_rows(since, raw_texts) as table
select d.*
from detections d
where d.import_id > since or list_contains(raw_texts, d.target_region_raw);

create or replace temp macro todo_detections(since, raw_texts) as table
select d.detection_id, d.content_text, d.target_region_code, d.target_region_raw, d.lat, d.lon,
       cast(d.detected_at as date) as day, d.account_id, a.platform, d.destination_country
from todo_rows(since, raw_texts) d
join accounts a on a.account_id = d.account_id;

-- The gazetteer only starts a match at the first word of an alias. For ASCII text, lower() and [a-z0-9]+ are
-- exactly its NFKC/casefold tokenisation, so a text without such a word names no region. Text with other
-- characters (styled letters that NFKC folds, accents: more bytes than characters) always goes to the
-- gazetteer. The case-insensitive pattern matches ASCII text exactly when the lowered text matches the pattern,
-- without lowering a copy of every text; a text let through needlessly (here: one of a detection without an
-- account, which is not indexed) costs only a gazetteer look.
create or replace temp table candidate_texts as
with texts as (
    select distinct t.content_text
    from todo_rows($since, $raw_texts) t
    where t.content_text is not null
),

final as (
    select content_text
    from texts
    where strlen(content_text) <> length(content_text) or contains(content_text, chr(0))
       or regexp_matches(content_text, '(?i)' || $pattern)
)

select * from final;
