-- Identifiers of the rows that will load, and the identifier texts that could not be read.
-- Reads temp tables stg_valid_rows(_row), row_pieces, piece_values, piece_texts (jaring.staging).
-- Writes stg_identifiers(_row, source_field, kind, value) and stg_identifier_problems(raw, kind, rows).

create or replace temp table stg_identifiers as
select distinct p._row, p.source_field, v.kind, v.value
from row_pieces p
join piece_values v using (piece_id)
where v.value is not null and p._row in (select _row from stg_valid_rows);

create or replace temp table stg_identifier_problems as
select t.piece as raw, v.kind, count(*)::integer as rows
from row_pieces p
join piece_values v using (piece_id)
join piece_texts t using (piece_id)
where v.value is null and p._row in (select _row from stg_valid_rows)
group by all;

drop table row_pieces;
drop table piece_texts;
