-- Identifiers of the rows that will load, and the identifier texts that could not be read.
-- Reads temp tables stg_valid_rows(_row), row_pieces, piece_values, piece_texts (jaring.staging).
-- Writes stg_identifiers(_row, source_field, piece_id) — integers, cheap to join at a million rows — and
-- stg_identifier_problems(raw, kind, rows).

create or replace temp table stg_identifiers as
select p._row, p.source_field, p.piece_id
from row_pieces p
semi join stg_valid_rows using (_row)
where p.piece_id in (select piece_id from piece_values where value is not null);

create or replace temp table stg_identifier_problems as
select t.piece as raw, v.kind, count(*)::integer as rows
from row_pieces p
join piece_values v using (piece_id)
join piece_texts t using (piece_id)
where v.value is null and p._row in (select _row from stg_valid_rows)
group by all;

drop table row_pieces;
drop table piece_texts;
