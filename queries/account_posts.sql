-- Question: the post links and dates of the accounts $account_ids, for takedown request packages.
-- Grain: one row per detection.
-- $account_ids INTEGER[]: the accounts.
with final as (
    select d.account_id, d.detection_id, d.detected_at, d.content_url
    from detections d
    where list_contains($account_ids, d.account_id)
)

select * from final
order by account_id, detected_at, detection_id
