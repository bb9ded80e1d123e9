-- Accounts named by victims: a recruiter handle in a case links to the account with that handle on the
-- platform the case gives as its recruitment channel, or to the only account with that handle. Reads the
-- registered frame channel_platforms(channel, platform): each case channel text and its platform code
-- (null when the channel is not a platform, e.g. a broker).
-- Grain: one row per account and handle identifier. No parameters.
with handle_owners as (
    select i.identifier_id, a.account_id, a.platform,
           count(*) over (partition by i.identifier_id) as owners
    from identifiers i
    join accounts a on substr(a.account_key, strpos(a.account_key, ':') + 1) = i.value
    where i.kind = 'handle'
),

citing_cases as (
    select distinct ci.identifier_id, p.platform
    from case_identifiers ci
    join cases c on c.case_id = ci.case_id
    left join channel_platforms p on p.channel = c.channel
),

final as (
    select distinct h.account_id, h.identifier_id
    from handle_owners h
    join citing_cases c on c.identifier_id = h.identifier_id
    where c.platform = h.platform or h.owners = 1
)

select account_id, identifier_id from final
