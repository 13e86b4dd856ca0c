-- Campaign treatment/control assignments and the funnel per contacted customer.
select silver.clean_id(b.contact_id)                 as contact_id,
       silver.clean_id(b.campaign_id)                as campaign_id,
       silver.clean_id(b.customer_id)                as customer_id,
       silver.clean_code(b.assignment)               as assignment,
       b.contact_date,
       coalesce(b.opened, false)                     as opened,
       coalesce(b.clicked, false)                    as clicked,
       coalesce(b.converted, false)                  as converted,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.campaign_contacts b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
