-- Dated changes of customer attributes (source of dim_customer's SCD Type 2 history). Values of
-- PII attributes are masked or hashed the same way as in stg_customers; the new value is standardised
-- like the column it changes (codes in title case, state upper case, ZIP with 5 digits).
select silver.clean_id(b.change_id)                  as change_id,
       silver.clean_id(b.customer_id)                as customer_id,
       b.change_date,
       lower(silver.clean_text(b.attribute))         as attribute,
       case lower(silver.clean_text(b.attribute))
            when 'address' then silver.pii_hash(lower(silver.clean_text(b.old_value)))
            when 'email' then silver.mask_email(b.old_value)
            when 'phone' then silver.mask_phone(b.old_value)
            else silver.clean_text(b.old_value) end  as old_value,
       case lower(silver.clean_text(b.attribute))
            when 'address' then silver.pii_hash(lower(silver.clean_text(b.new_value)))
            when 'email' then silver.mask_email(b.new_value)
            when 'phone' then silver.mask_phone(b.new_value)
            when 'state' then upper(silver.clean_text(b.new_value))
            when 'country' then upper(silver.clean_text(b.new_value))
            when 'city' then silver.clean_place(b.new_value)
            when 'zip_code' then silver.postal_code(b.new_value)
            when 'preferred_channel' then case lower(silver.clean_text(b.new_value)) when 'atm' then 'ATM' when 'pos' then 'POS'
                                               else silver.clean_code(b.new_value) end
            when 'is_active' then lower(silver.clean_text(b.new_value))
            when 'marketing_opt_in' then lower(silver.clean_text(b.new_value))
            when 'employer' then silver.clean_text(b.new_value)
            when 'job_title' then silver.clean_text(b.new_value)
            when 'annual_income' then silver.clean_text(b.new_value)
            when 'credit_score' then silver.clean_text(b.new_value)
            when 'number_of_dependents' then silver.clean_text(b.new_value)
            else silver.clean_code(b.new_value) end  as new_value,
       -- the bronze row without load columns, and without the values of a PII attribute, as a row value: the engine
       -- turns it into JSON only for the rows it quarantines
       case when lower(silver.clean_text(b.attribute)) in ('address', 'email', 'phone')
            then (select r from (select b.change_id, b.customer_id, b.change_date, b.attribute) r)
            else (select r from (select b.change_id, b.customer_id, b.change_date, b.attribute, b.old_value, b.new_value) r)
            end                                      as _raw,
       b._batch_id,
       b._loaded_at
from bronze.customer_changes b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
