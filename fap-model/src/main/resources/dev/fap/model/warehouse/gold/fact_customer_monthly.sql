-- One row per customer per calendar month, from the month the customer joined (or the data's first
-- month, if later) to the month of the data's "now". customer_key is the dim_customer version valid
-- on the month's last day (or on "now" for the current month). Months without activity are kept
-- with zero counts, so averages over months are not biased towards active months.
--
-- The balance metrics come from each account's intervals of constant balance (split at month
-- starts), not from the 1.4M rows of fact_account_daily_snapshot: the balance at the end of day X is
-- current_balance minus the approved transactions after X (and any before the account's first day),
-- as in the daily snapshot.
--
-- Incremental runs (merged on customer_id, month_start) recompute the months from the table's last
-- month on (the months the new days touch); the rolling and month-over-month metrics read the two
-- stored months before it (their total_spend and transaction_count); a customer whose stored history
-- no longer matches the data ("stale": a transaction, a customer row or a customer change dated
-- before that month loaded after the load that brought the month's first transaction, a stored
-- month-end balance that no longer matches, or
-- one of the two stored months before it missing although the customer's first month is older) is
-- recomputed from its first month. A full refresh computes every month.
-- An incremental run reads only the rows it needs, through indexes: silver's transactions dated from
-- the last month on (and before the data's first day) and those of the loads after that month's
-- first load, one index range per load (silver's index on (_loaded_at, transaction_date)), and
-- fact_transactions' rows of each customer from its first month to compute (its index on
-- (customer_key, transaction_date): the keys of a customer's dim_customer versions are number *
-- 100000 + 0..99999, see dim_customer.sql). A stale customer's balances come from its rows in
-- fact_transactions, which holds the same transactions as silver (its reconciles_silver check).
-- Not covered incrementally (a full refresh repairs them): late rows of the other sources
-- (interactions, loan payments, applications, alerts, campaign contacts) in months before the table's
-- last month, changed amounts of transactions in those months, a transaction delivered again under
-- another customer or month, transactions of earlier loads that silver admitted only now (a
-- quarantined row whose merchant arrived later), and transactions dated before their account opened.
with clock as (
    select k.*, p.last_month
    from silver.data_clock k,
         -- the table's last month; null on a full build
         (select max(x) as last_month from (select null::date as x {{incremental union all select max(month_start) from {this}}}) p) p
{{incremental
), loads as materialized (
    -- the load times of silver's transactions, ascending: one probe of the index each (setup/functions.sql)
    select l.at from silver.transaction_load_times() l
), seen as materialized (
    -- the first load with a transaction of the last month: the table's last build had it, so rows of later loads
    -- dated before that month may be new to the table (without one, every load is taken)
    select coalesce(min(l.at), '-infinity') as at
    from loads l, clock k
    where (select max(t.transaction_date) from silver.stg_transactions t where t._loaded_at = l.at) >= k.last_month
), recent as materialized (
    -- the transactions dated from the last month on or before the data's first day: an index range per load
    select t.customer_id, t.account_id, t.transaction_date, t.amount, t.is_declined
    from loads l, clock k,
         lateral (select t.* from silver.stg_transactions t where t._loaded_at = l.at and t.transaction_date >= k.last_month offset 0) t
    union all
    select t.customer_id, t.account_id, t.transaction_date, t.amount, t.is_declined
    from loads l, clock k,
         lateral (select t.* from silver.stg_transactions t where t._loaded_at = l.at and t.transaction_date < k.data_start_date offset 0) t
}}
), stale as (
    select null::text as customer_id where false
    {{incremental
    union
    -- transactions before the last month loaded after the load that brought its first transaction
    select t.customer_id
    from loads l, seen n, clock k,
         lateral (select t.customer_id from silver.stg_transactions t where t._loaded_at = l.at and t.transaction_date < k.last_month
                  offset 0) t
    where l.at > n.at
    union
    -- a customer row, or a customer change dated before the last month, loaded after that month's first load: the
    -- customer_key of earlier months may have changed (a new dim_customer version)
    select c.customer_id from silver.stg_customers c, seen n where c._loaded_at > n.at
    union
    select ch.customer_id from silver.stg_customer_changes ch, seen n, clock k where ch._loaded_at > n.at and ch.change_date < k.last_month
    union
    -- a customer (new or late) whose first month is before the last month but who lacks one of the (up to two)
    -- stored months before it, which the rolling metrics read
    select f.customer_id
    from (select c.customer_id, date_trunc('month', greatest(c.signup_date, k.data_start_date)::timestamp)::date as first_month,
                 k.last_month
          from silver.stg_customers c, clock k
          where c.signup_date <= k.as_of_date) f
    where f.first_month < f.last_month
      and (select count(*) from {this} m where m.customer_id = f.customer_id and m.month_start < f.last_month
           and m.month_start >= greatest(f.first_month, (f.last_month - interval '2 months')::date))
          < case when f.first_month < (f.last_month - interval '1 month')::date then 2 else 1 end
    union
    -- the stored balance at the end of the month before the last month no longer matches
    select m.customer_id
    from {this} m
    join clock k on m.month_start = (k.last_month - interval '1 month')::date
    left join (select a.customer_id, sum(a.current_balance - coalesce(t.shift, 0)) as balance
               from silver.stg_accounts a
               cross join clock k
               left join (select t.account_id, sum(case when t.is_declined then 0 else t.amount end) as shift
                          from recent t
                          join silver.stg_accounts a2 on a2.account_id = t.account_id
                          cross join clock k2
                          where t.transaction_date >= k2.last_month or t.transaction_date < greatest(a2.open_date, k2.data_start_date)
                          group by t.account_id) t on t.account_id = a.account_id
               where greatest(a.open_date, k.data_start_date) < k.last_month
                 and least(coalesce(a.close_date, k.as_of_date), k.as_of_date) >= k.last_month - 1
               group by a.customer_id) b on b.customer_id = m.customer_id
    where m.end_of_month_balance is distinct from b.balance
    }}
), tx as (
    -- the transactions' columns used here: every one on a full build; on an incremental run those dated from the last
    -- month on (or before the data's first day), and every one of a stale customer, from fact_transactions
    select t.account_id, t.transaction_date, t.amount, t.is_declined
    from silver.stg_transactions t
    {{incremental
    where false
    union all
    select t.account_id, t.transaction_date, t.amount, t.is_declined
    from recent t
    where not exists (select 1 from stale s where s.customer_id = t.customer_id)
    union all
    select f.account_id, f.transaction_date, f.transaction_amount, f.is_declined
    from (select distinct s.customer_id from stale s) s
    cross join lateral (select f.account_id, f.transaction_date, f.transaction_amount, f.is_declined from gold.fact_transactions f
                        where f.customer_key >= silver.id_number(s.customer_id) * 100000
                          and f.customer_key < (silver.id_number(s.customer_id) + 1) * 100000 offset 0) f
    }}
), scope as (
    -- per customer the first month to compute
    select c.customer_id, c.signup_date,
           case when k.last_month is null or sx.customer_id is not null then date '-infinity'
                else k.last_month end                                   as from_month
    from silver.stg_customers c
    cross join clock k
    -- a join, not "in (select ... from stale)" per customer (a scan of stale per customer)
    left join stale sx on sx.customer_id = c.customer_id
    where c.signup_date <= k.as_of_date
), months as (
    select c.customer_id, m::date as month_start
    from scope c, clock k,
         generate_series(date_trunc('month', greatest(c.signup_date, k.data_start_date, c.from_month)::timestamp),
                         date_trunc('month', k.as_of_date::timestamp), interval '1 month') m
), acct as (
    select row_number() over ()                                         as acct_no,
           a.account_id, a.customer_id, coalesce(dp.is_lending_product, false) as is_lending,
           greatest(a.open_date, k.data_start_date)                     as first_day,
           greatest(a.open_date, k.data_start_date, s.from_month)       as start_day,
           least(coalesce(a.close_date, k.as_of_date), k.as_of_date)    as last_day,
           k.as_of_date, a.current_balance
    from silver.stg_accounts a
    join scope s on s.customer_id = a.customer_id
    cross join clock k
    left join gold.dim_product dp on dp.product_id = a.product_id
), changes as (
    -- approved changes per account and day from the start day on, plus those before the account's
    -- first day
    select a.acct_no, t.transaction_date as d, sum(case when t.is_declined then 0 else t.amount end) as net_change
    from tx t
    join acct a on a.account_id = t.account_id
    where t.transaction_date >= a.start_day or t.transaction_date < a.first_day
    group by a.acct_no, t.transaction_date
), base as (
    -- the balance before the start day: current_balance minus every change counted above
    select a.acct_no, a.customer_id, a.is_lending, a.last_day, a.as_of_date,
           a.current_balance - coalesce(sum(c.net_change), 0)           as balance
    from acct a
    left join changes c on c.acct_no = a.acct_no
    where a.start_day <= a.last_day
    group by a.acct_no, a.customer_id, a.is_lending, a.last_day, a.as_of_date, a.current_balance
), events as (
    -- the days that start an interval of constant balance within a month, one row per account and
    -- day (a change day's row wins), sorted for the window below
    select distinct on (p.acct_no, p.d) p.*
    from (select c.acct_no, c.d, c.net_change
          from changes c join acct a on a.acct_no = c.acct_no
          where c.d between a.start_day and a.last_day
          union all
          select a.acct_no, a.start_day, null
          from acct a where a.start_day <= a.last_day
          union all
          select a.acct_no, m::date, null
          from acct a, generate_series(date_trunc('month', a.start_day::timestamp) + interval '1 month', a.last_day, interval '1 month') m
          where a.start_day <= a.last_day) p
    order by p.acct_no, p.d, p.net_change is null
), intervals as (
    -- lead() ignores the frame, so both window functions share one window pass
    select e.acct_no, e.d, lead(e.d) over w as next_d, sum(coalesce(e.net_change, 0)) over w as change_sum
    from events e
    window w as (partition by e.acct_no order by e.d rows between unbounded preceding and current row)
), bal as (
    -- avg_daily_balance averages the customer's total over the month's days within the data window
    -- (an account not yet open counts as 0). An interval ends its month when the day after it is a
    -- month start or it ends on the data's last day (not when the account closes mid-month).
    select x.customer_id, x.month_start,
           sum(x.closing_balance) filter (where x.is_last)                     as end_of_month_balance,
           sum(x.closing_balance * x.days)                                    as balance_day_sum,
           min(x.closing_balance)                                             as min_account_balance,
           count(*) filter (where x.is_last)                                  as open_accounts,
           sum(x.days) filter (where x.closing_balance < 0 and not x.is_lending) as overdrawn_account_days
    from (select b.customer_id, b.is_lending,
                 i.d - (date_part('day', i.d::timestamp)::int - 1)               as month_start,
                 e.end_day - i.d                                                as days,
                 b.balance + i.change_sum                                       as closing_balance,
                 date_part('day', e.end_day::timestamp) = 1 or e.end_day = b.as_of_date + 1 as is_last
          from intervals i
          join base b on b.acct_no = i.acct_no
          -- the day after the interval
          cross join lateral (select coalesce(i.next_d, b.last_day + 1) as end_day) e) x
    group by x.customer_id, x.month_start
), txn as (
    select f.customer_id, date_trunc('month', f.transaction_date::timestamp)::date as month_start,
           count(*)                                                    as transaction_count,
           count(*) filter (where f.is_approved)                       as approved_count,
           count(*) filter (where f.is_declined)                       as declined_count,
           count(*) filter (where f.is_fraud)                          as fraud_count,
           sum(f.debit_amount)                                         as total_spend,
           sum(f.credit_amount)                                        as total_deposits,
           sum(f.net_amount)                                           as net_flow,
           avg(f.approved_amount_abs) filter (where f.is_approved)     as avg_transaction_amount,
           max(f.transaction_amount_abs)                               as max_transaction_amount,
           sum(f.fee_amount)                                           as fees_paid,
           sum(f.fraud_amount_abs)                                     as fraud_amount,
           sum(f.purchase_amount)                                      as purchase_amount,
           sum(f.cash_withdrawal_amount)                               as cash_withdrawal_amount,
           count(distinct f.merchant_id)                               as distinct_merchants,
           count(distinct f.merchant_category)                         as distinct_categories,
           count(*) filter (where f.channel = 'Online')                as online_count,
           count(*) filter (where f.channel = 'Mobile')                as mobile_count,
           count(*) filter (where f.channel = 'ATM')                   as atm_count,
           count(*) filter (where f.channel = 'Branch')                as branch_count,
           count(*) filter (where f.channel = 'POS')                   as pos_count,
           count(*) filter (where f.is_international)                  as international_count,
           count(*) filter (where f.is_weekend)                        as weekend_count,
           count(*) filter (where f.is_night)                          as night_count,
           count(*) filter (where f.is_recurring)                      as recurring_count,
           count(distinct f.transaction_date)                          as active_days,
           avg(f.fraud_score)                                          as avg_fraud_score
    -- an incremental run takes each customer's rows from its first month to compute: a range of the index on
    -- (customer_key, transaction_date) each (a customer's versions have the keys number * 100000 + 0..99999)
    from scope s
    cross join lateral (select f.* from gold.fact_transactions f where f.customer_id = s.customer_id and f.transaction_date >= s.from_month
                        {{incremental and f.customer_key >= silver.id_number(s.customer_id) * 100000
                                      and f.customer_key < (silver.id_number(s.customer_id) + 1) * 100000 offset 0}}) f
    group by 1, 2
), contacts as (
    select x.customer_id, date_trunc('month', interaction_date::timestamp)::date as month_start,
           count(*)                                                    as interaction_count,
           count(*) filter (where reason in ('Fee Dispute', 'Complaint') or sentiment_score < -0.3) as complaint_count,
           count(*) filter (where escalated)                           as escalation_count,
           avg(sentiment_score)                                        as avg_sentiment_score,
           avg(satisfaction_rating)                                    as avg_satisfaction_rating
    from silver.stg_customer_interactions x
    join scope s on s.customer_id = x.customer_id and x.interaction_date >= s.from_month
    group by 1, 2
), payments as (
    select x.customer_id, date_trunc('month', scheduled_date::timestamp)::date as month_start,
           count(*)                                                    as loan_payments_due,
           count(*) filter (where is_late)                             as late_payments,
           count(*) filter (where is_missed)                           as missed_payments,
           sum(days_late)                                              as total_days_late,
           sum(late_fee)                                               as late_fees,
           sum(scheduled_amount)                                       as scheduled_payment_amount,
           sum(actual_amount)                                          as actual_payment_amount
    from silver.stg_loan_payments x
    join scope s on s.customer_id = x.customer_id and x.scheduled_date >= s.from_month
    group by 1, 2
), apps as (
    select x.customer_id, date_trunc('month', application_date::timestamp)::date as month_start,
           count(*)                                                    as credit_applications,
           count(*) filter (where decision = 'Approved')               as credit_approvals
    from silver.stg_credit_applications x
    join scope s on s.customer_id = x.customer_id and x.application_date >= s.from_month
    group by 1, 2
), alerts as (
    select x.customer_id, date_trunc('month', alert_date::timestamp)::date as month_start, count(*) as fraud_alerts
    from silver.stg_fraud_alerts x
    join scope s on s.customer_id = x.customer_id and x.alert_date >= s.from_month
    group by 1, 2
), campaigns as (
    select x.customer_id, date_trunc('month', contact_date::timestamp)::date as month_start,
           count(*) filter (where assignment = 'Treatment')            as campaign_contacts,
           count(*) filter (where assignment = 'Treatment' and converted) as campaign_conversions
    from silver.stg_campaign_contacts x
    join scope s on s.customer_id = x.customer_id and x.contact_date >= s.from_month
    group by 1, 2
), joined as (
    select m.customer_id, m.month_start,
           (m.month_start + interval '1 month - 1 day')::date          as month_end,
           coalesce(t.transaction_count, 0)::int                       as transaction_count,
           coalesce(t.approved_count, 0)::int                          as approved_count,
           coalesce(t.declined_count, 0)::int                          as declined_count,
           coalesce(t.fraud_count, 0)::int                             as fraud_count,
           coalesce(t.total_spend, 0)                                  as total_spend,
           coalesce(t.total_deposits, 0)                               as total_deposits,
           coalesce(t.net_flow, 0)                                     as net_flow,
           round(t.avg_transaction_amount, 2)                          as avg_transaction_amount,
           t.max_transaction_amount,
           coalesce(t.fees_paid, 0)                                    as fees_paid,
           coalesce(t.fraud_amount, 0)                                 as fraud_amount,
           coalesce(t.purchase_amount, 0)                              as purchase_amount,
           coalesce(t.cash_withdrawal_amount, 0)                       as cash_withdrawal_amount,
           coalesce(t.distinct_merchants, 0)::int                      as distinct_merchants,
           coalesce(t.distinct_categories, 0)::int                     as distinct_categories,
           coalesce(t.online_count, 0)::int                            as online_count,
           coalesce(t.mobile_count, 0)::int                            as mobile_count,
           coalesce(t.atm_count, 0)::int                               as atm_count,
           coalesce(t.branch_count, 0)::int                            as branch_count,
           coalesce(t.pos_count, 0)::int                               as pos_count,
           coalesce(t.international_count, 0)::int                     as international_count,
           coalesce(t.weekend_count, 0)::int                           as weekend_count,
           coalesce(t.night_count, 0)::int                             as night_count,
           coalesce(t.recurring_count, 0)::int                         as recurring_count,
           coalesce(t.active_days, 0)::int                             as active_days,
           round(t.avg_fraud_score, 4)                                 as avg_fraud_score,
           b.end_of_month_balance,
           round(b.balance_day_sum / (least((m.month_start + interval '1 month - 1 day')::date, k.as_of_date)
                 - greatest(m.month_start, k.data_start_date) + 1), 2)  as avg_daily_balance,
           b.min_account_balance,
           coalesce(b.open_accounts, 0)::int                           as open_accounts,
           coalesce(b.overdrawn_account_days, 0)::int                  as overdrawn_account_days,
           coalesce(c.interaction_count, 0)::int                       as interaction_count,
           coalesce(c.complaint_count, 0)::int                         as complaint_count,
           coalesce(c.escalation_count, 0)::int                        as escalation_count,
           round(c.avg_sentiment_score, 4)                             as avg_sentiment_score,
           round(c.avg_satisfaction_rating, 2)                         as avg_satisfaction_rating,
           coalesce(p.loan_payments_due, 0)::int                       as loan_payments_due,
           coalesce(p.late_payments, 0)::int                           as late_payments,
           coalesce(p.missed_payments, 0)::int                         as missed_payments,
           coalesce(p.total_days_late, 0)::int                         as total_days_late,
           coalesce(p.late_fees, 0)                                    as late_fees,
           coalesce(p.scheduled_payment_amount, 0)                     as scheduled_payment_amount,
           coalesce(p.actual_payment_amount, 0)                        as actual_payment_amount,
           coalesce(ap.credit_applications, 0)::int                    as credit_applications,
           coalesce(ap.credit_approvals, 0)::int                       as credit_approvals,
           coalesce(al.fraud_alerts, 0)::int                           as fraud_alerts,
           coalesce(cp.campaign_contacts, 0)::int                      as campaign_contacts,
           coalesce(cp.campaign_conversions, 0)::int                   as campaign_conversions
    from months m
    cross join clock k
    left join txn t on t.customer_id = m.customer_id and t.month_start = m.month_start
    left join bal b on b.customer_id = m.customer_id and b.month_start = m.month_start
    left join contacts c on c.customer_id = m.customer_id and c.month_start = m.month_start
    left join payments p on p.customer_id = m.customer_id and p.month_start = m.month_start
    left join apps ap on ap.customer_id = m.customer_id and ap.month_start = m.month_start
    left join alerts al on al.customer_id = m.customer_id and al.month_start = m.month_start
    left join campaigns cp on cp.customer_id = m.customer_id and cp.month_start = m.month_start
), spend as (
    -- what the month-over-month and rolling metrics read: the months computed here and, on an incremental
    -- run, the two stored months before them
    select j.customer_id, j.month_start, j.total_spend, j.transaction_count
    from joined j
    {{incremental
    union all
    select m.customer_id, m.month_start, m.total_spend, m.transaction_count
    from {this} m
    join scope s on s.customer_id = m.customer_id
    where m.month_start < s.from_month and m.month_start >= (s.from_month - interval '2 months')::date
    }}
), rolled as (
    -- the window runs over these narrow rows, not over the wide joined ones
    select r.customer_id, r.month_start,
           lag(r.total_spend) over w                                                 as prev_month_spend,
           sum(r.total_spend) over (w rows between 2 preceding and current row)      as rolling_3m_spend,
           sum(r.transaction_count) over (w rows between 2 preceding and current row)::int as rolling_3m_transactions
    from spend r
    window w as (partition by r.customer_id order by r.month_start)
)
select (date_part('year', j.month_start::timestamp) * 100 + date_part('month', j.month_start::timestamp))::int as month_key,
       (date_part('year', j.month_start::timestamp) * 10000 + date_part('month', j.month_start::timestamp) * 100 + 1)::int as date_key,
       v.customer_key,
       j.customer_id,
       j.month_start,
       to_char(j.month_start, 'YYYY-MM')                                                  as year_month,
       ((date_part('year', j.month_start::timestamp) - date_part('year', v.signup_date::timestamp)) * 12
            + date_part('month', j.month_start::timestamp) - date_part('month', v.signup_date::timestamp))::int as months_since_signup,
       j.transaction_count > 0                                                             as is_active_month,
       j.transaction_count, j.approved_count, j.declined_count, j.fraud_count,
       round(j.declined_count::numeric / nullif(j.transaction_count, 0), 4)                as decline_rate,
       j.total_spend, j.total_deposits, j.net_flow, j.avg_transaction_amount, j.max_transaction_amount,
       j.fees_paid, j.fraud_amount, j.purchase_amount, j.cash_withdrawal_amount,
       j.distinct_merchants, j.distinct_categories,
       j.online_count, j.mobile_count, j.atm_count, j.branch_count, j.pos_count,
       round((j.online_count + j.mobile_count)::numeric / nullif(j.transaction_count, 0), 4) as digital_share,
       j.international_count, j.weekend_count, j.night_count, j.recurring_count, j.active_days, j.avg_fraud_score,
       j.end_of_month_balance, j.avg_daily_balance, j.min_account_balance, j.open_accounts, j.overdrawn_account_days,
       j.interaction_count, j.complaint_count, j.escalation_count, j.avg_sentiment_score, j.avg_satisfaction_rating,
       j.loan_payments_due, j.late_payments, j.missed_payments, j.total_days_late, j.late_fees,
       j.scheduled_payment_amount, j.actual_payment_amount,
       j.credit_applications, j.credit_approvals, j.fraud_alerts, j.campaign_contacts, j.campaign_conversions,
       r.prev_month_spend,
       round((j.total_spend - r.prev_month_spend) / nullif(r.prev_month_spend, 0), 4)       as spend_change_mom,
       r.rolling_3m_spend,
       r.rolling_3m_transactions
from joined j
join rolled r on r.customer_id = j.customer_id and r.month_start = j.month_start
join gold.dim_customer v on v.customer_id = j.customer_id
                        and least(j.month_end, (select as_of_date from clock)) >= v.valid_from
                        and least(j.month_end, (select as_of_date from clock)) < v.valid_to

