-- Figures of every live network that do not depend on the page's filters, computed once per rebuild so the
-- network table stays fast with a hundred thousand networks: accounts (active = not blocked now), identifiers
-- by kind, platforms, first and last detection, linked cases and victims, top 3 target regions and
-- destination countries (detections and cases; Indonesian and English names). No parameters.

create or replace table network_summary as
with live as (
    select n.network_id
    from networks n
    where n.merged_into is null and n.dissolved_at is null
),

member_accounts as (
    select m.network_id, a.account_id, a.platform, coalesce(a.status, 'detected') as status,
           a.first_seen, a.last_seen
    from network_members m
    join live l on l.network_id = m.network_id
    join accounts a on a.account_id = m.account_id
    where m.node_kind = 'account'
),

member_cases as (
    select m.network_id, c.victims, c.destination_country
    from network_members m
    join live l on l.network_id = m.network_id
    join cases c on c.case_id = m.case_id
    where m.node_kind = 'case'
),

member_identifiers as (
    select m.network_id, i.kind
    from network_members m
    join live l on l.network_id = m.network_id
    join identifiers i on i.identifier_id = m.identifier_id
    where m.node_kind = 'identifier'
),

network_detections as (
    select ma.network_id, d.target_region_code, d.destination_country
    from member_accounts ma
    join detections d on d.account_id = ma.account_id
),

account_figures as (
    select ma.network_id,
           count(*) as accounts,
           count(*) filter (where ma.status <> 'blocked') as active_accounts,
           count(*) filter (where ma.status = 'blocked') as blocked_accounts,
           array_to_string(list_sort(list_distinct(list(ma.platform))), ', ') as platforms,
           min(ma.first_seen) as first_seen,
           max(ma.last_seen) as last_seen
    from member_accounts ma
    group by ma.network_id
),

identifier_figures as (
    select mi.network_id,
           count(*) filter (where mi.kind = 'phone') as phones,
           count(*) filter (where mi.kind = 'bank_account') as bank_accounts,
           count(*) filter (where mi.kind = 'ewallet') as ewallets,
           count(*) filter (where mi.kind not in ('phone', 'bank_account', 'ewallet')) as other_identifiers
    from member_identifiers mi
    group by mi.network_id
),

case_figures as (
    select mc.network_id, count(*) as cases, sum(mc.victims)::integer as victims
    from member_cases mc
    group by mc.network_id
),

region_counts as (
    select nd.network_id, g.name as region, count(*) as n
    from network_detections nd
    join regions g on g.code = nd.target_region_code
    group by nd.network_id, g.name
),

top_regions as (
    select rc.network_id, string_agg(rc.region, ', ' order by rc.n desc, rc.region) as top_regions
    from (
        select *, row_number() over (partition by network_id order by n desc, region) as place
        from region_counts
    ) rc
    where rc.place <= 3
    group by rc.network_id
),

country_counts as (
    select x.network_id, x.iso2, count(*) as n
    from (
        select network_id, destination_country as iso2 from network_detections
        union all
        select network_id, destination_country from member_cases
    ) x
    where x.iso2 is not null
    group by x.network_id, x.iso2
),

top_countries as (
    select cc.network_id,
           string_agg(coalesce(k.name_id, cc.iso2), ', ' order by cc.n desc, cc.iso2) as top_countries_id,
           string_agg(coalesce(k.name_en, cc.iso2), ', ' order by cc.n desc, cc.iso2) as top_countries_en
    from (
        select *, row_number() over (partition by network_id order by n desc, iso2) as place
        from country_counts
    ) cc
    left join countries k on k.iso2 = cc.iso2
    where cc.place <= 3
    group by cc.network_id
)

select af.network_id, af.accounts, af.active_accounts, af.blocked_accounts,
       coalesce(idf.phones, 0) as phones, coalesce(idf.bank_accounts, 0) as bank_accounts,
       coalesce(idf.ewallets, 0) as ewallets, coalesce(idf.other_identifiers, 0) as other_identifiers,
       af.platforms, af.first_seen, af.last_seen,
       coalesce(cf.cases, 0) as cases, coalesce(cf.victims, 0) as victims,
       tr.top_regions, tc.top_countries_id, tc.top_countries_en
from account_figures af
left join identifier_figures idf on idf.network_id = af.network_id
left join case_figures cf on cf.network_id = af.network_id
left join top_regions tr on tr.network_id = af.network_id
left join top_countries tc on tc.network_id = af.network_id;
