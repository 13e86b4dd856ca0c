-- Product catalog: ids upper case, names trimmed, category and tier in title case.
select silver.clean_id(b.product_id)                 as product_id,
       silver.clean_text(b.product_name)             as product_name,
       silver.clean_code(b.category)                 as product_category,
       b.interest_rate,
       b.min_balance,
       b.monthly_fee,
       b.overdraft_limit,
       silver.clean_code(b.product_tier)             as product_tier,
       coalesce(b.is_premium, false)                 as is_premium,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.products b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
