-- Transactions: ids upper case, codes standardised, the timestamp split into date and time, the
-- derived calendar fields kept as delivered so that the rules can compare them with the timestamp.
-- The account's owner and life span come along (account_customer_id, account_open_date,
-- account_close_date) for the rules that tie a transaction to its account.
-- _raw is the bronze row itself: the engine turns it into JSON only for the rows it quarantines.
--
-- Speed: nearly every row arrives clean, so a subquery tests once per row whether its
-- cleaned text columns are all in the form their cleaning function returns unchanged (canonical),
-- with two regular expressions over concatenated columns instead of one or more calls per column
-- (a call costs ~0.5 us for a short string; a pattern of many parts costs per part):
--   ids, upper-case codes, MCC: '[A-Z0-9]*' each (silver.clean_id, clean_upper), the MCC of 4 characters;
--   city, description, device, IP, card digits: words without leading, trailing, repeated or
--   other blanks (silver.clean_text), the city first and in mixed case (silver.clean_place).
-- A null column is tested as a clean stand-in. In the first test '' passes and becomes null below
-- (as the functions make it); in the second it fails (a doubled blank). A row that passes keeps its
-- values; any other row is cleaned column by column by the functions. The subquery is fenced
-- (offset '0') so the test runs once per row. The title-case codes (merchant_category,
-- decline_reason) keep their function: a second pattern costs more than it saves (decline_reason
-- is mostly null).
-- Parallel: the build's create table ... as select runs this in parallel workers, with the rules,
-- while the leader inserts. That needs the subquery to be a plain one in FROM (a lateral subquery
-- is planned per outer row, in one process), fenced with offset '0' (a bigint constant: PostgreSQL 17
-- takes offset 0, an int4 cast to bigint, for a real offset and plans no parallel scan below it), and
-- the lookups of the orphan rules as left joins (_rule_customer_known, _rule_merchant_known; a
-- correlated exists in a rule is parallel restricted). The subquery passes the bronze row on as
-- _raw, for the quarantine.
select case when b.canonical then nullif(b.transaction_id, '') else silver.clean_id(b.transaction_id) end as transaction_id,
       case when b.canonical then nullif(b.account_id, '') else silver.clean_id(b.account_id) end         as account_id,
       case when b.canonical then nullif(b.customer_id, '') else silver.clean_id(b.customer_id) end       as customer_id,
       case when b.canonical then nullif(b.merchant_id, '') else silver.clean_id(b.merchant_id) end       as merchant_id,
       b.transaction_date                                                                                 as transaction_ts,
       b.transaction_date::date                                                                           as transaction_date,
       case when b.transaction_type in ('Purchase', 'ATM', 'Fee', 'Deposit', 'Refund', 'Transfer', 'Payment') then b.transaction_type
            when lower(silver.clean_text(b.transaction_type)) = 'atm' then 'ATM'
            else silver.clean_code(b.transaction_type) end                                                as transaction_type,
       b.amount,
       abs(b.amount)                                                                                      as amount_abs,
       case when b.canonical then nullif(b.currency, '') else silver.clean_upper(b.currency) end          as currency,
       case when b.channel in ('Online', 'Mobile', 'ATM', 'Branch', 'POS') then b.channel
            else case lower(silver.clean_text(b.channel)) when 'atm' then 'ATM' when 'pos' then 'POS'
                      else silver.clean_code(b.channel) end end                                           as channel,
       silver.clean_code(b.merchant_category)                                                             as merchant_category,
       case when b.canonical then nullif(b.mcc_code, '')
            when b.mcc_code ~ '^[0-9]{4}$' then b.mcc_code
            else lpad(silver.clean_id(b.mcc_code), 4, '0') end                                           as mcc_code,
       case when b.canonical then b.description else silver.clean_text(b.description) end     as description,
       coalesce(b.is_fraud, false)                                                                        as is_fraud,
       b.fraud_score,
       case when b.canonical then b.location_city else silver.clean_place(b.location_city) end as location_city,
       case when b.canonical then nullif(b.location_state, '') else silver.clean_upper(b.location_state) end as location_state,
       case when b.canonical then nullif(b.location_country, '') else silver.clean_upper(b.location_country) end as location_country,
       b.latitude,
       b.longitude,
       case when b.canonical then b.device_id else silver.clean_text(b.device_id) end         as device_id,
       case when b.canonical then b.ip_address else silver.clean_text(b.ip_address) end       as ip_address,
       coalesce(b.is_international, false)                                                                as is_international,
       case when b.canonical then nullif(b.authorization_code, '') else silver.clean_upper(b.authorization_code) end as authorization_code,
       case when b.canonical then b.card_last_four else silver.clean_text(b.card_last_four) end as card_last_four,
       coalesce(b.is_recurring, false)                                                                    as is_recurring,
       b.hour_of_day,
       b.day_of_week,
       b.is_weekend,
       b.distance_from_home_km,
       b.merchant_risk_score,
       b.velocity_24h,
       b.amount_deviation_score,
       b.processing_time_ms,
       silver.clean_code(b.decline_reason)                                                                as decline_reason,
       coalesce(b.decline_reason ~ '\S', false)                                                          as is_declined,
       a.customer_id                                                                                      as account_customer_id,
       a.open_date                                                                                        as account_open_date,
       a.close_date                                                                                       as account_close_date,
       b._raw,
       b._batch_id,
       b._loaded_at,
       c.customer_id is not null                                                                          as _rule_customer_known,
       m.merchant_id is not null                                                                          as _rule_merchant_known
from (select b as _raw, b.*,
             (coalesce(b.transaction_id, '') || coalesce(b.account_id, '') || coalesce(b.customer_id, '') || coalesce(b.merchant_id, '')
              || coalesce(b.currency, '') || coalesce(b.mcc_code, '') || coalesce(b.location_state, '') || coalesce(b.location_country, '')
              || coalesce(b.authorization_code, '')) ~ '^[A-Z0-9]*$'
             and coalesce(octet_length(b.mcc_code) = 4, true)
             and (coalesce(b.location_city, 'Xx') || ' ' || coalesce(b.description, 'x') || ' ' || coalesce(b.device_id, 'x')
                  || ' ' || coalesce(b.ip_address, 'x') || ' ' || coalesce(b.card_last_four, 'x')) ~ '^[A-Z][a-z]\S*( \S+)*$' as canonical
      from bronze.transactions b
      -- incremental runs read only the load batches this model has not seen (see Model, staging models)
      where true {{incremental and b._batch_id > {max_batch_id}}}
      offset '0') b
left join silver.stg_accounts a
       on a.account_id = case when b.canonical then nullif(b.account_id, '') else silver.clean_id(b.account_id) end
left join silver.stg_customers c
       on c.customer_id = case when b.canonical then nullif(b.customer_id, '') else silver.clean_id(b.customer_id) end
left join silver.stg_merchants m
       on m.merchant_id = case when b.canonical then nullif(b.merchant_id, '') else silver.clean_id(b.merchant_id) end
