-- Jaring database schema. All timestamps are Asia/Jakarta wall-clock time (TIMESTAMP without zone).
-- Applied with CREATE ... IF NOT EXISTS, so opening an older database adds what is missing.
-- The large tables (detections, status_history, account_identifiers, case_identifiers) and the text keys of
-- accounts and identifiers carry no index: DuckDB's indexes slow bulk loads (a first import of a million rows
-- spent 0.3 s on these two alone) and cost memory. Their keys, noted below, are kept unique by the import
-- (anti-joins in queries/ingest/merge_*.sql), and tests/test_ingest.py checks it.
-- The text columns with a distinct value in almost every one of a million rows (detection ids, ad texts and URLs)
-- are stored with ZSTD. DuckDB's default for text (DICT_FSST) took 0.18 s to write a million distinct ids, ZSTD
-- 0.10 s, and the 1M-row import benchmark ran about 1 s faster (README, "Benchmarks"). Joins and text searches on
-- these columns read as fast; fetching one detection by id takes 12 ms instead of 6 in a million rows. Text
-- columns that repeat a few values (platform, status, codes) keep the default, whose dictionary the pages'
-- group-bys read faster. A table created before this choice keeps the default; only its speed differs. (DuckDB
-- 1.x, whose new files used an older storage format, would store these columns uncompressed.)

create sequence if not exists import_id_seq start 1;

create table if not exists imports (
    import_id      integer primary key default nextval('import_id_seq'),
    kind           varchar not null,            -- detections | cases
    file_name      varchar not null,
    sha256         varchar not null,
    source         varchar not null default 'real',   -- real | demo
    rows_read      integer not null default 0,
    rows_loaded    integer not null default 0,
    rows_rejected  integer not null default 0,
    new_accounts   integer not null default 0,
    new_detections integer not null default 0,
    new_cases      integer not null default 0,
    status_changes integer not null default 0,
    invalid_identifiers integer not null default 0,  -- phone/bank texts that did not normalise
    column_mapping json,                          -- canonical field -> header in the file (a list: several columns)
    started_at     timestamp not null,
    finished_at    timestamp
);

create table if not exists regions (
    code           varchar primary key,          -- Kemendagri code: '32' province, '32.12' regency/city
    level          varchar not null,             -- province | regency
    name           varchar not null,
    province_code  varchar not null,
    kind           varchar,                      -- provinsi | kabupaten | kota
    lat            double,
    lon            double,
    population     bigint
);

create table if not exists countries (
    iso2           varchar primary key,
    iso3           varchar,
    name_en        varchar,
    name_id        varchar,
    region_id      varchar,
    lat            double,
    lon            double
);

create table if not exists accounts (
    account_id     integer primary key,
    account_key    varchar not null,             -- unique: platform ':' normalised handle (or domain for websites)
    platform       varchar not null,
    handle         varchar not null,
    url            varchar,
    display_name   varchar,
    first_seen     timestamp,
    last_seen      timestamp,
    status         varchar,                      -- detected | reported | blocked | rejected | restored
    reported_at    timestamp,                    -- first report of the current episode (after the last restore)
    blocked_at     timestamp                     -- block of the current episode; null unless status = blocked
);

create table if not exists detections (
    -- key. Source id, or 'h:' + hash of the identifying fields
    detection_id        varchar not null using compression zstd,
    account_id          integer not null,
    detected_at         timestamp not null,
    content_url         varchar using compression zstd,
    content_text        varchar using compression zstd,
    target_region_raw   varchar,
    target_region_code  varchar,
    destination_country varchar,                 -- ISO 3166 alpha-2
    status              varchar,
    reported_at         timestamp,
    blocked_at          timestamp,
    status_changed_at   timestamp,
    lat                 double,
    lon                 double,
    import_id           integer not null         -- the import that last wrote this row
);

create table if not exists status_history (
    account_id     integer not null,
    status         varchar not null,
    changed_at     timestamp not null,
    import_id      integer not null               -- the import that first reported this event
    -- key: (account_id, status, changed_at)
);

create table if not exists identifiers (
    identifier_id  integer primary key,
    kind           varchar not null,             -- phone | bank_account | ewallet | email | url | domain | telegram | whatsapp | handle
    value          varchar not null
    -- key: (kind, value)
);

