-- Add identifiers not seen before, numbered after the existing ones, and map each staged cell or text value
-- to the identifiers it stands for. Reads temp tables unloaded_values, value_pieces, value_fields, piece_values;
-- writes value_identifiers(value_id, identifier_id, field_no).

create or replace temp table staged_pieces as
select v.piece_id, v.kind, v.value
from piece_values v
where v.value is not null
  and v.piece_id in (select piece_id from value_pieces
                     where value_id not in (select value_id from unloaded_values));

insert into identifiers (identifier_id, kind, value)
select coalesce((select max(identifier_id) from identifiers), 0) + row_number() over (order by kind, value),
       kind, value
from (select distinct kind, value from staged_pieces) n
where not exists (select 1 from identifiers i where i.kind = n.kind and i.value = n.value);

-- Strings are joined once per piece; the value map below is integers only.
create or replace temp table piece_identifiers as
select s.piece_id, i.identifier_id
from staged_pieces s
join identifiers i on i.kind = s.kind and i.value = s.value;

-- Not distinct: two pieces of a value can name one identifier ("0812..." and "+62 812..."), and the merges group
-- the links on (row, identifier) anyway. A distinct over a million value links cost 0.07 s.
create or replace temp table value_identifiers as
select vp.value_id, p.identifier_id, f.field_no
from value_pieces vp
join piece_identifiers p using (piece_id)
join value_fields f using (value_id);

drop table staged_pieces;
drop table unloaded_values;
drop table piece_identifiers;
drop table value_pieces;
drop table value_fields;
