-- Customer dimension, SCD Type 2. The first version of a customer holds the attributes as at signup
-- (silver.stg_customers); each later date with changes in silver.stg_customer_changes opens a new
-- version in which the changed attributes take their new values and all others carry over.
-- Validity is half-open: valid_from <= d < valid_to; the current version has valid_to 9999-12-31.
-- customer_key = (number in customer_id) * 100000 + (valid_from - 1900-01-01): unique, and the same
-- on every rebuild of the same data (no hashes, no sequences).
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
), versions as (
    select b.customer_id, b.signup_date as valid_from, array[]::text[] as changed_attributes,
           null::text as address_v, null::text as email_v, null::text as phone_v, null::text as last_name_v,
           null::text as city_v, null::text as state_v, null::text as zip_code_v, null::text as country_v,
           null::text as annual_income_v, null::text as credit_score_v, null::text as employment_status_v,
           null::text as employer_v, null::text as job_title_v, null::text as education_level_v,
           null::text as marital_status_v, null::text as number_of_dependents_v, null::text as home_ownership_v,
           null::text as customer_segment_v, null::text as life_stage_v, null::text as risk_segment_v,
           null::text as loyalty_tier_v, null::text as preferred_channel_v, null::text as marketing_opt_in_v,
           null::text as is_active_v
    from base b
    where not exists (select 1 from last_per_day l where l.customer_id = b.customer_id and l.d = b.signup_date)
    union all
    select customer_id, d, array_agg(attribute order by attribute),
           max(new_value) filter (where attribute = 'address'),
           max(new_value) filter (where attribute = 'email'),
           max(new_value) filter (where attribute = 'phone'),
           max(new_value) filter (where attribute = 'last_name'),
           max(new_value) filter (where attribute = 'city'),
           max(new_value) filter (where attribute = 'state'),
           max(new_value) filter (where attribute = 'zip_code'),
           max(new_value) filter (where attribute = 'country'),
           max(new_value) filter (where attribute = 'annual_income'),
           max(new_value) filter (where attribute = 'credit_score'),
           max(new_value) filter (where attribute = 'employment_status'),
           max(new_value) filter (where attribute = 'employer'),
           max(new_value) filter (where attribute = 'job_title'),
           max(new_value) filter (where attribute = 'education_level'),
           max(new_value) filter (where attribute = 'marital_status'),
           max(new_value) filter (where attribute = 'number_of_dependents'),
           max(new_value) filter (where attribute = 'home_ownership'),
           max(new_value) filter (where attribute = 'customer_segment'),
           max(new_value) filter (where attribute = 'life_stage'),
           max(new_value) filter (where attribute = 'risk_segment'),
           max(new_value) filter (where attribute = 'loyalty_tier'),
           max(new_value) filter (where attribute = 'preferred_channel'),
           max(new_value) filter (where attribute = 'marketing_opt_in'),
           max(new_value) filter (where attribute = 'is_active')
    from last_per_day
    group by customer_id, d
), grouped as (
    -- g_x counts the versions up to this one that set x: rows sharing (customer_id, g_x) carry one value
    select v.*,
           count(address_v) over w as g_address, count(email_v) over w as g_email, count(phone_v) over w as g_phone,
           count(last_name_v) over w as g_last_name, count(city_v) over w as g_city, count(state_v) over w as g_state,
           count(zip_code_v) over w as g_zip_code, count(country_v) over w as g_country,
           count(annual_income_v) over w as g_annual_income, count(credit_score_v) over w as g_credit_score,
           count(employment_status_v) over w as g_employment_status, count(employer_v) over w as g_employer,
           count(job_title_v) over w as g_job_title, count(education_level_v) over w as g_education_level,
           count(marital_status_v) over w as g_marital_status, count(number_of_dependents_v) over w as g_number_of_dependents,
           count(home_ownership_v) over w as g_home_ownership, count(customer_segment_v) over w as g_customer_segment,
           count(life_stage_v) over w as g_life_stage, count(risk_segment_v) over w as g_risk_segment,
           count(loyalty_tier_v) over w as g_loyalty_tier, count(preferred_channel_v) over w as g_preferred_channel,
           count(marketing_opt_in_v) over w as g_marketing_opt_in, count(is_active_v) over w as g_is_active,
           row_number() over w as version_number,
           lead(valid_from) over w as next_valid_from
    from versions v
    window w as (partition by customer_id order by valid_from)
), carried as (
    select g.customer_id, g.valid_from, g.next_valid_from, g.version_number, g.changed_attributes,
           max(address_v) over (partition by customer_id, g_address) as address_c,
           max(email_v) over (partition by customer_id, g_email) as email_c,
           max(phone_v) over (partition by customer_id, g_phone) as phone_c,
           max(last_name_v) over (partition by customer_id, g_last_name) as last_name_c,
           max(city_v) over (partition by customer_id, g_city) as city_c,
           max(state_v) over (partition by customer_id, g_state) as state_c,
           max(zip_code_v) over (partition by customer_id, g_zip_code) as zip_code_c,
           max(country_v) over (partition by customer_id, g_country) as country_c,
           max(annual_income_v) over (partition by customer_id, g_annual_income) as annual_income_c,
           max(credit_score_v) over (partition by customer_id, g_credit_score) as credit_score_c,
           max(employment_status_v) over (partition by customer_id, g_employment_status) as employment_status_c,
           max(employer_v) over (partition by customer_id, g_employer) as employer_c,
           max(job_title_v) over (partition by customer_id, g_job_title) as job_title_c,
           max(education_level_v) over (partition by customer_id, g_education_level) as education_level_c,
           max(marital_status_v) over (partition by customer_id, g_marital_status) as marital_status_c,
           max(number_of_dependents_v) over (partition by customer_id, g_number_of_dependents) as number_of_dependents_c,
           max(home_ownership_v) over (partition by customer_id, g_home_ownership) as home_ownership_c,
           max(customer_segment_v) over (partition by customer_id, g_customer_segment) as customer_segment_c,
           max(life_stage_v) over (partition by customer_id, g_life_stage) as life_stage_c,
           max(risk_segment_v) over (partition by customer_id, g_risk_segment) as risk_segment_c,
           max(loyalty_tier_v) over (partition by customer_id, g_loyalty_tier) as loyalty_tier_c,
           max(preferred_channel_v) over (partition by customer_id, g_preferred_channel) as preferred_channel_c,
           max(marketing_opt_in_v) over (partition by customer_id, g_marketing_opt_in) as marketing_opt_in_c,
           max(is_active_v) over (partition by customer_id, g_is_active) as is_active_c
    from grouped g
), resolved as (
    select c.customer_id, c.valid_from, coalesce(c.next_valid_from, date '9999-12-31') as valid_to,
           c.next_valid_from is null as is_current, c.version_number::int as version_number, c.changed_attributes,
           b.first_name,
           coalesce(c.last_name_c, b.last_name) as last_name,
           coalesce(c.email_c, b.email_masked) as email_masked,
           coalesce(split_part(c.email_c, '@', 2), b.email_domain) as email_domain,
           coalesce(c.phone_c, b.phone_masked) as phone_masked,
           b.ssn_last4,
           b.birth_year,
           coalesce(c.address_c, b.address_hash) as address_hash,
           coalesce(c.city_c, b.city) as city,
           coalesce(c.state_c, b.state) as state,
           coalesce(c.zip_code_c, b.zip_code) as zip_code,
           coalesce(c.country_c, b.country) as country,
           b.signup_date,
           coalesce(c.credit_score_c::numeric::int, b.credit_score) as credit_score,
           coalesce(c.annual_income_c::numeric(14,2), b.annual_income) as annual_income,
           coalesce(c.employment_status_c, b.employment_status) as employment_status,
           coalesce(c.employer_c, b.employer) as employer,
           coalesce(c.job_title_c, b.job_title) as job_title,
           coalesce(c.education_level_c, b.education_level) as education_level,
           coalesce(c.marital_status_c, b.marital_status) as marital_status,
           coalesce(c.number_of_dependents_c::numeric::int, b.number_of_dependents) as number_of_dependents,
           coalesce(c.home_ownership_c, b.home_ownership) as home_ownership,
           coalesce(c.customer_segment_c, b.customer_segment) as customer_segment,
           coalesce(c.life_stage_c, b.life_stage) as life_stage,
           coalesce(c.risk_segment_c, b.risk_segment) as risk_segment,
           coalesce(c.loyalty_tier_c, b.loyalty_tier) as loyalty_tier,
           coalesce(c.preferred_channel_c, b.preferred_channel) as preferred_channel,
           coalesce(c.marketing_opt_in_c::boolean, b.marketing_opt_in) as marketing_opt_in,
           coalesce(c.is_active_c::boolean, b.is_active) as is_active,
           b.acquisition_channel,
           b.bank_customer_lifetime_value,
           b.bank_churn_risk_score,
           b.last_login_date,
           b.age
    from carried c
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
       (select as_of_date from silver.data_clock) - r.signup_date as tenure_days,
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
