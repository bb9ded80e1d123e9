-- The platforms that occur among the accounts, most accounts first, for the platform filter.
-- Grain: one row per platform. No parameters.
with accounts_by_platform as (
    select a.platform, count(*) as accounts
    from accounts a
    group by a.platform
),

final as (
    select platform, accounts from accounts_by_platform
)

select * from final
order by accounts desc, platform
