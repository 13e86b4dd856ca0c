-- Fraud alerts: ids upper case, type, severity and status in title case.
select silver.clean_id(b.alert_id)                   as alert_id,
       silver.clean_id(b.transaction_id)             as transaction_id,
       silver.clean_id(b.customer_id)                as customer_id,
       silver.clean_id(b.account_id)                 as account_id,
       b.alert_date                                  as alert_ts,
       b.alert_date::date                            as alert_date,
       silver.clean_code(b.alert_type)               as alert_type,
       silver.clean_code(b.alert_severity)           as alert_severity,
       silver.clean_code(b.investigation_status)     as investigation_status,
       b.resolution_date,
       b.amount_recovered,
       silver.clean_text(b.assigned_to)              as assigned_to,
       silver.clean_text(b.notes)                    as notes,
       b.resolution_date - b.alert_date::date        as days_to_resolution,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.fraud_alerts b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
