-- Periodic snapshot: one row per account per day, from the later of the account's opening and the
-- data's first day to the earlier of its closing and the data's "now" (silver.data_clock). Balances
-- follow the approved transactions: the balance before the first day is the account's reported
-- current_balance minus all its approved transactions, so the last closing_balance equals
-- current_balance. Each row carries the dim_customer version valid that day.
--
-- Cost: the days are not generated one by one and then windowed. The days on which something
-- happens (a transaction, a new customer version, a month start, the first day) split each account's
-- life into intervals of constant balance within one month; only those few rows are sorted and
-- windowed (narrow rows keyed by an integer account number, one sort and one window pass), and each
-- interval is expanded into its days at the end. Everything that varies by day is integer
-- arithmetic on the day's offset n within the interval (date_key is consecutive within a month);
-- the numeric columns are computed once per interval. Rows come out in (account_id, snapshot_date)
-- order, so the unique index is built from presorted rows.
--
-- Incremental runs (merged on account_id, snapshot_date) produce, per account, the days from a start
-- day on: the day after the table's last day for an account whose stored history still matches the
-- data; the account's first day for a "stale" account, one with a transaction dated on a stored day,
-- or a customer row or customer change dated on a stored day, loaded after the load that brought
-- the table's last day, or whose last stored day no longer matches (balance, credit limit, customer,
-- product, open or close date) or is missing. The balance before the start day is current_balance
-- minus the approved transactions from the start day on, which for an unchanged account is the
-- stored closing balance of the day before. A full refresh starts every account at its first day.
-- An incremental run reads only what is new to the table, through silver's index on (_loaded_at,
-- transaction_date): the transactions loaded after the load that brought the table's last day, and
-- those of earlier loads dated after that day or before the data's first day (a row quarantined
-- until the clock reached its date); one index probe per load finds them. A stale account whose
-- stored days can be trusted for its transactions (only its balance, attributes or customer
-- versions changed) takes its daily totals from its stored rows; only an account with a new
-- transaction on a stored day, a changed open date or no stored history has its transactions read
-- from silver (the one case that scans it).
-- Not covered incrementally (a full refresh repairs them): stored days that fall outside an
-- account's life after its open or close date moved, transactions removed from silver, and
-- transactions of earlier loads on stored days that silver admitted only now (a quarantined row
-- whose merchant arrived later) for an account that is not stale otherwise.
with clock as (
    select c.*, p.prev_day
    from silver.data_clock c,
         -- the table's last day; null on a full build. The oldest open accounts lie on it: one index probe each for
         -- eight of them, every account only if none has a stored day. A table that ends earlier for those eight
         -- only makes the run recompute more days (the stale checks below compare each account's own last day).
         (select max(x) as prev_day from (select null::date as x
          {{incremental union all select coalesce(
              (select max((select max(s.snapshot_date) from {this} s where s.account_id = a.account_id))
               from (select a.account_id from silver.stg_accounts a where a.close_date is null
                     order by a.open_date, a.account_id limit 8) a),
              (select max((select max(s.snapshot_date) from {this} s where s.account_id = a.account_id))
               from silver.stg_accounts a))}}) p) p
), acct as (
    select a.account_id, a.customer_id, a.product_id, a.credit_limit, a.open_date, a.close_date, a.current_balance,
           dp.product_key, coalesce(dp.is_lending_product, false)             as is_lending,
           greatest(a.open_date, c.data_start_date)                           as first_day,
           least(coalesce(a.close_date, c.as_of_date), c.as_of_date)          as last_day,
           c.prev_day,
           -- an integer stand-in for account_id in the sorts and joins below (same order)
           row_number() over (order by a.account_id)                         as acct_no
    from silver.stg_accounts a
    cross join clock c
    left join gold.dim_product dp on dp.product_id = a.product_id
{{incremental
), loads as materialized (
    -- the load times of silver's transactions, ascending: one probe of the index each (setup/functions.sql)
    select l.at from silver.transaction_load_times() l
), seen as materialized (
    -- the load that brought the last stored day (the earliest with a transaction of that day): rows of later loads
    -- are new to the table (without one, every row is)
    select coalesce(min(l.at), '-infinity') as at
    from loads l, clock c
    where (select true from silver.stg_transactions t where t._loaded_at = l.at and t.transaction_date = c.prev_day limit 1)
), fresh as materialized (
    -- the transactions new to the table: of later loads, and of earlier loads dated after the last stored day or
    -- before the data's first day (an index range each)
    select t.account_id, t.transaction_date, t.amount, t.is_declined, t.is_fraud
    from seen n, silver.stg_transactions t
    where t._loaded_at > n.at
    union all
    select t.account_id, t.transaction_date, t.amount, t.is_declined, t.is_fraud
    from loads l, seen n, clock c,
         lateral (select t.* from silver.stg_transactions t where t._loaded_at = l.at and t.transaction_date > c.prev_day offset 0) t
    where l.at <= n.at
    union all
    select t.account_id, t.transaction_date, t.amount, t.is_declined, t.is_fraud
    from loads l, seen n, clock c,
         lateral (select t.* from silver.stg_transactions t where t._loaded_at = l.at and t.transaction_date < c.data_start_date offset 0) t
    where l.at <= n.at
), checked as (
    -- each account's last stored day against the data: missing, or its attributes or balance no longer match
    select a.account_id,
           s.account_id is null or s.days_since_open is distinct from s.snapshot_date - a.open_date as history_unknown,
           s.customer_id is distinct from a.customer_id
           or s.product_key is distinct from a.product_key
           or s.credit_limit is distinct from a.credit_limit
           or s.is_closing_day is distinct from (s.snapshot_date = a.close_date)
           or s.closing_balance is distinct from a.current_balance - coalesce(sh.shift, 0) as changed
    from acct a
    left join (select f.account_id, sum(case when f.is_declined then 0 else f.amount end) as shift
               from fresh f join acct a on a.account_id = f.account_id
               where f.transaction_date > least(a.last_day, a.prev_day) or f.transaction_date < a.first_day
               group by f.account_id) sh on sh.account_id = a.account_id
    left join {this} s on s.snapshot_date = least(a.last_day, a.prev_day) and s.account_id = a.account_id
    where a.first_day <= least(a.last_day, a.prev_day)
), hist as (
    -- stale accounts whose transactions are read from silver: a new transaction on a stored day, no stored last day,
    -- or a changed open date
    select f.account_id from fresh f, clock c where f.transaction_date <= c.prev_day
    union
    select k.account_id from checked k where k.history_unknown
}}
), tx as (
    -- the transactions' columns used here, with their account's number and days: an incremental run reads them
    -- several times (a full build reads them once, and the planner folds this into that query). An incremental run
    -- takes the new ones, and every one of the accounts in hist (a scan of silver only when there are such accounts)
    select a.acct_no, t.account_id, t.transaction_date, t.amount, t.is_declined, t.is_fraud,
           a.first_day, a.last_day, a.prev_day
    from silver.stg_transactions t
    join acct a on a.account_id = t.account_id
    {{incremental
    where (select count(*) > 0 from hist) and t.account_id in (select h.account_id from hist h)
    union all
    select a.acct_no, f.account_id, f.transaction_date, f.amount, f.is_declined, f.is_fraud, a.first_day, a.last_day, a.prev_day
    from fresh f
    join acct a on a.account_id = f.account_id
    where not exists (select 1 from hist h where h.account_id = f.account_id)
    }}
), stale as (
    select null::text as account_id where false
    {{incremental
    union
    select h.account_id from hist h
    union
    -- customers or customer changes loaded after the load that brought the last stored day
    select a.account_id
    from acct a
    where a.customer_id in (select c.customer_id from silver.stg_customers c, seen where c._loaded_at > seen.at
                            union all
                            select ch.customer_id from silver.stg_customer_changes ch, seen, clock k
                            where ch._loaded_at > seen.at and ch.change_date <= k.prev_day)
    union
    select k.account_id from checked k where k.changed
    }}
), daily as (
    -- approved changes, flows and counts per account and day: every day on a full build; on an
    -- incremental run the days after the last stored day (and any before the account's first day),
    -- and every day of a stale account
    select t.acct_no, t.transaction_date as d,
           sum(case when t.is_declined then 0 else t.amount end)                          as net_change,
           sum(case when not t.is_declined and t.amount > 0 then t.amount else 0 end)     as inflow_amount,
           sum(case when not t.is_declined and t.amount < 0 then -t.amount else 0 end)    as outflow_amount,
           count(*)::int                                                                  as transaction_count,
           (count(*) filter (where t.is_declined))::int                                   as declined_count,
           (count(*) filter (where t.is_fraud))::int                                      as fraud_count
    from tx t
    {{incremental where t.transaction_date > t.prev_day or t.transaction_date < t.first_day or t.account_id in (select h.account_id from hist h)}}
    group by t.acct_no, t.transaction_date
    {{incremental
    union all
    -- the other stale accounts: their stored days with transactions (the transactions of a stored day did not change)
    select a.acct_no, s.snapshot_date, s.net_change, s.inflow_amount, s.outflow_amount, s.transaction_count, s.declined_count, s.fraud_count
    from stale x
    join acct a on a.account_id = x.account_id
    -- a range of the unique index per account
    cross join lateral (select s.* from {this} s where s.account_id = x.account_id and s.snapshot_date <= a.prev_day
                        and s.transaction_count > 0 offset 0) s
    where not exists (select 1 from hist h where h.account_id = x.account_id)
    }}
), todo as (
    -- per account the first day to (re)compute and the balance at the end of the day before it:
    -- current_balance minus the approved changes before the account's first day and from the start day on
    select a.acct_no, st.start_day, a.last_day,
           a.current_balance - coalesce(sum(dl.net_change) filter (where dl.d < a.first_day), 0)
                             - coalesce(sum(dl.net_change) filter (where dl.d >= st.start_day), 0) as start_balance
    from acct a
    -- a join, not "in (select ... from stale)" per account (which ran as a scan of stale per account)
    left join stale sx on sx.account_id = a.account_id
    cross join lateral (select case when a.prev_day is null or sx.account_id is not null then a.first_day
                                    else greatest(a.first_day, a.prev_day + 1) end as start_day) st
    left join daily dl on dl.acct_no = a.acct_no
    where st.start_day <= a.last_day
    group by a.acct_no, st.start_day, a.last_day, a.current_balance, a.first_day
), events as (
    -- the days that start an interval of constant balance, customer version and month, one row per
    -- account and day (a transaction day's row wins), sorted for the window below
    select distinct on (p.acct_no, p.d) p.*
    from (select dl.acct_no, dl.d, dl.net_change, dl.inflow_amount, dl.outflow_amount,
                 dl.transaction_count, dl.declined_count, dl.fraud_count
          from daily dl join todo t on t.acct_no = dl.acct_no
          where dl.d between t.start_day and t.last_day
          union all
          select t.acct_no, t.start_day, null, null, null, null, null, null
          from todo t
          union all
          select t.acct_no, v.valid_from, null, null, null, null, null, null
          from todo t
          join acct a on a.acct_no = t.acct_no
          join gold.dim_customer v on v.customer_id = a.customer_id
          where v.valid_from > t.start_day and v.valid_from <= t.last_day
          union all
          select t.acct_no, m::date, null, null, null, null, null, null
          from todo t, generate_series(date_trunc('month', t.start_day) + interval '1 month', t.last_day, interval '1 month') m) p
    order by p.acct_no, p.d, p.net_change is null
), intervals as (
    -- lead() ignores the frame, so both window functions share one window pass
    select e.*,
           lead(e.d) over w                                                                    as next_d,
           sum(coalesce(e.net_change, 0)) over w                                               as change_sum
    from events e
    window w as (partition by e.acct_no order by e.d rows between unbounded preceding and current row)
), spans as materialized (
    -- what is constant over an interval is computed once per interval, not once per day; an interval
    -- lies within one month, so its days' date_key are consecutive integers
    select i.acct_no, i.from_day, a.account_id, a.customer_id, v.customer_key, a.product_key, a.credit_limit,
           i.to_day - i.from_day                                                           as last_n,
           (date_part('year', i.from_day) * 10000 + date_part('month', i.from_day) * 100
            + date_part('day', i.from_day))::int                                            as from_date_key,
           case when date_part('day', i.to_day + 1) = 1 then i.to_day - i.from_day else -1 end as month_end_n,
           i.from_day - a.open_date                                                        as open_n,
           a.close_date - i.from_day                                                       as close_n,
           i.closing_balance - i.day_change                                                as first_opening,
           i.closing_balance, i.day_change, i.inflow_amount, i.outflow_amount, i.transaction_count, i.declined_count, i.fraud_count,
           case when a.credit_limit is not null then a.credit_limit + least(i.closing_balance, 0) end as available_credit,
           case when a.credit_limit > 0 then round(greatest(-i.closing_balance, 0) / a.credit_limit, 4) end as credit_utilization,
           i.closing_balance < 0 and not a.is_lending                                      as is_overdrawn
    from (select i.acct_no, i.d as from_day,
                 coalesce(i.next_d - 1, t.last_day)                                        as to_day,
                 t.start_balance + i.change_sum                                            as closing_balance,
                 coalesce(i.net_change, 0)                                                 as day_change,
                 coalesce(i.inflow_amount, 0)                                              as inflow_amount,
                 coalesce(i.outflow_amount, 0)                                             as outflow_amount,
                 coalesce(i.transaction_count, 0)                                          as transaction_count,
                 coalesce(i.declined_count, 0)                                             as declined_count,
                 coalesce(i.fraud_count, 0)                                                as fraud_count
          from intervals i join todo t on t.acct_no = i.acct_no) i
    join acct a on a.acct_no = i.acct_no
    join gold.dim_customer v on v.customer_id = a.customer_id and i.from_day >= v.valid_from and i.from_day < v.valid_to
    order by i.acct_no, i.from_day
)
-- rows come out in (account_id, snapshot_date) order, the unique key's index order. An interval lies within one
-- month, so its day offsets are 0..30: a join to those 31 numbers (materialized once) expands it, which costs
-- less than a generate_series per interval (a function scan rescanned 92k times, each result put through a
-- tuplestore): -0.1-0.15 s of ~3.9 s CPU. (Were an interval ever longer, its later days would be missing and the
-- one_row_per_day check would fail.)
select i.from_date_key + s.n                                                            as date_key,
       i.from_day + s.n                                                                 as snapshot_date,
       i.account_id,
       i.customer_id,
       i.customer_key,
       i.product_key,
       case when s.n = 0 then i.first_opening else i.closing_balance end                as opening_balance,
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
       i.open_n + s.n                                                                   as days_since_open,
       s.n = i.close_n                                                                  as is_closing_day,
       s.n = i.month_end_n                                                              as is_month_end
from spans i
join (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16), (17), (18), (19), (20),
             (21), (22), (23), (24), (25), (26), (27), (28), (29), (30)) s(n) on s.n <= i.last_n
