-- Identifier values of the rows that will load, and the identifier texts that could not be read.
-- Reads temp tables stg_dropped(_row) (the few rows that will not load), row_values, value_pieces,
-- piece_values, piece_texts (jaring.staging).
-- Writes stg_identifiers(_row, value_id) — integers, cheap to join at a million rows — and
-- stg_identifier_problems(raw, kind, rows): each unreadable piece with the number of rows (and columns) it is in.

create or replace temp table readable_values as
select distinct vp.value_id
from value_pieces vp
join piece_values v using (piece_id)
where v.value is not null;

create or replace temp table stg_identifiers as
select r._row, r.value_id
from row_values r
anti join stg_dropped using (_row)
semi join readable_values using (value_id);

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
anti join stg_dropped using (_row)
group by all;

drop table readable_values;
drop table row_values;
drop table piece_texts;
