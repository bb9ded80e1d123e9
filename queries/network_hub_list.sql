-- Question: which identifiers are kept from merging networks (hubs), why, and which did an analyst let
-- merge? Also every analyst decision, even on identifiers that are not hubs by the limit.
-- Grain: one row per hub identifier or decided identifier.
-- No parameters.
with hubs as (
    select i.kind, i.value, h.accounts, h.cases, h.reason, h.merging
    from network_hubs h
    join identifiers i on i.identifier_id = h.identifier_id
),

decisions as (
    select d.kind, d.value, d.decision, d.decided_at
    from network_hub_decisions d
),

final as (
    select coalesce(h.kind, d.kind) as kind, coalesce(h.value, d.value) as value, h.accounts, h.cases,
           h.reason, coalesce(h.merging, false) as merging, d.decision, d.decided_at
    from hubs h
    full outer join decisions d on d.kind = h.kind and d.value = h.value
)

select * from final
order by accounts desc nulls last, kind, value
