-- Periodic snapshot: one row per account per day, from the later of the account's opening and the
-- data's first day to the earlier of its closing and the data's "now" (silver.data_clock). Balances
-- follow the approved transactions: the balance before the first day is the account's reported
-- current_balance minus all its approved transactions, so the last closing_balance equals
-- current_balance. Each row carries the dim_customer version valid that day.
--
-- Cost: the days are not generated one by one and then windowed. The days on which something
-- happens (a transaction, a new customer version, the first day) split each account's life into
-- intervals of constant balance; only those few rows are windowed, and each interval is expanded
-- into its days at the end.
with clock as (
    select * from silver.data_clock
), acct as (
    select a.account_id, a.customer_id, a.product_id, a.credit_limit, a.open_date, a.close_date, a.current_balance,
           greatest(a.open_date, c.data_start_date)                           as first_day,
           least(coalesce(a.close_date, c.as_of_date), c.as_of_date)          as last_day
    from silver.stg_accounts a, clock c
), daily as (
    select t.account_id, t.transaction_date as d,
           sum(case when t.is_declined then 0 else t.amount end)                          as net_change,
           sum(case when not t.is_declined and t.amount > 0 then t.amount else 0 end)     as inflow_amount,
           sum(case when not t.is_declined and t.amount < 0 then -t.amount else 0 end)    as outflow_amount,
           count(*)::int                                                                  as transaction_count,
           (count(*) filter (where t.is_declined))::int                                   as declined_count,
           (count(*) filter (where t.is_fraud))::int                                      as fraud_count
    from silver.stg_transactions t
    group by t.account_id, t.transaction_date
), totals as (
    select account_id, sum(net_change) as total_change from daily group by account_id
), events as (
    select d.account_id, d.d from daily d
    union
    select a.account_id, a.first_day from acct a
    union
    select a.account_id, v.valid_from
    from acct a join gold.dim_customer v on v.customer_id = a.customer_id
    where v.valid_from > a.first_day and v.valid_from <= a.last_day
), intervals as (
    select e.account_id, a.customer_id, a.product_id, a.credit_limit, a.open_date, a.close_date,
           e.d                                                                             as from_day,
           coalesce(lead(e.d) over w - 1, a.last_day)                                      as to_day,
           coalesce(dl.net_change, 0)                                                      as day_change,
           a.current_balance - coalesce(tt.total_change, 0)
               + sum(coalesce(dl.net_change, 0)) over (w rows between unbounded preceding and current row) as closing_balance,
           coalesce(dl.inflow_amount, 0)                                                   as inflow_amount,
           coalesce(dl.outflow_amount, 0)                                                  as outflow_amount,
           coalesce(dl.transaction_count, 0)                                               as transaction_count,
           coalesce(dl.declined_count, 0)                                                  as declined_count,
           coalesce(dl.fraud_count, 0)                                                     as fraud_count
    from events e
    join acct a on a.account_id = e.account_id
    left join daily dl on dl.account_id = e.account_id and dl.d = e.d
    left join totals tt on tt.account_id = e.account_id
    where e.d between a.first_day and a.last_day
    window w as (partition by e.account_id order by e.d)
), spans as materialized (
    -- what is constant over an interval is computed once per interval, not once per day
    select i.*,
           dp.product_key,
           case when i.credit_limit is not null then i.credit_limit + least(i.closing_balance, 0) end as available_credit,
           case when i.credit_limit > 0 then round(greatest(-i.closing_balance, 0) / i.credit_limit, 4) end as credit_utilization,
           i.closing_balance < 0 and not coalesce(dp.is_lending_product, false)             as is_overdrawn
    from intervals i
    left join gold.dim_product dp on dp.product_id = i.product_id
)
select dd.date_key,
       s.d                                                                              as snapshot_date,
       i.account_id,
       i.customer_id,
       v.customer_key,
       i.product_key,
       case when s.d = i.from_day then i.closing_balance - i.day_change else i.closing_balance end as opening_balance,
       i.closing_balance,
       case when s.d = i.from_day then i.day_change else 0 end                          as net_change,
       case when s.d = i.from_day then i.inflow_amount else 0 end                       as inflow_amount,
       case when s.d = i.from_day then i.outflow_amount else 0 end                      as outflow_amount,
       case when s.d = i.from_day then i.transaction_count else 0 end                   as transaction_count,
       case when s.d = i.from_day then i.declined_count else 0 end                      as declined_count,
       case when s.d = i.from_day then i.fraud_count else 0 end                         as fraud_count,
       i.credit_limit,
       i.available_credit,
       i.credit_utilization,
       i.is_overdrawn,
       s.d - i.open_date                                                                as days_since_open,
       s.d = i.close_date                                                               as is_closing_day,
       dd.is_month_end
from spans i
-- integer offsets, not generate_series over timestamps: date + int is far cheaper per row
cross join lateral (select i.from_day + n as d from generate_series(0, i.to_day - i.from_day) n) s
join gold.dim_customer v on v.customer_id = i.customer_id and i.from_day >= v.valid_from and i.from_day < v.valid_to
join gold.dim_date dd on dd.full_date = s.d
