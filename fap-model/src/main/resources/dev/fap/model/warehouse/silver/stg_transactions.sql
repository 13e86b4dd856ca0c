-- Transactions: ids upper case, codes standardised, the timestamp split into date and time, the
-- derived calendar fields kept as delivered so that the rules can compare them with the timestamp.
-- The account's owner and life span come along (account_customer_id, account_open_date,
-- account_close_date) for the rules that tie a transaction to its account.
-- _raw is the bronze row itself: the engine turns it into JSON only for the rows it quarantines.
-- Codes already in their canonical form (nearly all) are passed through after one comparison.
select silver.clean_id(b.transaction_id)                          as transaction_id,
       silver.clean_id(b.account_id)                              as account_id,
       silver.clean_id(b.customer_id)                             as customer_id,
       silver.clean_id(b.merchant_id)                             as merchant_id,
       b.transaction_date                                         as transaction_ts,
       b.transaction_date::date                                   as transaction_date,
       case when b.transaction_type in ('Purchase', 'ATM', 'Fee', 'Deposit', 'Refund', 'Transfer', 'Payment') then b.transaction_type
            when lower(silver.clean_text(b.transaction_type)) = 'atm' then 'ATM'
            else silver.clean_code(b.transaction_type) end           as transaction_type,
       b.amount,
       abs(b.amount)                                              as amount_abs,
       silver.clean_upper(b.currency)                             as currency,
       case when b.channel in ('Online', 'Mobile', 'ATM', 'Branch', 'POS') then b.channel
            else case lower(silver.clean_text(b.channel)) when 'atm' then 'ATM' when 'pos' then 'POS'
                      else silver.clean_code(b.channel) end end    as channel,
       silver.clean_code(b.merchant_category)                     as merchant_category,
       case when b.mcc_code ~ '^[0-9]{4}$' then b.mcc_code
            else lpad(silver.clean_id(b.mcc_code), 4, '0') end    as mcc_code,
       silver.clean_text(b.description)                           as description,
       coalesce(b.is_fraud, false)                                as is_fraud,
       b.fraud_score,
       silver.clean_place(b.location_city)                        as location_city,
       silver.clean_upper(b.location_state)                       as location_state,
       silver.clean_upper(b.location_country)                     as location_country,
       b.latitude,
       b.longitude,
       silver.clean_text(b.device_id)                             as device_id,
       silver.clean_text(b.ip_address)                            as ip_address,
       coalesce(b.is_international, false)                        as is_international,
       silver.clean_upper(b.authorization_code)                   as authorization_code,
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
       coalesce(b.decline_reason ~ '\S', false)                   as is_declined,
       a.customer_id                                              as account_customer_id,
       a.open_date                                                as account_open_date,
       a.close_date                                               as account_close_date,
       b                                                             as _raw,
       b._batch_id,
       b._loaded_at
from bronze.transactions b
left join silver.stg_accounts a on a.account_id = silver.clean_id(b.account_id)
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
