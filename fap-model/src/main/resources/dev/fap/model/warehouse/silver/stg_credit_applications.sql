-- Credit applications: ids upper case, decision and channel in title case, risk grade upper case.
select silver.clean_id(b.application_id)             as application_id,
       silver.clean_id(b.customer_id)                as customer_id,
       silver.clean_id(b.product_id)                 as product_id,
       b.application_date,
       b.requested_amount,
       b.requested_term_months,
       b.credit_score_at_application,
       b.annual_income,
       b.debt_to_income_ratio,
       b.employment_length_years,
       silver.clean_code(b.decision)                 as decision,
       b.decision_date,
       b.approved_amount,
       b.approved_rate,
       silver.clean_code(b.application_channel)      as application_channel,
       b.approval_probability_score,
       upper(silver.clean_text(b.risk_grade))        as risk_grade,
       b.decision_date - b.application_date          as days_to_decision,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.credit_applications b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
