-- Identifiers whose hub status is fixed by a rule rather than by the account limit: on the reference stop
-- list (registered frame hub_stoplist(kind, value), already normalised) or decided by an analyst.
-- Grain: one row per identifier; rule is stoplist, exclude (analyst: always a hub) or include (may merge).
with stoplisted as (
    select i.identifier_id, 'stoplist' as rule
    from identifiers i
    join hub_stoplist s on s.kind = i.kind and s.value = i.value
),

decided as (
    select i.identifier_id, d.decision as rule
    from network_hub_decisions d
    join identifiers i on i.kind = d.kind and i.value = d.value
),

final as (
    -- an analyst's decision wins over the stop list
    select identifier_id, rule from decided
    union all
    select s.identifier_id, s.rule from stoplisted s
    where s.identifier_id not in (select identifier_id from decided)
)

select identifier_id, rule from final
