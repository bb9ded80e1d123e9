-- Which identifier values stay out of the database, and the identifier texts that could not be read.
-- Reads temp tables stg_rejects(_row, reason) (the few rows whose identifiers are not added; a superseded detection
-- row or an earlier row of a case still adds its own), row_values, value_pieces, piece_values, piece_texts
-- (jaring.staging).
-- Writes unloaded_values(value_id): the values found only in rows that will not load, whose identifiers are not
-- added; and stg_identifier_problems(raw, kind, rows): each unreadable piece with the number of rows (and
-- columns) it is in. row_values stays for the merge, which joins it to the rows that load (a copy of its three
-- million rows without the few dropped ones cost more than that join).

-- Materialised in this order so each pass over the three million row values meets a small hash table.
create or replace temp table unloaded_values as
with in_dropped as materialized (
    select distinct value_id from row_values semi join stg_rejects using (_row)
),

their_rows as materialized (
    select r._row, r.value_id from row_values r semi join in_dropped using (value_id)
)

select value_id from in_dropped
except
select value_id from their_rows anti join stg_rejects using (_row);

create or replace temp table stg_identifier_problems as
with unreadable as (
    select vp.value_id, t.piece as raw, v.kind
    from value_pieces vp
    join piece_values v using (piece_id)
    join piece_texts t using (piece_id)
    where v.value is null
)
select u.raw, u.kind, count(*)::integer as rows
from row_values r
join unreadable u using (value_id)
anti join stg_rejects using (_row)
group by all;

drop table piece_texts;
