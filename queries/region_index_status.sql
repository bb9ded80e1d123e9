-- Whether the region index covers every imported detection (it is rebuilt after each import).
-- Grain: one row. No parameters.
with state as (
    select max(s.last_import_id) as indexed_import_id, max(s.built_at) as built_at
    from region_index_state s
),

detection_imports as (
    select max(d.import_id) as latest_import_id, count(*) as detections
    from detections d
),

final as (
    select s.indexed_import_id, s.built_at, i.latest_import_id, i.detections::bigint as detections,
           i.detections = 0 or coalesce(s.indexed_import_id >= i.latest_import_id, false) as up_to_date
    from state s, detection_imports i
)

select * from final
