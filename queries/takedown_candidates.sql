-- Question: which still-active accounts share a non-hub identifier with a blocked account, strongest
-- evidence first? score = sum over the distinct shared identifiers of their kind weight (bank account and
-- e-wallet 3, phone and e-mail 2, other 1) + 2 × recency, recency = max(0, min(1, 1 − days from the
-- account's last detection to $end / 180)).
-- Grain: one row per candidate: an account not blocked now, with a detection in the view (period, platform,
-- target province, destination country), sharing at least one identifier that is not a hub with an account
-- blocked now.
-- $start DATE, $end DATE: the period, inclusive.
-- $platforms VARCHAR[], $provinces VARCHAR[] (province codes), $countries VARCHAR[] (ISO2): empty = all.
with cut_hubs as (
    select h.identifier_id from network_hubs h where not h.merging
),

links as (
    select distinct ai.account_id, ai.identifier_id
    from account_identifiers ai
    where ai.identifier_id not in (select identifier_id from cut_hubs)
),

blocked_links as (
    select l.account_id, l.identifier_id
    from links l
    join accounts b on b.account_id = l.account_id
    where b.status = 'blocked'
),

in_view as (
    -- the view's detections: the detections_in_view macro, queries/setup/reader_macros.sql
    select distinct v.account_id
    from detections_in_view($start, $end, $platforms, $provinces, $countries) v
    join accounts a on a.account_id = v.account_id
    where coalesce(a.status, 'detected') <> 'blocked'
),

pairs as (
    select mine.account_id, mine.identifier_id, theirs.account_id as blocked_account_id
    from links mine
    join in_view v on v.account_id = mine.account_id
    join blocked_links theirs on theirs.identifier_id = mine.identifier_id
),

per_identifier as (
    select p.account_id, p.identifier_id,
           case i.kind when 'bank_account' then 3 when 'ewallet' then 3 when 'phone' then 2 when 'email' then 2
                       else 1 end as weight
    from (select distinct account_id, identifier_id from pairs) p
    join identifiers i on i.identifier_id = p.identifier_id
),

scored as (
    select pi.account_id, sum(pi.weight) as weight, count(*) as shared_identifiers,
           (select count(distinct p.blocked_account_id) from pairs p where p.account_id = pi.account_id)
               as blocked_accounts
    from per_identifier pi
    group by pi.account_id
),

final as (
    select s.account_id,
           round(s.weight + 2 * greatest(0, least(1, 1 - date_diff('day', cast(a.last_seen as date), $end::date)
                                                          / 180.0)), 2) as score,
           a.platform, a.handle, a.display_name, a.url, coalesce(a.status, 'detected') as status, a.first_seen,
           a.last_seen, m.network_id, s.shared_identifiers, s.blocked_accounts
    from scored s
    join accounts a on a.account_id = s.account_id
    left join network_members m on m.account_id = s.account_id
)

select * from final
order by score desc, shared_identifiers desc, blocked_accounts desc, last_seen desc, account_id
