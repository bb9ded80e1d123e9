-- The pieces whose normalised value SQL can tell exactly as jaring.normalise does, without a trip through
-- Python: plain Indonesian mobile numbers ("0812-3456-7890", "+62 812 …") and "BANK digits" account numbers
-- ("BNI 0000-89482"), which are most of the pieces of an export. Everything else goes to the Python
-- normalisers. tests/test_fast_pieces.py checks on many shapes that both paths agree.
-- Reads temp tables piece_dictionary(piece_id, pattern, piece) and bank_keys(key, code). Parameters:
--   $phone_patterns, $bank_patterns  VARCHAR[]  the piece patterns normalised as a phone / bank account;
--   $plain_number, $date_shape, $indonesian_mobile, $float_number  VARCHAR  jaring.phones' patterns of the same
--     names;
--   $digit_run  VARCHAR  jaring.banks.DIGIT_RUN; $min_digits, $max_digits  INTEGER  its account number lengths.
-- Writes fast_piece_values(piece_id, kind, value); a piece there with a NULL kind yields no identifier.

create or replace temp table fast_piece_values as
with candidates as (
    select piece_id, pattern, piece, list_contains($phone_patterns, pattern) as as_phone,
           list_contains($bank_patterns, pattern) as as_bank,
           -- phone(): a number that went through a spreadsheet as a float loses its ".0" first
           case when list_contains($phone_patterns, pattern) and regexp_full_match(piece, $float_number)
                then regexp_extract(piece, $float_number, 1) else piece end as phone_piece
    from piece_dictionary
    where list_contains($phone_patterns, pattern) or list_contains($bank_patterns, pattern)
), shaped as (
    -- Each shape is tested only on the pieces that can use it (a CASE evaluates its branch row by row).
    select piece_id, pattern,
           -- phone(): the whole piece is the number (only digits, spaces, dots, dashes, brackets, a plus).
           case when as_phone then regexp_full_match(phone_piece, $plain_number)
                                   and phone_piece = trim(phone_piece)
                                   and not regexp_full_match(phone_piece, $date_shape) end as plain_number,
           case when as_phone then regexp_extract(regexp_replace(phone_piece, '[^0-9+]', '', 'g'),
                                                  '^(?:' || $indonesian_mobile || ')$', ['prefix', 'national'])
           end as mobile,
           -- bank_account(): one bank name, one run of digits.
           case when as_bank or pattern = 'phone'
                then regexp_extract(piece, '^([A-Za-z]+) +(' || $digit_run || ')$', ['name', 'run']) end as bank_shape
    from candidates
), banked as (
    select s.*, k.code as bank, regexp_replace(s.bank_shape.run, '[^0-9]', '', 'g') as bank_digits
    from shaped s
    left join bank_keys k on k.key = lower(s.bank_shape.name)
)
select piece_id, 'phone' as kind, '+62' || mobile.national as value
from banked
where list_contains($phone_patterns, pattern) and plain_number and mobile.national <> ''
  -- as jaring.phones._fast: phonenumbers reads a short "62…" string as a national number
  and not (mobile.prefix = '62' and length(mobile.national) < 10)
union all
select piece_id, 'bank_account', bank || ':' || bank_digits
from banked
where list_contains($bank_patterns, pattern) and bank is not null and length(bank_digits) between $min_digits and $max_digits
union all
-- In free text the phone pattern also takes "BNI 0000-89482", so that a bank account never becomes a phone.
select piece_id, null, null
from banked
where pattern = 'phone' and bank is not null;
