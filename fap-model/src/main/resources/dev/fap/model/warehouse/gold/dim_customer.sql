-- Customer dimension, SCD Type 2. The first version of a customer holds the attributes as at signup
-- (silver.stg_customers); each later date with changes in silver.stg_customer_changes opens a new
-- version in which the changed attributes take their new values and all others carry over.
-- Validity is half-open: valid_from <= d < valid_to; the current version has valid_to 9999-12-31.
-- customer_key = (number in customer_id) * 100000 + (valid_from - 1900-01-01): unique, and the same
-- on every rebuild of the same data (no hashes, no sequences).
-- No column depends on the data clock (tenure is stored as at the version's start, tenure_days_at_valid_from; tenure
-- as of "now" is as_of_date - signup_date), so an incremental run's merge writes only new and changed versions.
-- The attributes a version carries over are one cumulative jsonb per customer (latest value per
-- attribute up to the version's day), built in a single window pass over the change days.
with base as (
    select * from silver.stg_customers
), changes as (
    select ch.customer_id, greatest(ch.change_date, b.signup_date) as d, ch.attribute, ch.new_value, ch.change_date, ch.change_id
    from silver.stg_customer_changes ch
    join base b on b.customer_id = ch.customer_id
), last_per_day as (
    select distinct on (customer_id, d, attribute) customer_id, d, attribute, new_value
    from changes
    order by customer_id, d, attribute, change_date desc, change_id desc
), change_days as (
    select customer_id, d, array_agg(attribute order by attribute) as changed_attributes
    from last_per_day
    group by customer_id, d
), states as (
    -- the attributes set so far at the end of each change day: one cumulative jsonb per customer, the
    -- latest value of each attribute winning (a null new value sets nothing)
    select distinct on (customer_id, d) customer_id, d,
           jsonb_object_agg(attribute, new_value) filter (where new_value is not null)
               over (partition by customer_id order by d)                    as carried
    from last_per_day
    order by customer_id, d
), versions as (
    select b.customer_id, b.signup_date as valid_from, array[]::text[] as changed_attributes, null::jsonb as carried
    from base b
    where not exists (select 1 from last_per_day l where l.customer_id = b.customer_id and l.d = b.signup_date)
    union all
    select c.customer_id, c.d, c.changed_attributes, s.carried
    from change_days c
    join states s on s.customer_id = c.customer_id and s.d = c.d
), numbered as (
    select v.*, row_number() over w as version_number, lead(v.valid_from) over w as next_valid_from
    from versions v
    window w as (partition by v.customer_id order by v.valid_from)
), resolved as (
    select c.customer_id, c.valid_from, coalesce(c.next_valid_from, date '9999-12-31') as valid_to,
           c.next_valid_from is null as is_current, c.version_number::int as version_number, c.changed_attributes,
           b.first_name,
           coalesce((c.carried ->> 'last_name'), b.last_name) as last_name,
           coalesce((c.carried ->> 'email'), b.email_masked) as email_masked,
           coalesce(split_part((c.carried ->> 'email'), '@', 2), b.email_domain) as email_domain,
           coalesce((c.carried ->> 'phone'), b.phone_masked) as phone_masked,
           b.ssn_last4,
           b.birth_year,
           coalesce((c.carried ->> 'address'), b.address_hash) as address_hash,
           coalesce((c.carried ->> 'city'), b.city) as city,
           coalesce((c.carried ->> 'state'), b.state) as state,
           coalesce((c.carried ->> 'zip_code'), b.zip_code) as zip_code,
           coalesce((c.carried ->> 'country'), b.country) as country,
           b.signup_date,
           coalesce((c.carried ->> 'credit_score')::numeric::int, b.credit_score) as credit_score,
           coalesce((c.carried ->> 'annual_income')::numeric(14,2), b.annual_income) as annual_income,
           coalesce((c.carried ->> 'employment_status'), b.employment_status) as employment_status,
           coalesce((c.carried ->> 'employer'), b.employer) as employer,
           coalesce((c.carried ->> 'job_title'), b.job_title) as job_title,
           coalesce((c.carried ->> 'education_level'), b.education_level) as education_level,
           coalesce((c.carried ->> 'marital_status'), b.marital_status) as marital_status,
           coalesce((c.carried ->> 'number_of_dependents')::numeric::int, b.number_of_dependents) as number_of_dependents,
           coalesce((c.carried ->> 'home_ownership'), b.home_ownership) as home_ownership,
           coalesce((c.carried ->> 'customer_segment'), b.customer_segment) as customer_segment,
           coalesce((c.carried ->> 'life_stage'), b.life_stage) as life_stage,
           coalesce((c.carried ->> 'risk_segment'), b.risk_segment) as risk_segment,
           coalesce((c.carried ->> 'loyalty_tier'), b.loyalty_tier) as loyalty_tier,
           coalesce((c.carried ->> 'preferred_channel'), b.preferred_channel) as preferred_channel,
           coalesce((c.carried ->> 'marketing_opt_in')::boolean, b.marketing_opt_in) as marketing_opt_in,
           coalesce((c.carried ->> 'is_active')::boolean, b.is_active) as is_active,
           b.acquisition_channel,
           b.bank_customer_lifetime_value,
           b.bank_churn_risk_score,
           b.last_login_date,
           b.age
    from numbered c
    join base b on b.customer_id = c.customer_id
)
select silver.id_number(r.customer_id) * 100000 + (r.valid_from - date '1900-01-01') as customer_key,
       r.customer_id,
       r.valid_from,
       r.valid_to,
       r.is_current,
       r.version_number,
       r.changed_attributes,
       r.first_name,
       r.last_name,
       concat_ws(' ', r.first_name, r.last_name)                  as full_name,
       r.email_masked,
       r.email_domain,
       r.phone_masked,
       r.ssn_last4,
       r.birth_year,
       r.age,
       case when r.age < 25 then '18-24' when r.age < 35 then '25-34' when r.age < 45 then '35-44'
            when r.age < 55 then '45-54' when r.age < 65 then '55-64' when r.age is not null then '65+' end as age_band,
       r.address_hash,
       r.city,
       r.state,
       r.zip_code,
       r.country,
       r.signup_date,
       extract(year from r.signup_date)::int                      as signup_year,
       to_char(r.signup_date, 'YYYY-MM')                          as signup_cohort,
       r.valid_from - r.signup_date                               as tenure_days_at_valid_from,
       r.credit_score,
       case when r.credit_score < 580 then 'Poor' when r.credit_score < 670 then 'Fair'
            when r.credit_score < 740 then 'Good' when r.credit_score < 800 then 'Very Good'
            when r.credit_score is not null then 'Exceptional' end as credit_score_band,
       r.annual_income,
       case when r.annual_income < 35000 then 'Under 35k' when r.annual_income < 75000 then '35k-75k'
            when r.annual_income < 150000 then '75k-150k' when r.annual_income is not null then '150k+' end as income_band,
       r.employment_status,
       r.employer,
       r.job_title,
       r.education_level,
       r.marital_status,
       r.number_of_dependents,
       r.home_ownership,
       r.customer_segment,
       r.life_stage,
       r.risk_segment,
       r.loyalty_tier,
       r.preferred_channel,
       r.marketing_opt_in,
       r.is_active,
       r.acquisition_channel,
       r.bank_customer_lifetime_value,
       r.bank_churn_risk_score,
       r.last_login_date
from resolved r