create table if not exists account_identifiers (
    account_id     integer not null,
    identifier_id  integer not null,
    detection_id   varchar not null using compression zstd,
    source_field   varchar not null,             -- the export column it came from, or 'content_text'
    import_id      integer not null
    -- key: (account_id, identifier_id, detection_id)
);

create table if not exists cases (
    case_id             varchar primary key,     -- source id, or 'h:' + hash of the identifying fields
    reported_at         timestamp not null,
    origin_region_code  varchar,                 -- regency code when known, else province code
    origin_province_code varchar,
    origin_raw          varchar,
    destination_country varchar,                 -- ISO 3166 alpha-2
    case_type           varchar,
    channel             varchar,
    victims             integer not null default 1,
    status              varchar,
    description         varchar,
    import_id           integer not null
);

create table if not exists case_identifiers (
    case_id        varchar not null,
    identifier_id  integer not null,
    source_field   varchar not null,
    import_id      integer not null
    -- key: (case_id, identifier_id)
);

create table if not exists rejects (
    import_id      integer not null,
    row_number     integer not null,             -- 1-based data row in the file (header excluded)
    raw            varchar not null,             -- the row as read, JSON object of header -> text
    reason         varchar not null
);

create table if not exists unresolved_regions (
    raw            varchar not null,
    field          varchar not null,             -- target_region | origin
    import_id      integer not null,
    rows           integer not null
);

create table if not exists identifier_problems (
    raw            varchar not null,             -- text from a phone/bank/e-wallet column that did not normalise
    kind           varchar not null,
    import_id      integer not null,
    rows           integer not null
);

-- Regions each detection targets (built by jaring.region_index after every import): the target-region column,
-- place names in the ad text, the export's coordinates (nearest regency, only when neither names a region), and
-- accepted geocodes of unresolved target-region texts; one row per region per source, and one row with source
-- 'none' for a detection nothing places. The detection's day, account, platform and destination are copied in
-- (an import that changes a detection re-indexes it), so the Regions page counts from this table alone.
create table if not exists detection_regions (
    detection_id   varchar not null using compression zstd,
    region_code    varchar,                      -- regency 'PP.RR' or province 'PP'; null when source = 'none'
    source         varchar not null,             -- column | text | coordinates | geocoded | none
    province_code  varchar,                      -- left(region_code, 2)
    counts_detection boolean not null,           -- exactly one row per detection
    counts_regency boolean not null,             -- exactly one row per detection and regency
    counts_province boolean not null,            -- exactly one row per detection and province
    day            date not null,                -- the detection's day (Jakarta)
    account_id     integer not null,
    platform       varchar not null,
    destination_country varchar,
    has_region_text boolean not null             -- the export's target-region cell was not empty
);

create table if not exists region_index_state (
    last_import_id integer not null,             -- detections written by imports up to this one are indexed
    built_at       timestamp not null
);

-- Report episodes of each account's status events, for the briefing (built by jaring.episodes after every import
-- from status_history; see queries/briefing/status_episodes.sql). An episode runs from the first report after the
-- account's previous block or restore (or its first report) to its next block or restore.
create table if not exists status_episode_events (
    account_id          integer not null,
    platform            varchar not null,
    status              varchar not null,     -- reported | rejected | blocked | restored ('detected' is left out)
    changed_at          timestamp not null,
    next_changed_at     timestamp not null,   -- the account's next event; 'infinity' after its last one
    episode             integer not null,     -- blocks and restores of the account before this event
    episode_reported_at timestamp,            -- the episode's first report; null when it has none
    episode_blocked_at  timestamp             -- the episode's block; null when it has none
    -- key: (account_id, status, changed_at), as status_history
);

-- Optional online geocoding of unresolved region texts; a result counts only once an analyst accepted it.
create table if not exists geocode_cache (
    query          varchar primary key,          -- the unresolved region text as exported
    found          boolean not null,
    lat            double,
    lon            double,
    display_name   varchar,                      -- the geocoder's name for the place (external text)
    region_code    varchar,                      -- nearest regency to the result
    distance_km    double,                       -- from the result to that regency's reference point
    fetched_at     timestamp not null,
    accepted_at    timestamp                     -- null until an analyst accepts it
);
