-- Helper functions used by the silver models. Plain SQL functions marked immutable so that the
-- planner inlines them (no per-row function-call cost). Created (or replaced) before every build.

-- trims, collapses runs of inner blanks, turns '' into null (the regular expression runs only when
-- there is something to collapse: most values are clean and this is called for every text cell)
create or replace function silver.clean_text(v text) returns text
language sql immutable parallel safe
return nullif(case when strpos(v, '  ') > 0 or strpos(v, E'\t') > 0 or strpos(v, E'\n') > 0
                   then regexp_replace(btrim(v, E' \t\r\n'), '\s+', ' ', 'g')
                   else btrim(v, E' \t\r\n') end, '');

-- a category-like code in title case: '  gas   STATION ' -> 'Gas Station'
create or replace function silver.clean_code(v text) returns text
language sql immutable parallel safe
return initcap(silver.clean_text(v));

-- an identifier: trimmed, upper case, no inner blanks: ' c0000042 ' -> 'C0000042'
create or replace function silver.clean_id(v text) returns text
language sql immutable parallel safe
return nullif(upper(case when strpos(btrim(v, E' \t\r\n'), ' ') > 0 or strpos(v, E'\t') > 0
                         then regexp_replace(v, '\s+', '', 'g') else btrim(v, E' \t\r\n') end), '');

-- a lower-case e-mail address if it is well formed, else null
create or replace function silver.valid_email(v text) returns text
language sql immutable parallel safe
return case when lower(btrim(v)) ~ '^[a-z0-9._%+''-]+@[a-z0-9.-]+\.[a-z]{2,}$' then lower(btrim(v)) end;

-- a masked e-mail address: 'jane.doe@example.com' -> 'j***@example.com'
create or replace function silver.mask_email(v text) returns text
language sql immutable parallel safe
return case when silver.valid_email(v) is not null
            then left(silver.valid_email(v), 1) || '***@' || split_part(silver.valid_email(v), '@', 2) end;

-- a US phone number as its 10 digits (a leading country code 1 is dropped), null unless 10 digits remain
create or replace function silver.phone_digits(v text) returns text
language sql immutable parallel safe
return case when regexp_replace(v, '[^0-9]', '', 'g') ~ '^1?[0-9]{10}$'
            then right(regexp_replace(v, '[^0-9]', '', 'g'), 10) end;

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
