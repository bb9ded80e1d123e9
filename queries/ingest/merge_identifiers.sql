-- Add identifiers not seen before, numbered after the existing ones. Reads temp table stg_identifiers.

insert into identifiers (identifier_id, kind, value)
select coalesce((select max(identifier_id) from identifiers), 0) + row_number() over (order by kind, value),
       kind, value
from (select distinct kind, value from stg_identifiers) n
where not exists (select 1 from identifiers i where i.kind = n.kind and i.value = n.value);
