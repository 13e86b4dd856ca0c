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
       to_json(b)                                       as _raw,
       b._batch_id,
       b._loaded_at
from bronze.products b
-- fence: computed once per row, not again in the engine's rules and sort key (see stg_transactions.sql)
offset 0
