-- What patterns exist: one row per current customer with a behaviour profile over the 365 days up to
-- the data's "now" (spend by merchant category, channel mix, timing, balances), standardised z-scores
-- and outlier flags, ready for clustering, correlation and EDA.
with clock as (
    select * from silver.data_clock
), tx as (
    select f.customer_id,
           count(*)                                                               as transactions_365d,
           sum(f.debit_amount)                                                    as spend_365d,
           sum(f.credit_amount)                                                   as deposits_365d,
           avg(f.approved_amount_abs) filter (where f.is_approved)                as avg_ticket,
           stddev_samp(f.approved_amount_abs) filter (where f.is_approved)        as stddev_ticket,
           count(distinct f.merchant_id)                                          as distinct_merchants,
           count(distinct f.merchant_category)                                    as distinct_categories,
           count(distinct f.transaction_date)                                     as active_days,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Grocery')          as grocery_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Restaurant')       as restaurant_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Gas Station')      as gas_station_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Retail')           as retail_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Entertainment')    as entertainment_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Healthcare')       as healthcare_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Utilities')        as utilities_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Travel')           as travel_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Online Shopping')  as online_shopping_spend,
           sum(f.purchase_amount) filter (where f.merchant_category = 'Services')         as services_spend,
           avg(case when f.is_digital_channel then 1.0 else 0 end)                as digital_share,
           avg(case when f.channel = 'ATM' then 1.0 else 0 end)                   as atm_share,
           avg(case when f.is_international then 1.0 else 0 end)                  as international_share,
           avg(case when f.is_weekend then 1.0 else 0 end)                        as weekend_share,
           avg(case when f.is_night then 1.0 else 0 end)                          as night_share,
           avg(case when f.is_recurring then 1.0 else 0 end)                      as recurring_share,
           avg(f.hour_of_day)                                                     as avg_hour_of_day,
           avg(f.distance_from_home_km)                                           as avg_distance_from_home_km
    from gold.fact_transactions f, clock k
    where f.transaction_date > k.as_of_date - 365
    group by f.customer_id
), bal as (
    select d.customer_id, avg(d.balance) as avg_balance_90d
    from (select s.customer_id, s.snapshot_date, sum(s.closing_balance) as balance
          from gold.fact_account_daily_snapshot s
          where s.snapshot_date > (select as_of_date - 90 from silver.data_clock)
          group by s.customer_id, s.snapshot_date) d
    group by d.customer_id
), profile as (
    select c.customer_id, c.customer_key, c.customer_segment, c.life_stage, c.age, c.age_band, c.annual_income, c.credit_score,
           (select as_of_date from clock) - c.signup_date                        as tenure_days, c.state, c.is_active,
           coalesce(t.transactions_365d, 0)                                      as transactions_365d,
           coalesce(t.spend_365d, 0)                                             as spend_365d,
           coalesce(t.deposits_365d, 0)                                          as deposits_365d,
           round(t.avg_ticket, 2)                                                as avg_ticket,
           round(t.stddev_ticket, 2)                                             as stddev_ticket,
           coalesce(t.distinct_merchants, 0)                                     as distinct_merchants,
           coalesce(t.distinct_categories, 0)                                    as distinct_categories,
           coalesce(t.active_days, 0)                                            as active_days,
           coalesce(t.grocery_spend, 0) as grocery_spend, coalesce(t.restaurant_spend, 0) as restaurant_spend,
           coalesce(t.gas_station_spend, 0) as gas_station_spend, coalesce(t.retail_spend, 0) as retail_spend,
           coalesce(t.entertainment_spend, 0) as entertainment_spend, coalesce(t.healthcare_spend, 0) as healthcare_spend,
           coalesce(t.utilities_spend, 0) as utilities_spend, coalesce(t.travel_spend, 0) as travel_spend,
           coalesce(t.online_shopping_spend, 0) as online_shopping_spend, coalesce(t.services_spend, 0) as services_spend,
           round(t.digital_share, 4) as digital_share, round(t.atm_share, 4) as atm_share,
           round(t.international_share, 4) as international_share, round(t.weekend_share, 4) as weekend_share,
           round(t.night_share, 4) as night_share, round(t.recurring_share, 4) as recurring_share,
           round(t.avg_hour_of_day, 2) as avg_hour_of_day, round(t.avg_distance_from_home_km::numeric, 2) as avg_distance_from_home_km,
           round(b.avg_balance_90d, 2)                                           as avg_balance_90d,
           round(coalesce(t.spend_365d, 0) / nullif(c.annual_income, 0), 4)      as spend_to_income_ratio
    from gold.dim_customer c
    left join tx t on t.customer_id = c.customer_id
    left join bal b on b.customer_id = c.customer_id
    where c.is_current
)
select p.*,
       round((p.spend_365d - avg(p.spend_365d) over ()) / nullif(stddev_samp(p.spend_365d) over (), 0), 4)       as spend_zscore,
       round((p.transactions_365d - avg(p.transactions_365d) over ()) / nullif(stddev_samp(p.transactions_365d) over (), 0), 4) as transactions_zscore,
       round((p.annual_income - avg(p.annual_income) over ()) / nullif(stddev_samp(p.annual_income) over (), 0), 4) as income_zscore,
       round((p.avg_balance_90d - avg(p.avg_balance_90d) over ()) / nullif(stddev_samp(p.avg_balance_90d) over (), 0), 4) as balance_zscore,
       abs((p.spend_365d - avg(p.spend_365d) over ()) / nullif(stddev_samp(p.spend_365d) over (), 0)) > 3 as is_spend_outlier,
       ntile(10) over (order by p.spend_365d)                                                                      as spend_decile
from profile p
