-- What a network rebuild reads, summarised: when nothing of it changed since the last rebuild (e.g. every file
-- of an import failed, or was already imported), the rebuild is skipped and the file stays byte-identical.
-- Grain: one row. No parameters.
with final as (
    select concat_ws('|',
        (select max(i.import_id) from imports i),
        (select count(*) from accounts),
        (select count(*) from identifiers),
        (select count(*) from account_identifiers),
        (select count(*) from cases),
        (select count(*) from case_identifiers),
        (select string_agg(d.kind || ':' || d.value || '=' || d.decision, ',' order by d.kind, d.value)
         from network_hub_decisions d)
    ) as inputs,
    (select max(s.inputs) from network_settings s) as previous_inputs
)

select inputs, previous_inputs from final
