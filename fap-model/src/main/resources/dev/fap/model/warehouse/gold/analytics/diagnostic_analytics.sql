-- Why it happened: fraud and decline rates by slice of the transactions (analysis = 'transactions'),
-- and churn by slice of the customers (analysis = 'churn'), each with its lift over the overall rate.
-- One row per (analysis, dimension, segment); segment_order sorts segments naturally.
--
-- The transactions' slices are aggregated in one pass over them (grouping sets, one per dimension; the
-- declined ones also by decline_reason); tx keeps only the columns the slices and rates use, and is read once
-- (the overall rates come from the channel slices), so PostgreSQL streams it instead of storing it.
with tx as (
    select f.hour_of_day, f.day_of_week, f.is_declined, f.decline_reason, f.is_fraud,
           f.transaction_amount_abs, f.fraud_amount_abs, f.fraud_score,
           f.channel                                                         as s_channel,
           f.transaction_type                                                as s_transaction_type,
           coalesce(f.merchant_category, 'No Merchant')                      as s_merchant_category,
           lpad(f.hour_of_day::text, 2, '0')                                 as s_hour_of_day,
           to_char(f.transaction_date, 'FMDay')                              as s_day_of_week,
           f.time_of_day                                                     as s_time_of_day,
           case when f.is_international then 'International' else 'Domestic' end as s_is_international,
           coalesce(m.risk_rating, 'No Merchant')                            as s_merchant_risk_rating,
           case m.risk_rating when 'Low' then 1 when 'Medium' then 2 when 'High' then 3 else 4 end as merchant_risk_order,
           coalesce(c.customer_segment, 'Unknown')                           as s_customer_segment,
           coalesce(c.credit_score_band, 'Unknown')                          as s_credit_score_band
    from gold.fact_transactions f
    join gold.dim_customer c on c.customer_key = f.customer_key
    left join gold.dim_merchant m on m.merchant_key = f.merchant_key
), tx_sets as (
    select case when grouping(s_channel) = 0 then 'channel'
                when grouping(s_transaction_type) = 0 then 'transaction_type'
                when grouping(s_merchant_category) = 0 then 'merchant_category'
                when grouping(s_hour_of_day) = 0 then 'hour_of_day'
                when grouping(s_day_of_week) = 0 then 'day_of_week'
                when grouping(s_time_of_day) = 0 then 'time_of_day'
                when grouping(s_is_international) = 0 then 'is_international'
                when grouping(s_merchant_risk_rating) = 0 then 'merchant_risk_rating'
                when grouping(s_customer_segment) = 0 then 'customer_segment'
                when grouping(s_credit_score_band) = 0 then 'credit_score_band'
                when grouping(decline_reason) = 0 then 'decline_reason' end as dimension,
           case when grouping(s_channel) = 0 then s_channel
                when grouping(s_transaction_type) = 0 then s_transaction_type
                when grouping(s_merchant_category) = 0 then s_merchant_category
                when grouping(s_hour_of_day) = 0 then s_hour_of_day
                when grouping(s_day_of_week) = 0 then s_day_of_week
                when grouping(s_time_of_day) = 0 then s_time_of_day
                when grouping(s_is_international) = 0 then s_is_international
                when grouping(s_merchant_risk_rating) = 0 then s_merchant_risk_rating
                when grouping(s_customer_segment) = 0 then s_customer_segment
                when grouping(s_credit_score_band) = 0 then s_credit_score_band
                when grouping(decline_reason) = 0 then decline_reason end as segment,
           case when grouping(s_hour_of_day) = 0 then min(hour_of_day)
                when grouping(s_day_of_week) = 0 then min(day_of_week)
                when grouping(s_merchant_risk_rating) = 0 then min(merchant_risk_order) end as segment_order,
           grouping(is_declined) = 0 and not coalesce(is_declined, false)   as not_declined_set,
           count(*)                                                        as transactions,
           count(*) filter (where is_fraud)                                as fraud_count,
           count(*) filter (where is_declined)                             as decline_count,
           sum(transaction_amount_abs)                                     as total_amount,
           round(avg(transaction_amount_abs), 2)                           as avg_amount,
           sum(fraud_amount_abs)                                           as fraud_amount,
           round(avg(fraud_score), 4)                                      as avg_fraud_score
    from tx
    group by grouping sets ((s_channel), (s_transaction_type), (s_merchant_category), (s_hour_of_day), (s_day_of_week), (s_time_of_day),
                            (s_is_international), (s_merchant_risk_rating), (s_customer_segment), (s_credit_score_band),
                            (is_declined, decline_reason))
), overall_tx as (
    -- every transaction lies in exactly one channel row: the overall rates from those (tx is read once, not stored)
    select sum(fraud_count) / sum(transactions) as fraud_rate, sum(decline_count) / sum(transactions) as decline_rate
    from tx_sets
    where dimension = 'channel'
), tx_rows as (
    -- decline reasons of the declined transactions only
    select 'transactions'::text as analysis, dimension, segment, segment_order, transactions, fraud_count, decline_count,
           total_amount, avg_amount, fraud_amount, avg_fraud_score
    from tx_sets
    where not not_declined_set
), cust as (
    -- tenure as of the data's "now" (dim_customer stores no clock-relative value: see tenure_days_at_valid_from)
    select c.*, case when k.as_of_date - c.signup_date < 365 then '0-1y' when k.as_of_date - c.signup_date < 730 then '1-2y'
                     when k.as_of_date - c.signup_date < 1825 then '2-5y' else '5y+' end as tenure_band
    from gold.dim_customer c, (select as_of_date from silver.data_clock) k where c.is_current
), cust_slices as (
    select 'tenure_band' as dimension, tenure_band as segment, * from cust
    union all select 'customer_segment', coalesce(customer_segment, 'Unknown'), * from cust
    union all select 'age_band', coalesce(age_band, 'Unknown'), * from cust
    union all select 'credit_score_band', coalesce(credit_score_band, 'Unknown'), * from cust
    union all select 'income_band', coalesce(income_band, 'Unknown'), * from cust
    union all select 'loyalty_tier', coalesce(loyalty_tier, 'Unknown'), * from cust
    union all select 'preferred_channel', coalesce(preferred_channel, 'Unknown'), * from cust
), overall_churn as (
    select avg(case when is_active then 0.0 else 1 end) as churn_rate from cust
), cust_rows as (
    select 'churn'::text as analysis, dimension, segment, count(*) as customers,
           count(*) filter (where not is_active) as churned_customers
    from cust_slices
    group by dimension, segment
)
select r.analysis, r.dimension, r.segment, r.segment_order,
       r.transactions, r.fraud_count,
       round(r.fraud_count::numeric / r.transactions, 6)                   as fraud_rate,
       round(r.fraud_count::numeric / r.transactions / nullif(o.fraud_rate, 0), 4) as fraud_lift,
       r.decline_count,
       round(r.decline_count::numeric / r.transactions, 6)                 as decline_rate,
       round(r.decline_count::numeric / r.transactions / nullif(o.decline_rate, 0), 4) as decline_lift,
       r.total_amount, r.avg_amount, r.fraud_amount, r.avg_fraud_score,
       round(r.transactions::numeric / sum(r.transactions) over (partition by r.dimension), 6) as share,
       null::bigint as customers, null::bigint as churned_customers, null::numeric as churn_rate, null::numeric as churn_lift
from tx_rows r cross join overall_tx o
union all
select r.analysis, r.dimension, r.segment, null,
       null, null, null, null, null, null, null, null, null, null, null,
       round(r.customers::numeric / sum(r.customers) over (partition by r.dimension), 6),
       r.customers, r.churned_customers,
       round(r.churned_customers::numeric / r.customers, 6),
       round(r.churned_customers::numeric / r.customers / nullif(o.churn_rate, 0), 4)
from cust_rows r cross join overall_churn o
