-- Recruiter network tables, created by jaring.networks.rebuild_networks (IF NOT EXISTS, so re-running is safe).
-- A network is a connected component of accounts, identifiers and cases linked by shared identifiers, with
-- hub identifiers left out. Ids are stable: a network keeps its id when it grows, a merge keeps the older id.

create table if not exists networks (
    network_id        integer primary key,
    created_at        timestamp not null,        -- Jakarta time of the rebuild that first formed it
    created_import_id integer,                   -- latest import at that time (null: computed outside an import)
    changed_at        timestamp not null,        -- last rebuild that changed its members
    accounts          integer not null,          -- member counts at the last rebuild
    cases             integer not null,
    identifiers       integer not null,
    split_from        integer,                   -- the network it broke away from, when it did
    merged_into       integer,                   -- set when an older network absorbed it
    merged_at         timestamp,
    dissolved_at      timestamp                  -- no longer linked enough to be a network
);

create table if not exists network_members (
    network_id     integer not null,
    node_kind      varchar not null,             -- account | identifier | case
    account_id     integer,                      -- set for node_kind account
    identifier_id  integer,                      -- set for node_kind identifier
    case_id        varchar                       -- set for node_kind case
);

create table if not exists network_merges (
    kept_network_id   integer not null,          -- the older network, whose id lives on
    merged_network_id integer not null,          -- the network absorbed into it
    merged_at         timestamp not null,
    import_id         integer,                   -- latest import when it happened
    merged_accounts   integer not null           -- accounts the absorbed network had before the merge
);

-- Accounts linked to a recruiter handle named in a case (links no detection shows).
create table if not exists network_handle_links (
    account_id     integer not null,
    identifier_id  integer not null
);

-- Identifiers that do not merge networks (recomputed each rebuild). merging = the analyst let it merge.
create table if not exists network_hubs (
    identifier_id  integer primary key,
    accounts       integer not null,             -- distinct accounts linked to it
    cases          integer not null,
    reason         varchar not null,             -- limit | stoplist | analyst
    merging        boolean not null
);

-- The analyst's choices about hubs, kept across rebuilds: include = may merge, exclude = always a hub.
create table if not exists network_hub_decisions (
    kind        varchar not null,
    value       varchar not null,
    decision    varchar not null,                -- include | exclude
    decided_at  timestamp not null,
    primary key (kind, value)
);

create table if not exists network_settings (
    hub_account_limit integer not null,          -- an identifier on more accounts than this is a hub
    inputs            varchar                    -- fingerprint of what the last rebuild read (skip if unchanged)
);

-- Databases built by the first version of this schema lack the fingerprint column.
alter table network_settings add column if not exists inputs varchar;
