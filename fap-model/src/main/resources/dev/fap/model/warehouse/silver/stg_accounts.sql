-- Accounts: ids upper case, status in title case, currency upper case, flags never null. The owner's
-- signup date comes along (customer_signup_date) for the rule that an account opens after it.
select silver.clean_id(b.account_id)                 as account_id,
       silver.clean_id(b.customer_id)                as customer_id,
       silver.clean_id(b.product_id)                 as product_id,
       silver.clean_id(b.account_number)             as account_number,
       silver.clean_code(b.account_status)           as account_status,
       b.open_date,
       b.close_date,
       b.current_balance,
       b.available_balance,
       b.credit_limit,
       upper(silver.clean_text(b.currency))          as currency,
       b.interest_rate,
       b.minimum_payment,
       b.payment_due_date,
       b.last_statement_date,
       coalesce(b.autopay_enabled, false)            as autopay_enabled,
       coalesce(b.overdraft_protection, false)       as overdraft_protection,
       coalesce(b.primary_account, false)            as primary_account,
       c.signup_date                                 as customer_signup_date,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.accounts b
left join silver.stg_customers c on c.customer_id = silver.clean_id(b.customer_id)
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
