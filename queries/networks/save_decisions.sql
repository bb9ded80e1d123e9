-- Replace the analyst's hub decisions with those in the registered frame stg_hub_decisions(kind, value,
-- decision include|exclude). $now: TIMESTAMP, when they were made (kept for decisions that did not change).

create or replace temp table previous_decisions as select * from network_hub_decisions;

delete from network_hub_decisions;

insert into network_hub_decisions (kind, value, decision, decided_at)
select s.kind, s.value, s.decision, coalesce(p.decided_at, $now)
from (select distinct kind, value, decision from stg_hub_decisions) s
left join previous_decisions p on p.kind = s.kind and p.value = s.value and p.decision = s.decision;

drop table previous_decisions;
