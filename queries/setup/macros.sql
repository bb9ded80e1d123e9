-- Parsing helpers for messy export text, created as temporary macros on the import connection.
-- One definition of "what a date in an export looks like"; the importer and its tests both use it.

-- Month names (Indonesian and English, full and abbreviated) become /MM/, so only day-month-year order parses;
-- weekday names and WIB go.
create or replace temp macro jaring_month_numbers(s) as
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(
        lower(s),
        '^(senin|selasa|rabu|kamis|jum''?at|sabtu|minggu|ahad|mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+', ''),
        '\s*(wib|pukul|jam)\b\.?\s*', ' ', 'g'),
        '\b(januari|january|jan)\b\.?', '/01/'),
        '\b(februari|pebruari|february|feb|peb)\b\.?', '/02/'),
        '\b(maret|march|mar)\b\.?', '/03/'),
        '\b(april|apr)\b\.?', '/04/'),
        '\b(mei|may)\b', '/05/'),
        '\b(juni|june|jun)\b\.?', '/06/'),
        '\b(juli|july|jul)\b\.?', '/07/'),
        '\b(agustus|august|agu|agt|ags|aug)\b\.?', '/08/'),
        '\b(september|sept|sep)\b\.?', '/09/'),
        '\b(oktober|october|okt|oct)\b\.?', '/10/'),
        '\b(november|nopember|nov|nop)\b\.?', '/11/'),
        '\b(desember|december|des|dec)\b\.?', '/12/');

-- Text -> TIMESTAMP in Asia/Jakarta wall-clock time, or NULL when it is not a real date.
-- Day-first: Indonesian exports write 07/03/2025 for 7 March. A value with an explicit UTC offset or Z is
-- converted to Jakarta time, so 2025-03-31T23:30:00Z is 1 April 06:30 in Jakarta.
create or replace temp macro jaring_timestamp_trimmed(s) as (
    case
        when s is null or s = '' then null
        -- The common shapes first, with a cheap shape test, so a million rows avoid the general path.
        when regexp_full_match(s, '\d{1,2}/\d{1,2}/\d{4}( \d{1,2}[:.]\d{2}(:\d{2})?)?')
            then try_strptime(s, ['%d/%m/%Y %H:%M', '%d/%m/%Y', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H.%M'])
        when regexp_full_match(s, '\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?')
            then try_strptime(s, ['%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M',
                                  '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%dT%H:%M:%S.%f'])
        when regexp_full_match(s, '\d{5}(\.\d+)?') and s::double between 20000 and 80000
            -- Excel serial day number (1900 date system, as Excel counts it).
            then timestamp '1899-12-30' + to_microseconds((s::double * 86400000000)::bigint)
        when regexp_matches(s, '\d[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(z|Z|[+-]\d{2}:?\d{2})$')
            then timezone('Asia/Jakarta', try_strptime(
                regexp_replace(regexp_replace(s, '\s*[zZ]$', '+0000'), '([+-]\d{2}):(\d{2})$', '\1\2'),
                ['%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%d %H:%M:%S%z', '%Y-%m-%dT%H:%M:%S.%f%z',
                 '%Y-%m-%d %H:%M:%S.%f%z', '%Y-%m-%dT%H:%M%z', '%Y-%m-%d %H:%M%z']))
        when regexp_full_match(s, '\d{1,2}[/.-]\d{1,2}[/.-]\d{2}')
            then try_strptime(s, ['%d/%m/%y', '%d-%m-%y', '%d.%m.%y'])
        else try_strptime(
            regexp_replace(regexp_replace(regexp_replace(trim(jaring_month_numbers(s)),
                '[\s.-]*/[\s.-]*', '/', 'g'), '(\d)t(\d)', '\1 \2'), '\s+', ' ', 'g'),
            ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%dT%H:%M:%S.%f',
             '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M', '%Y-%m-%d', '%Y/%m/%d', '%Y/%m/%d %H:%M:%S',
             '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y %H.%M', '%d/%m/%Y',
             '%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M', '%d-%m-%Y',
             '%d.%m.%Y %H:%M', '%d.%m.%Y',
             '%d/%m/%y'])
        end
);

-- A plain expression (no subquery), so DuckDB evaluates it vectorised over a whole column.
create or replace temp macro jaring_timestamp(raw) as jaring_timestamp_trimmed(trim(raw));

-- A status's place in an account's lifecycle, for two events or rows at the same instant: a report comes before
-- the rejection or block that answers it, and a restore after the block it undoes. Exports often give dates
-- without a time, so a fast takedown's report and block share one.
create or replace temp macro jaring_lifecycle_rank(status) as
    case status when 'restored' then 5 when 'blocked' then 4 when 'rejected' then 3 when 'reported' then 2 else 1 end;

-- An export's own id. A whole number that went through pandas as a float ("1001.0": an id column with a gap,
-- saved with to_csv) is the id 1001, as the workbook, JSON and Parquet readers read such a cell.
create or replace temp macro jaring_source_id(s) as
    case when s like '%.0%' and regexp_full_match(s, '[0-9]+\.0+') then split_part(s, '.', 1) else s end;

-- How recent an export row's state of a detection is, to choose between two rows of one detection (in one file or
-- across files): its status date, else its latest date; of two at the same instant, the later in the lifecycle.
create or replace temp macro jaring_row_recency(status_changed_at, detected_at, reported_at, blocked_at, status) as
    (coalesce(status_changed_at, greatest(detected_at, reported_at, blocked_at)), jaring_lifecycle_rank(status));
