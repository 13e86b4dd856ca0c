-- Periodic snapshot: one row per account per day, from the later of the account's opening and the
-- data's first day to the earlier of its closing and the data's "now" (silver.data_clock). Balances
-- follow the approved transactions: the balance before the first day is the account's reported
-- current_balance minus all its approved transactions, so the last closing_balance equals
-- current_balance. Each row carries the dim_customer version valid that day.
--
-- Cost: the days are not generated one by one and then windowed. The days on which something
-- happens (a transaction, a new customer version, a month start, the first day) split each account's
-- life into intervals of constant balance within one month; only those few rows are windowed, and
-- each interval is expanded into its days at the end with integer arithmetic only (date_key is
-- consecutive within a month), in (account_id, snapshot_date) order so the unique index is built
-- from presorted rows.
--
-- Incremental runs (merged on account_id, snapshot_date) produce, per account, the days from a start
-- day on: the day after the table's last day for an account whose stored history still matches the
-- data; the account's first day for a "stale" account, one with a transaction dated on a stored day,
-- or a customer row or customer change dated on a stored day, loaded after the batch that brought
-- the table's last day, or whose last stored day no longer matches (balance, credit limit, customer,
-- product, open or close date) or is missing. The balance before the start day is current_balance
-- minus the approved transactions from the start day on, which for an unchanged account is the
-- stored closing balance of the day before. A full refresh starts every account at its first day.
-- Not covered incrementally (a full refresh repairs them): stored days that fall outside an
-- account's life after its open or close date moved, and transactions removed from silver.
with clock as (
    select c.*, p.prev_day
    from silver.data_clock c,
         -- the table's last day (one index probe per account); null on a full build
         (select max(x) as prev_day from (select null::date as x
          {{incremental union all select (select max(s.snapshot_date) from {this} s where s.account_id = a.account_id)
                                  from silver.stg_accounts a}}) p) p
), acct as (
    select a.account_id, a.customer_id, a.product_id, a.credit_limit, a.open_date, a.close_date, a.current_balance,
           greatest(a.open_date, c.data_start_date)                           as first_day,
           least(coalesce(a.close_date, c.as_of_date), c.as_of_date)          as last_day,
           c.prev_day,
           -- an integer stand-in for account_id in the sorts and joins below (same order)
           row_number() over (order by a.account_id)                         as acct_no
    from silver.stg_accounts a, clock c
), seen as (
    -- the load batch that brought the last stored day: rows of later batches are new to the table
    -- (incremental runs only)
    select min(t._batch_id) as batch_id from silver.stg_transactions t, clock c where t.transaction_date = c.prev_day
), stale as (
    select null::text as account_id where false
    {{incremental
    union
    -- late rows: transactions of a stored day, customers or customer changes loaded after the batch
    -- that brought the last stored day
    select t.account_id
    from silver.stg_transactions t join acct a on a.account_id = t.account_id, seen
    where t.transaction_date <= a.prev_day and t._batch_id > seen.batch_id
    union
    select a.account_id
    from acct a
    where a.customer_id in (select c.customer_id from silver.stg_customers c, seen where c._batch_id > seen.batch_id
                            union all
                            select ch.customer_id from silver.stg_customer_changes ch, seen, clock k
                            where ch._batch_id > seen.batch_id and ch.change_date <= k.prev_day)
    union
    -- the last stored day no longer matches the account (balance, attributes, dates) or is missing
    select a.account_id
    from acct a
    left join gold.dim_product dp on dp.product_id = a.product_id
    left join (select t.account_id, sum(case when t.is_declined then 0 else t.amount end) as shift
               from silver.stg_transactions t join acct a2 on a2.account_id = t.account_id
               where t.transaction_date > least(a2.last_day, a2.prev_day) or t.transaction_date < a2.first_day
               group by t.account_id) sh on sh.account_id = a.account_id
    left join {this} s on s.snapshot_date = least(a.last_day, a.prev_day) and s.account_id = a.account_id
    where a.first_day <= a.prev_day
      and (s.account_id is null
           or s.customer_id is distinct from a.customer_id
           or s.product_key is distinct from dp.product_key
           or s.credit_limit is distinct from a.credit_limit
           or s.days_since_open is distinct from s.snapshot_date - a.open_date
           or s.is_closing_day is distinct from (s.snapshot_date = a.close_date)
           or s.closing_balance is distinct from a.current_balance - coalesce(sh.shift, 0))
    }}
), daily as (
    -- approved changes, flows and counts per account and day: every day on a full build; on an
    -- incremental run the days after the last stored day (and any before the account's first day),
    -- and every day of a stale account
    select t.account_id, t.transaction_date as d,
           sum(case when t.is_declined then 0 else t.amount end)                          as net_change,
           sum(case when not t.is_declined and t.amount > 0 then t.amount else 0 end)     as inflow_amount,
           sum(case when not t.is_declined and t.amount < 0 then -t.amount else 0 end)    as outflow_amount,
           count(*)::int                                                                  as transaction_count,
           (count(*) filter (where t.is_declined))::int                                   as declined_count,
           (count(*) filter (where t.is_fraud))::int                                      as fraud_count
    from silver.stg_transactions t
    {{incremental join acct a on a.account_id = t.account_id
    where t.transaction_date > a.prev_day or t.transaction_date < a.first_day or t.account_id in (select s.account_id from stale s)}}
    group by t.account_id, t.transaction_date
), days as (
    select a.acct_no, dl.* from daily dl join acct a on a.account_id = dl.account_id
), sums as (
    -- approved changes per account before its first day and from its start day on
    select a.account_id,
           coalesce(sum(dl.net_change) filter (where dl.d < a.first_day), 0)      as before_first,
           coalesce(sum(dl.net_change) filter (where dl.d >= a.first_day and (dl.d > a.prev_day or a.prev_day is null
                                                                              or a.account_id in (select s.account_id from stale s))), 0) as from_start
    from acct a join days dl on dl.acct_no = a.acct_no
    group by a.account_id
), todo as (
    -- per account the first day to (re)compute and the balance at the end of the day before it
    select a.*, st.start_day,
           a.current_balance - coalesce(su.before_first, 0) - coalesce(su.from_start, 0) as start_balance
    from acct a
    left join sums su on su.account_id = a.account_id
    cross join lateral (select case when a.prev_day is null or a.account_id in (select s.account_id from stale s) then a.first_day
                                    else greatest(a.first_day, a.prev_day + 1) end as start_day) st
    where st.start_day <= a.last_day
), events as (
    -- the days that start an interval of constant balance, customer version and month
    select a.acct_no, d.d from days d join todo a on a.acct_no = d.acct_no where d.d between a.start_day and a.last_day
    union
    select a.acct_no, a.start_day from todo a
    union
    select a.acct_no, v.valid_from
    from todo a join gold.dim_customer v on v.customer_id = a.customer_id
    where v.valid_from > a.start_day and v.valid_from <= a.last_day
    union
    select a.acct_no, (date_trunc('month', a.start_day) + m * interval '1 month')::date
    from todo a, generate_series(1, ((extract(year from a.last_day) - extract(year from a.start_day)) * 12
                                     + extract(month from a.last_day) - extract(month from a.start_day))::int) m
), intervals as (
    select e.acct_no, a.account_id, a.customer_id, a.product_id, a.credit_limit, a.open_date, a.close_date,
           e.d                                                                             as from_day,
           coalesce(lead(e.d) over w - 1, a.last_day)                                      as to_day,
           coalesce(dl.net_change, 0)                                                      as day_change,
           a.start_balance
               + sum(coalesce(dl.net_change, 0)) over (w rows between unbounded preceding and current row) as closing_balance,
           coalesce(dl.inflow_amount, 0)                                                   as inflow_amount,
           coalesce(dl.outflow_amount, 0)                                                  as outflow_amount,
           coalesce(dl.transaction_count, 0)                                               as transaction_count,
           coalesce(dl.declined_count, 0)                                                  as declined_count,
           coalesce(dl.fraud_count, 0)                                                     as fraud_count
    from events e
    join todo a on a.acct_no = e.acct_no
    left join days dl on dl.acct_no = e.acct_no and dl.d = e.d
    window w as (partition by e.acct_no order by e.d)
), spans as materialized (
    -- what is constant over an interval is computed once per interval, not once per day; an interval
    -- lies within one month, so its days' date_key are consecutive integers
    select i.*,
           i.to_day - i.from_day                                                           as last_n,
           dd.date_key                                                                     as from_date_key,
           extract(day from i.to_day + 1) = 1                                              as ends_month,
           v.customer_key,
           dp.product_key,
           case when i.credit_limit is not null then i.credit_limit + least(i.closing_balance, 0) end as available_credit,
           case when i.credit_limit > 0 then round(greatest(-i.closing_balance, 0) / i.credit_limit, 4) end as credit_utilization,
           i.closing_balance < 0 and not coalesce(dp.is_lending_product, false)             as is_overdrawn
    from intervals i
    join gold.dim_customer v on v.customer_id = i.customer_id and i.from_day >= v.valid_from and i.from_day < v.valid_to
    join gold.dim_date dd on dd.full_date = i.from_day
    left join gold.dim_product dp on dp.product_id = i.product_id
    order by i.acct_no, i.from_day
)
-- rows come out in (account_id, snapshot_date) order, the unique key's index order
select i.from_date_key + s.n                                                            as date_key,
       i.from_day + s.n                                                                 as snapshot_date,
       i.account_id,
       i.customer_id,
       i.customer_key,
       i.product_key,
       case when s.n = 0 then i.closing_balance - i.day_change else i.closing_balance end as opening_balance,
       i.closing_balance,
       case when s.n = 0 then i.day_change else 0 end                                   as net_change,
       case when s.n = 0 then i.inflow_amount else 0 end                                as inflow_amount,
       case when s.n = 0 then i.outflow_amount else 0 end                               as outflow_amount,
       case when s.n = 0 then i.transaction_count else 0 end                            as transaction_count,
       case when s.n = 0 then i.declined_count else 0 end                               as declined_count,
       case when s.n = 0 then i.fraud_count else 0 end                                  as fraud_count,
       i.credit_limit,
       i.available_credit,
       i.credit_utilization,
       i.is_overdrawn,
       i.from_day + s.n - i.open_date                                                   as days_since_open,
       i.from_day + s.n = i.close_date                                                  as is_closing_day,
       s.n = i.last_n and i.ends_month                                                  as is_month_end
from spans i
cross join lateral generate_series(0, i.last_n) s(n)
