-- Question: every detection of account $account_id, with its ad text, post link and dates.
-- Grain: one row per detection, newest first.
-- $account_id INTEGER: the account.
with final as (
    select d.detection_id, d.detected_at, d.content_url, d.content_text,
           coalesce(r.name, d.target_region_raw) as target_region, d.destination_country, d.status,
           d.reported_at, d.blocked_at
    from detections d
    left join regions r on r.code = d.target_region_code
    where d.account_id = $account_id
)

select * from final
order by detected_at desc, detection_id
