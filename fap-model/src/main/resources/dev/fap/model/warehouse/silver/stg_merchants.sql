-- Merchant master: names and cities with whitespace collapsed, category in title case, state and
-- country codes upper case, MCC as 4 digits.
select silver.clean_id(b.merchant_id)                as merchant_id,
       silver.clean_text(b.merchant_name)            as merchant_name,
       silver.clean_code(b.category)                 as category,
       lpad(silver.clean_id(b.mcc_code), 4, '0')     as mcc_code,
       silver.clean_place(b.city)                    as city,
       upper(silver.clean_text(b.state))             as state,
       upper(silver.clean_text(b.country))           as country,
       b.latitude,
       b.longitude,
       silver.clean_code(b.risk_rating)              as risk_rating,
       b.avg_transaction_amount,
       coalesce(b.is_online, false)                  as is_online,
       b.established_date,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.merchants b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
