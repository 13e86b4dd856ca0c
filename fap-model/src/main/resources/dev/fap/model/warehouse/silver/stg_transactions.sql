-- Transactions: ids upper case, codes standardised, the timestamp split into date and time, the
-- derived calendar fields kept as delivered so that the rules can compare them with the timestamp.
-- The account's owner and life span come along (account_customer_id, account_open_date,
-- account_close_date) for the rules that tie a transaction to its account.
-- The final "offset 0" keeps this query from being flattened into the engine's rule and
-- de-duplication query: without it every rule that names a column (transaction_type 4 times,
-- the ids, channel) re-evaluates the cleaning expression, and to_json(b) runs twice (the _raw
-- column and its text in the sort key), which doubled the model's time.
select silver.clean_id(b.transaction_id)                          as transaction_id,
       silver.clean_id(b.account_id)                              as account_id,
       silver.clean_id(b.customer_id)                             as customer_id,
       silver.clean_id(b.merchant_id)                             as merchant_id,
       b.transaction_date                                         as transaction_ts,
       b.transaction_date::date                                   as transaction_date,
       case lower(silver.clean_text(b.transaction_type))
            when 'atm' then 'ATM' else silver.clean_code(b.transaction_type) end as transaction_type,
       b.amount,
       abs(b.amount)                                              as amount_abs,
       upper(silver.clean_text(b.currency))                       as currency,
       case lower(silver.clean_text(b.channel))
            when 'atm' then 'ATM' when 'pos' then 'POS'
            else silver.clean_code(b.channel) end                 as channel,
       silver.clean_code(b.merchant_category)                     as merchant_category,
       lpad(silver.clean_id(b.mcc_code), 4, '0')                  as mcc_code,
       silver.clean_text(b.description)                           as description,
       coalesce(b.is_fraud, false)                                as is_fraud,
       b.fraud_score,
       silver.clean_code(b.location_city)                         as location_city,
       upper(silver.clean_text(b.location_state))                 as location_state,
       upper(silver.clean_text(b.location_country))               as location_country,
       b.latitude,
       b.longitude,
       silver.clean_text(b.device_id)                             as device_id,
       silver.clean_text(b.ip_address)                            as ip_address,
       coalesce(b.is_international, false)                        as is_international,
       upper(silver.clean_text(b.authorization_code))             as authorization_code,
       silver.clean_text(b.card_last_four)                        as card_last_four,
       coalesce(b.is_recurring, false)                            as is_recurring,
       b.hour_of_day,
       b.day_of_week,
       b.is_weekend,
       b.distance_from_home_km,
       b.merchant_risk_score,
       b.velocity_24h,
       b.amount_deviation_score,
       b.processing_time_ms,
       silver.clean_code(b.decline_reason)                        as decline_reason,
       silver.clean_code(b.decline_reason) is not null            as is_declined,
       a.customer_id                                              as account_customer_id,
       a.open_date                                                as account_open_date,
       a.close_date                                               as account_close_date,
       to_json(b)                                                    as _raw,
       b._batch_id,
       b._loaded_at
from bronze.transactions b
left join silver.stg_accounts a on a.account_id = silver.clean_id(b.account_id)
offset 0
