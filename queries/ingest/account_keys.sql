-- Number the accounts of a detection export: each account key (platform ':' handle) gets a small integer, so the
-- million staged rows are grouped and joined to their account on an integer instead of a string.
-- Reads temp table map_account (jaring.staging); writes account_keys(key_no, account_key, platform, handle) and
-- adds account_key and key_no to map_account (both null when the triple has no platform or handle).

create or replace temp table map_account as
select *, platform || ':' || handle as account_key
from map_account;

create or replace temp table account_keys as
select row_number() over ()::integer as key_no, account_key, platform, handle
from (select distinct account_key, platform, handle from map_account) k
where account_key is not null;

create or replace temp table map_account as
select m.*, k.key_no
from map_account m
left join account_keys k using (account_key);
