-- Add identifiers not seen before, numbered after the existing ones, and map each staged cell or text value
-- to the identifiers it stands for. Reads temp tables stg_identifiers, value_pieces, piece_values;
-- writes value_identifiers(value_id, identifier_id).

create or replace temp table staged_values as
select distinct vp.value_id, v.kind, v.value
from value_pieces vp
join piece_values v using (piece_id)
where v.value is not null and vp.value_id in (select value_id from stg_identifiers);

insert into identifiers (identifier_id, kind, value)
select coalesce((select max(identifier_id) from identifiers), 0) + row_number() over (order by kind, value),
       kind, value
from (select distinct kind, value from staged_values) n
where not exists (select 1 from identifiers i where i.kind = n.kind and i.value = n.value);

create or replace temp table value_identifiers as
select distinct s.value_id, i.identifier_id
from staged_values s
join identifiers i on i.kind = s.kind and i.value = s.value;

drop table staged_values;
drop table value_pieces;
