-- Customer service contacts: ids upper case, type and reason in title case.
select silver.clean_id(b.interaction_id)             as interaction_id,
       silver.clean_id(b.customer_id)                as customer_id,
       b.interaction_date                            as interaction_ts,
       b.interaction_date::date                      as interaction_date,
       silver.clean_code(b.interaction_type)         as interaction_type,
       silver.clean_code(b.reason)                   as reason,
       b.duration_minutes,
       b.sentiment_score,
       b.satisfaction_rating,
       coalesce(b.resolved, false)                   as resolved,
       coalesce(b.escalated, false)                  as escalated,
       silver.clean_id(b.agent_id)                   as agent_id,
       silver.clean_text(b.notes)                    as notes,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.customer_interactions b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
