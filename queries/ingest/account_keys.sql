-- Number the accounts of a detection export: each account key (platform ':' handle) gets a small integer, so the
-- million staged rows are grouped and joined to their account on an integer instead of a string.
-- Reads temp table map_account (jaring.staging); writes account_keys(key_no, account_key) and adds key_no to
-- map_account (null when the row has no platform or handle, as its account_key is).

create or replace temp table account_keys as
select row_number() over ()::integer as key_no, account_key
from (select distinct platform || ':' || handle as account_key from map_account) k
where account_key is not null;

create or replace temp table map_account as
select m.*, k.key_no
from map_account m
left join account_keys k on k.account_key = m.platform || ':' || m.handle;
