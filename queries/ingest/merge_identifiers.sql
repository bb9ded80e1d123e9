-- Add identifiers not seen before, numbered after the existing ones, and map each staged piece to the
-- identifiers it stands for. Reads temp tables stg_identifiers, piece_values; writes piece_identifiers.

create or replace temp table staged_values as
select distinct v.piece_id, v.kind, v.value
from piece_values v
where v.value is not null and v.piece_id in (select piece_id from stg_identifiers);

insert into identifiers (identifier_id, kind, value)
select coalesce((select max(identifier_id) from identifiers), 0) + row_number() over (order by kind, value),
       kind, value
from (select distinct kind, value from staged_values) n
where not exists (select 1 from identifiers i where i.kind = n.kind and i.value = n.value);

create or replace temp table piece_identifiers as
select s.piece_id, i.identifier_id
from staged_values s
join identifiers i on i.kind = s.kind and i.value = s.value;

drop table staged_values;
