-- Scheduled and actual payments on loan and card accounts.
select silver.clean_id(b.payment_id)                 as payment_id,
       silver.clean_id(b.account_id)                 as account_id,
       silver.clean_id(b.customer_id)                as customer_id,
       b.scheduled_date,
       b.actual_date,
       b.scheduled_amount,
       coalesce(b.actual_amount, 0)                  as actual_amount,
       coalesce(b.is_late, false)                    as is_late,
       coalesce(b.days_late, 0)                      as days_late,
       coalesce(b.late_fee, 0)                       as late_fee,
       silver.clean_code(b.payment_method)           as payment_method,
       b.outstanding_balance,
       b.actual_date is null                         as is_missed,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.loan_payments b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
