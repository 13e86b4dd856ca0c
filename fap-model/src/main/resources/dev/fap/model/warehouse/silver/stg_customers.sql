-- Customers as at signup. PII stays in bronze: the SSN is reduced to its last four digits, e-mail
-- and phone are masked (with a salted hash to join on), the street address is hashed, the date of
-- birth is reduced to the birth year; _raw (kept for quarantined rows) leaves these columns out too.
-- Names are kept (the customer dimension needs them).
select silver.clean_id(b.customer_id)                                    as customer_id,
       initcap(silver.clean_text(b.first_name))                          as first_name,
       initcap(silver.clean_text(b.last_name))                           as last_name,
       -- as silver.mask_email / silver.mask_phone, from the values validated once (v)
       case when v.email is not null then left(v.email, 1) || '***@' || split_part(v.email, '@', 2) end as email_masked,
       split_part(v.email, '@', 2)                                       as email_domain,
       silver.pii_hash(v.email)                                          as email_hash,
       silver.clean_text(b.email) is null or v.email is not null         as email_valid,
       case when v.phone is not null then '***-***-' || right(v.phone, 4) end as phone_masked,
       silver.pii_hash(v.phone)                                          as phone_hash,
       silver.clean_text(b.phone) is null or v.phone is not null         as phone_valid,
       right(regexp_replace(b.ssn, '[^0-9]', '', 'g'), 4)                as ssn_last4,
       extract(year from b.date_of_birth)::int                           as birth_year,
       b.age,
       silver.pii_hash(lower(silver.clean_text(b.address)))              as address_hash,
       silver.clean_place(b.city)                                        as city,
       upper(silver.clean_text(b.state))                                 as state,
       silver.postal_code(b.zip_code)                                    as zip_code,
       upper(silver.clean_text(b.country))                               as country,
       b.signup_date,
       b.credit_score,
       b.annual_income,
       silver.clean_code(b.employment_status)                            as employment_status,
       silver.clean_text(b.employer)                                     as employer,
       silver.clean_text(b.job_title)                                    as job_title,
       silver.clean_code(b.education_level)                              as education_level,
       silver.clean_code(b.marital_status)                               as marital_status,
       b.number_of_dependents,
       silver.clean_code(b.home_ownership)                               as home_ownership,
       silver.clean_code(b.customer_segment)                             as customer_segment,
       silver.clean_code(b.life_stage)                                   as life_stage,
       silver.clean_code(b.risk_segment)                                 as risk_segment,
       coalesce(b.is_active, true)                                       as is_active,
       case lower(silver.clean_text(b.preferred_channel))
            when 'atm' then 'ATM' when 'pos' then 'POS'
            else silver.clean_code(b.preferred_channel) end              as preferred_channel,
       coalesce(b.marketing_opt_in, false)                               as marketing_opt_in,
       silver.clean_code(b.loyalty_tier)                                 as loyalty_tier,
       b.customer_lifetime_value                                         as bank_customer_lifetime_value,
       b.churn_risk_score                                                as bank_churn_risk_score,
       b.last_login_date,
       silver.clean_code(b.acquisition_channel)                          as acquisition_channel,
       -- the bronze row without its PII (ssn, email, phone, address, date_of_birth) and load columns, as a row value:
       -- the engine turns it into JSON only for the rows it quarantines
       (select r from (select b.customer_id, b.first_name, b.last_name, b.age, b.city, b.state, b.zip_code, b.country,
                              b.signup_date, b.credit_score, b.annual_income, b.employment_status, b.employer, b.job_title,
                              b.education_level, b.marital_status, b.number_of_dependents, b.home_ownership,
                              b.customer_segment, b.life_stage, b.risk_segment, b.is_active, b.preferred_channel,
                              b.marketing_opt_in, b.loyalty_tier, b.customer_lifetime_value, b.churn_risk_score,
                              b.last_login_date, b.acquisition_channel) r)  as _raw,
       b._batch_id,
       b._loaded_at
from bronze.customers b
-- the e-mail and phone validated once per row (offset 0 keeps the planner from copying the expressions
-- back into each output column, which ran the regular expressions four to six times per row)
cross join lateral (select silver.valid_email(b.email) as email, silver.phone_digits(b.phone) as phone offset 0) v
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
