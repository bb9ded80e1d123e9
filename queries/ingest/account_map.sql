-- Each distinct (platform, handle, URL) of a detection export, with its platform read through map_platform and
-- a flag for the common case that SQL resolves exactly as jaring.staging._account_identity does: a plain
-- handle (ASCII letters, digits, dot, underscore, dash, one leading @) without a URL, on any platform (on a
-- website only without a dot). tests/test_fast_pieces.py checks that both agree. Reads temp tables
-- distinct_cells (jaring.staging.DistinctCells) and map_platform; writes account_triples(platform_raw, handle_raw,
-- url_raw, platform, fast) and fast_accounts. $triple_set: INTEGER, the cell_set of the (platform, account_handle,
-- account_url) triples.

create or replace temp table account_triples as
select t.platform as platform_raw, t.account_handle as handle_raw, t.account_url as url_raw, p.value as platform,
       coalesce(t.account_url is null
                and regexp_full_match(t.account_handle, '@?[A-Za-z0-9._-]+')
                -- a website's handle is its domain when it reads as one, which a name without a dot never does
                and (p.value is distinct from 'website' or not contains(t.account_handle, '.')), false) as fast
from distinct_cells t
left join map_platform p on p.raw = t.platform
where t.cell_set = $triple_set;

create or replace temp table fast_accounts as
select platform_raw, handle_raw, url_raw, platform, lower(regexp_replace(handle_raw, '^@', '')) as handle,
       null::varchar as url
from account_triples
where fast;
