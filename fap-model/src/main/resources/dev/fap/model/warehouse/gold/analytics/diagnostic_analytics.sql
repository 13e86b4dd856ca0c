-- Why it happened: fraud and decline rates by slice of the transactions (analysis = 'transactions'),
-- and churn by slice of the customers (analysis = 'churn'), each with its lift over the overall rate.
-- One row per (analysis, dimension, segment); segment_order sorts segments naturally.
with tx as (
    select f.*, m.risk_rating as merchant_risk_rating, c.customer_segment, c.credit_score_band
    from gold.fact_transactions f
    join gold.dim_customer c on c.customer_key = f.customer_key
    left join gold.dim_merchant m on m.merchant_key = f.merchant_key
), tx_slices as (
    select 'channel' as dimension, channel as segment, null::int as segment_order, * from tx
    union all select 'transaction_type', transaction_type, null, * from tx
    union all select 'merchant_category', coalesce(merchant_category, 'No Merchant'), null, * from tx
    union all select 'hour_of_day', lpad(hour_of_day::text, 2, '0'), hour_of_day, * from tx
    union all select 'day_of_week', to_char(transaction_date, 'FMDay'), day_of_week, * from tx
    union all select 'time_of_day', time_of_day, null, * from tx
    union all select 'is_international', case when is_international then 'International' else 'Domestic' end, null, * from tx
    union all select 'merchant_risk_rating', coalesce(merchant_risk_rating, 'No Merchant'),
                     case merchant_risk_rating when 'Low' then 1 when 'Medium' then 2 when 'High' then 3 else 4 end, * from tx
    union all select 'customer_segment', coalesce(customer_segment, 'Unknown'), null, * from tx
    union all select 'credit_score_band', coalesce(credit_score_band, 'Unknown'), null, * from tx
    union all select 'decline_reason', decline_reason, null, * from tx where is_declined
), overall_tx as (
    select avg(case when is_fraud then 1.0 else 0 end) as fraud_rate, avg(case when is_declined then 1.0 else 0 end) as decline_rate
    from tx
), tx_rows as (
    select 'transactions'::text as analysis, dimension, segment, min(segment_order) as segment_order,
           count(*)                                                        as transactions,
           count(*) filter (where is_fraud)                                as fraud_count,
           count(*) filter (where is_declined)                             as decline_count,
           sum(transaction_amount_abs)                                     as total_amount,
           round(avg(transaction_amount_abs), 2)                           as avg_amount,
           sum(fraud_amount_abs)                                           as fraud_amount,
           round(avg(fraud_score), 4)                                      as avg_fraud_score
    from tx_slices
    group by dimension, segment
), cust as (
    select c.*, case when c.tenure_days < 365 then '0-1y' when c.tenure_days < 730 then '1-2y'
                     when c.tenure_days < 1825 then '2-5y' else '5y+' end as tenure_band
    from gold.dim_customer c where c.is_current
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
