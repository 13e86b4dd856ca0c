-- Helper functions used by the silver models. Plain SQL functions marked immutable so that the
-- planner inlines them (no per-row function-call cost). Created (or replaced) before every build.

-- trims, collapses runs of inner blanks, turns '' into null (the regular expression runs only when
-- there is something to collapse: most values are clean and this is called for every text cell)
create or replace function silver.clean_text(v text) returns text
language sql immutable parallel safe
return nullif(case when strpos(v, '  ') > 0 or strpos(v, E'\t') > 0 or strpos(v, E'\n') > 0
                   then regexp_replace(btrim(v, E' \t\r\n'), '\s+', ' ', 'g')
                   else btrim(v, E' \t\r\n') end, '');

-- a category-like code in title case: '  gas   STATION ' -> 'Gas Station'. Words that are already
-- capitalised (nearly all values) are returned after one regular-expression test.
create or replace function silver.clean_code(v text) returns text
language sql immutable parallel safe
return case when v ~ '^[A-Z][a-z]*( [A-Z][a-z]*)*$' then v else initcap(silver.clean_text(v)) end;

-- a place name, cleaned like clean_text; title case only when it came all upper or all lower case
-- ('  NEW   YORK ' -> 'New York'), so that a name written correctly keeps its small words
-- ('Frankfurt am Main', 'Newcastle upon Tyne', 'Las Palmas de Gran Canaria')
create or replace function silver.clean_place(v text) returns text
language sql immutable parallel safe
return case when upper(v) = v or lower(v) = v then initcap(silver.clean_text(v)) else silver.clean_text(v) end;

-- an identifier: no blanks at all, upper case: ' c0000042 ' -> 'C0000042'. An id that is already
-- upper-case letters and digits (nearly all) is returned after one regular-expression test.
create or replace function silver.clean_id(v text) returns text
language sql immutable parallel safe
return case when v ~ '^[A-Z0-9]+$' then v
            else nullif(upper(regexp_replace(v, '\s+', '', 'g')), '') end;

-- a code in upper case with blanks trimmed and collapsed: ' usd ' -> 'USD' (fast path as clean_id)
create or replace function silver.clean_upper(v text) returns text
language sql immutable parallel safe
return case when v ~ '^[A-Z0-9]+( [A-Z0-9]+)*$' then v else upper(silver.clean_text(v)) end;

-- a lower-case e-mail address if it is well formed, else null
create or replace function silver.valid_email(v text) returns text
language sql immutable parallel safe
return case when lower(btrim(v)) ~ '^[a-z0-9._%+''-]+@[a-z0-9.-]+\.[a-z]{2,}$' then lower(btrim(v)) end;

-- a masked e-mail address: 'jane.doe@example.com' -> 'j***@example.com'
create or replace function silver.mask_email(v text) returns text
language sql immutable parallel safe
return case when silver.valid_email(v) is not null
            then left(silver.valid_email(v), 1) || '***@' || split_part(silver.valid_email(v), '@', 2) end;

-- a phone number as its digits, null unless it is a plausible number: a US number as its 10 digits
-- (a leading country code 1 is dropped), a number written with its country code ('+44 20 7946 0123')
-- as its 8 to 15 digits (E.164)
create or replace function silver.phone_digits(v text) returns text
language sql immutable parallel safe
return case when regexp_replace(v, '[^0-9]', '', 'g') ~ '^1?[0-9]{10}$'
            then right(regexp_replace(v, '[^0-9]', '', 'g'), 10)
            when btrim(v) ~ '^\+[1-9]' and regexp_replace(v, '[^0-9]', '', 'g') ~ '^[0-9]{8,15}$'
            then regexp_replace(v, '[^0-9]', '', 'g') end;

-- a postal code: trimmed, upper case, inner blanks collapsed ('sw1a  1aa' -> 'SW1A 1AA', '1012 ab' -> '1012 AB');
-- a US ZIP code that lost its leading zeros (1 to 4 digits) is padded back to 5 ('2134' -> '02134')
create or replace function silver.postal_code(v text) returns text
language sql immutable parallel safe
return case when btrim(v) ~ '^[0-9]{1,4}$' then lpad(btrim(v), 5, '0') else upper(silver.clean_text(v)) end;

-- a masked phone number: '(555) 123-4567' -> '***-***-4567'
create or replace function silver.mask_phone(v text) returns text
language sql immutable parallel safe
return case when silver.phone_digits(v) is not null then '***-***-' || right(silver.phone_digits(v), 4) end;

-- a salted SHA-256 of a PII value, for joining without revealing it. The salt is the database
-- setting fap.pii_salt (ALTER DATABASE ... SET fap.pii_salt = '...'); without it the hash is unsalted.
create or replace function silver.pii_hash(v text) returns text
language sql stable parallel safe
return case when v is not null
            then encode(sha256(convert_to(coalesce(current_setting('fap.pii_salt', true), '') || '|' || v, 'UTF8')), 'hex') end;

-- the numeric part of a prefixed identifier: 'C0000042' -> 42 (null if there is none)
create or replace function silver.id_number(v text) returns bigint
language sql immutable parallel safe
return case when v ~ '^[A-Z]+[0-9]{1,15}$' then substring(v from '[0-9]+$')::bigint end;

-- the distinct load times of silver.stg_transactions, ascending: one probe of its (_loaded_at, transaction_date)
-- index per load (a load's rows share one _loaded_at), instead of a scan of the table. The facts' incremental runs
-- use it to find the loads their last build saw. A text body, so the name is resolved when a query runs (the
-- table is rebuilt beside itself and swapped in) and the script runs before the table's first build.
set local check_function_bodies = off;
create or replace function silver.transaction_load_times() returns table (at timestamptz)
language sql stable parallel safe
as $body$
    with recursive l(at) as (
        select min(t._loaded_at) from silver.stg_transactions t
        union all
        select (select min(t._loaded_at) from silver.stg_transactions t where t._loaded_at > l.at) from l where l.at is not null
    )
    select l.at from l where l.at is not null
$body$;
set local check_function_bodies = on;
