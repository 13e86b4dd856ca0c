-- What happened: one row per calendar month of the data with the bank's headline KPIs.
-- is_complete_month is false for the month that contains the data's "now" (silver.data_clock).
with clock as (
    select * from silver.data_clock
), monthly as (
    select date_trunc('month', f.transaction_date)::date                    as month_start,
           count(*)                                                          as transactions,
           count(*) filter (where f.is_approved)                             as approved_transactions,
           count(*) filter (where f.is_declined)                             as declined_transactions,
           count(distinct f.customer_id)                                     as active_customers,
           count(distinct f.account_id)                                      as active_accounts,
           count(distinct f.merchant_id)                                     as active_merchants,
           sum(f.approved_amount_abs)                                        as total_volume,
           sum(f.debit_amount)                                               as total_spend,
           sum(f.credit_amount)                                              as total_deposits,
           sum(f.net_amount)                                                 as net_flow,
           avg(f.transaction_amount_abs)                                     as avg_transaction_amount,
           percentile_cont(0.5) within group (order by f.transaction_amount_abs) as median_transaction_amount,
           count(*) filter (where f.is_fraud)                                as fraud_transactions,
           sum(f.fraud_amount_abs)                                           as fraud_amount,
           sum(f.fee_amount)                                                 as fees_collected,
           count(*) filter (where f.channel = 'Online')                      as online_transactions,
           count(*) filter (where f.channel = 'Mobile')                      as mobile_transactions,
           count(*) filter (where f.channel = 'ATM')                         as atm_transactions,
           count(*) filter (where f.channel = 'Branch')                      as branch_transactions,
           count(*) filter (where f.channel = 'POS')                         as pos_transactions,
           count(*) filter (where f.is_international)                        as international_transactions,
           avg(f.processing_time_ms)                                         as avg_processing_time_ms
    from gold.fact_transactions f
    group by 1
), signups as (
    select date_trunc('month', signup_date)::date as month_start, count(*) as new_customers
    from gold.dim_customer where is_current group by 1
)
select to_char(m.month_start, 'YYYY-MM')                                     as year_month,
       m.month_start,
       (m.month_start + interval '1 month - 1 day')::date <= k.as_of_date     as is_complete_month,
       m.transactions,
       m.approved_transactions,
       m.declined_transactions,
       m.active_customers,
       m.active_accounts,
       m.active_merchants,
       coalesce(s.new_customers, 0)                                          as new_customers,
       m.total_volume,
       m.total_spend,
       m.total_deposits,
       m.net_flow,
       round(m.avg_transaction_amount, 2)                                    as avg_transaction_amount,
       round(m.median_transaction_amount::numeric, 2)                        as median_transaction_amount,
       round(m.total_volume / nullif(m.active_customers, 0), 2)              as volume_per_active_customer,
       round(m.transactions::numeric / nullif(m.active_customers, 0), 2)     as transactions_per_active_customer,
       m.fraud_transactions,
       round(m.fraud_transactions::numeric / nullif(m.transactions, 0), 6)   as fraud_rate,
       m.fraud_amount,
       round(m.declined_transactions::numeric / nullif(m.transactions, 0), 6) as decline_rate,
       m.fees_collected,
       round(m.online_transactions::numeric / nullif(m.transactions, 0), 4)  as online_share,
       round(m.mobile_transactions::numeric / nullif(m.transactions, 0), 4)  as mobile_share,
       round(m.atm_transactions::numeric / nullif(m.transactions, 0), 4)     as atm_share,
       round(m.branch_transactions::numeric / nullif(m.transactions, 0), 4)  as branch_share,
       round(m.pos_transactions::numeric / nullif(m.transactions, 0), 4)     as pos_share,
       round(m.international_transactions::numeric / nullif(m.transactions, 0), 4) as international_share,
       round(m.avg_processing_time_ms, 1)                                    as avg_processing_time_ms,
       round((m.total_volume - lag(m.total_volume) over w) / nullif(lag(m.total_volume) over w, 0), 4) as volume_growth_mom,
       round((m.transactions - lag(m.transactions) over w)::numeric / nullif(lag(m.transactions) over w, 0), 4) as transactions_growth_mom,
       round((m.active_customers - lag(m.active_customers) over w)::numeric / nullif(lag(m.active_customers) over w, 0), 4) as active_customers_growth_mom,
       sum(m.total_volume) over (w rows between unbounded preceding and current row) as cumulative_volume
from monthly m
cross join clock k
left join signups s on s.month_start = m.month_start
window w as (order by m.month_start)
