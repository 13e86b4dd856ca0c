-- One row per customer per calendar month, from the month the customer joined (or the data's first
-- month, if later) to the month of the data's "now". customer_key is the dim_customer version valid
-- on the month's last day (or on "now" for the current month). Months without activity are kept
-- with zero counts, so averages over months are not biased towards active months.
with clock as (
    select * from silver.data_clock
), months as (
    select c.customer_id, m::date as month_start
    from silver.stg_customers c, clock k,
         generate_series(date_trunc('month', greatest(c.signup_date, k.data_start_date)),
                         date_trunc('month', k.as_of_date), interval '1 month') m
    where c.signup_date <= k.as_of_date
), txn as (
    select f.customer_id, date_trunc('month', f.transaction_date)::date as month_start,
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
    from gold.fact_transactions f
    group by 1, 2
), bal as (
    -- one pass over the daily snapshot; integer month keys (date_key / 100) group faster than dates.
    -- avg_daily_balance averages the customer's total over the month's days within the data window
    -- (an account not yet open counts as 0).
    select s.customer_id, to_date((s.date_key / 100)::text, 'YYYYMM') as month_start,
           sum(s.closing_balance) filter (where s.is_month_end or s.snapshot_date = k.as_of_date) as end_of_month_balance,
           sum(s.closing_balance)                                      as balance_day_sum,
           min(s.closing_balance)                                      as min_account_balance,
           count(*) filter (where s.is_month_end or s.snapshot_date = k.as_of_date) as open_accounts,
           count(*) filter (where s.is_overdrawn)                      as overdrawn_account_days
    from gold.fact_account_daily_snapshot s, clock k
    group by s.customer_id, s.date_key / 100
), contacts as (
    select customer_id, date_trunc('month', interaction_date)::date as month_start,
           count(*)                                                    as interaction_count,
           count(*) filter (where reason in ('Fee Dispute', 'Complaint') or sentiment_score < -0.3) as complaint_count,
           count(*) filter (where escalated)                           as escalation_count,
           avg(sentiment_score)                                        as avg_sentiment_score,
           avg(satisfaction_rating)                                    as avg_satisfaction_rating
    from silver.stg_customer_interactions
    group by 1, 2
), payments as (
    select customer_id, date_trunc('month', scheduled_date)::date as month_start,
           count(*)                                                    as loan_payments_due,
           count(*) filter (where is_late)                             as late_payments,
           count(*) filter (where is_missed)                           as missed_payments,
           sum(days_late)                                              as total_days_late,
           sum(late_fee)                                               as late_fees,
           sum(scheduled_amount)                                       as scheduled_payment_amount,
           sum(actual_amount)                                          as actual_payment_amount
    from silver.stg_loan_payments
    group by 1, 2
), apps as (
    select customer_id, date_trunc('month', application_date)::date as month_start,
           count(*)                                                    as credit_applications,
           count(*) filter (where decision = 'Approved')               as credit_approvals
    from silver.stg_credit_applications
    group by 1, 2
), alerts as (
    select customer_id, date_trunc('month', alert_date)::date as month_start, count(*) as fraud_alerts
    from silver.stg_fraud_alerts
    group by 1, 2
), campaigns as (
    select customer_id, date_trunc('month', contact_date)::date as month_start,
           count(*) filter (where assignment = 'Treatment')            as campaign_contacts,
           count(*) filter (where assignment = 'Treatment' and converted) as campaign_conversions
    from silver.stg_campaign_contacts
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
)
select (extract(year from j.month_start) * 100 + extract(month from j.month_start))::int as month_key,
       dd.date_key,
       v.customer_key,
       j.customer_id,
       j.month_start,
       to_char(j.month_start, 'YYYY-MM')                                                  as year_month,
       (extract(year from age(j.month_start, date_trunc('month', v.signup_date))) * 12
            + extract(month from age(j.month_start, date_trunc('month', v.signup_date))))::int as months_since_signup,
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
       lag(j.total_spend) over w                                                           as prev_month_spend,
       round((j.total_spend - lag(j.total_spend) over w) / nullif(lag(j.total_spend) over w, 0), 4) as spend_change_mom,
       sum(j.total_spend) over (w rows between 2 preceding and current row)                as rolling_3m_spend,
       sum(j.transaction_count) over (w rows between 2 preceding and current row)::int     as rolling_3m_transactions
from joined j
join gold.dim_customer v on v.customer_id = j.customer_id
                        and least(j.month_end, (select as_of_date from clock)) >= v.valid_from
                        and least(j.month_end, (select as_of_date from clock)) < v.valid_to
join gold.dim_date dd on dd.full_date = j.month_start
window w as (partition by j.customer_id order by j.month_start)
