-- Can we generalise: monthly retention cohorts with the sample statistics that confidence intervals and
-- tests need. A customer's cohort is the month of their first transaction in the data; period_number
-- counts months since then; a customer is retained in a period if they transacted in it.
with monthly as (
    select m.customer_id, m.month_start, m.transaction_count, m.total_spend
    from gold.fact_customer_monthly m
), first_month as (
    select customer_id, min(month_start) as cohort_month from monthly where transaction_count > 0 group by customer_id
), cohort_size as (
    select cohort_month, count(*) as cohort_size from first_month group by cohort_month
), periods as (
    select f.cohort_month, m.customer_id, m.month_start, m.transaction_count, m.total_spend,
           ((extract(year from m.month_start) - extract(year from f.cohort_month)) * 12
             + extract(month from m.month_start) - extract(month from f.cohort_month))::int as period_number
    from monthly m join first_month f on f.customer_id = m.customer_id
    where m.month_start >= f.cohort_month
)
select to_char(p.cohort_month, 'YYYY-MM')                                             as cohort,
       p.cohort_month,
       p.period_number,
       to_char(min(p.month_start), 'YYYY-MM')                                         as year_month,
       s.cohort_size,
       count(*) filter (where p.transaction_count > 0)                                as active_customers,
       round((count(*) filter (where p.transaction_count > 0))::numeric / s.cohort_size, 6) as retention_rate,
       -- standard error of the retention proportion, sqrt(p (1 - p) / n)
       round(sqrt(((count(*) filter (where p.transaction_count > 0))::numeric / s.cohort_size)
                  * (1 - (count(*) filter (where p.transaction_count > 0))::numeric / s.cohort_size) / s.cohort_size), 6) as retention_std_error,
       sum(p.total_spend)                                                             as total_spend,
       round(avg(p.total_spend), 4)                                                   as mean_spend,
       round(stddev_samp(p.total_spend), 4)                                           as stddev_spend,
       round(stddev_samp(p.total_spend) / sqrt(count(*)::numeric), 4)                          as sem_spend,
       count(*)                                                                       as customers_observed,
       round(avg(p.transaction_count), 4)                                             as mean_transactions,
       round(var_samp(p.transaction_count), 4)                                        as var_transactions
from periods p join cohort_size s on s.cohort_month = p.cohort_month
group by p.cohort_month, p.period_number, s.cohort_size
