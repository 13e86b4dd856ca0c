-- What will happen: the feature store, one row per customer (current dim_customer version), 90+
-- features computed as of the data's "now" (silver.data_clock), never the wall clock.
--
-- Scores: churn_risk_score and customer_lifetime_value are the latest scores of models fitted by
-- fap-analytics (gold.customer_scores, model_name 'churn' and 'clv') where one exists; otherwise they
-- fall back to the bank's own estimates delivered in bronze (bank_churn_risk_score,
-- bank_customer_lifetime_value). churn_risk_score_source and customer_lifetime_value_source say
-- which ('fitted' or 'bank'). Nothing here is a hand-weighted score.
--
-- Labels: is_churned (the customer is no longer active) and churned_on (the first day of the first
-- inactive version) let point-in-time training sets exclude activity after churn.
with clock as (
    select * from silver.data_clock
), cur as (
    select * from gold.dim_customer where is_current
), churn as (
    select customer_id, min(valid_from) as churned_on from gold.dim_customer where not is_active group by customer_id
), tx as (
    select f.customer_id,
           count(*)                                                                          as total_transactions,
           count(*) filter (where f.transaction_date > k.as_of_date - 30)                    as total_transactions_30d,
           count(*) filter (where f.transaction_date > k.as_of_date - 90)                    as total_transactions_90d,
           count(*) filter (where f.transaction_date > k.as_of_date - 180)                   as total_transactions_180d,
           count(*) filter (where f.transaction_date > k.as_of_date - 365)                   as total_transactions_365d,
           count(*) filter (where f.transaction_date > k.as_of_date - 60 and f.transaction_date <= k.as_of_date - 30) as total_transactions_prev_30d,
           sum(f.debit_amount)                                                               as total_spend,
           coalesce(sum(f.debit_amount) filter (where f.transaction_date > k.as_of_date - 30), 0)   as total_spend_30d,
           coalesce(sum(f.debit_amount) filter (where f.transaction_date > k.as_of_date - 90), 0)   as total_spend_90d,
           coalesce(sum(f.debit_amount) filter (where f.transaction_date > k.as_of_date - 180), 0)  as total_spend_180d,
           coalesce(sum(f.debit_amount) filter (where f.transaction_date > k.as_of_date - 365), 0)  as total_spend_365d,
           coalesce(sum(f.debit_amount) filter (where f.transaction_date > k.as_of_date - 60 and f.transaction_date <= k.as_of_date - 30), 0) as total_spend_prev_30d,
           coalesce(sum(f.debit_amount) filter (where f.transaction_date > k.as_of_date - 180 and f.transaction_date <= k.as_of_date - 90), 0) as total_spend_prev_90d,
           coalesce(sum(f.credit_amount) filter (where f.transaction_date > k.as_of_date - 30), 0)  as total_deposits_30d,
           coalesce(sum(f.credit_amount) filter (where f.transaction_date > k.as_of_date - 90), 0)  as total_deposits_90d,
           coalesce(sum(f.credit_amount) filter (where f.transaction_date > k.as_of_date - 365), 0) as total_deposits_365d,
           avg(f.approved_amount_abs) filter (where f.is_approved)                          as avg_transaction_amount,
           avg(f.approved_amount_abs) filter (where f.is_approved and f.transaction_date > k.as_of_date - 90) as avg_transaction_amount_90d,
           stddev_samp(f.approved_amount_abs) filter (where f.is_approved)                  as stddev_transaction_amount,
           max(f.transaction_amount_abs)                                                     as max_transaction_amount,
           max(f.transaction_amount_abs) filter (where f.transaction_date > k.as_of_date - 90) as max_transaction_amount_90d,
           count(distinct f.merchant_id) filter (where f.transaction_date > k.as_of_date - 90) as distinct_merchants_90d,
           count(distinct f.merchant_id) filter (where f.transaction_date > k.as_of_date - 365) as distinct_merchants_365d,
           count(distinct f.merchant_category) filter (where f.transaction_date > k.as_of_date - 90) as distinct_categories_90d,
           count(distinct f.transaction_date) filter (where f.transaction_date > k.as_of_date - 30) as active_days_30d,
           count(distinct f.transaction_date) filter (where f.transaction_date > k.as_of_date - 90) as active_days_90d,
           count(*) filter (where f.is_declined and f.transaction_date > k.as_of_date - 90)  as declined_transactions_90d,
           count(*) filter (where f.is_declined and f.transaction_date > k.as_of_date - 365) as declined_transactions_365d,
           count(*) filter (where f.is_fraud)                                                as fraud_transactions,
           count(*) filter (where f.is_fraud and f.transaction_date > k.as_of_date - 365)    as fraud_transactions_365d,
           count(*) filter (where f.is_international and f.transaction_date > k.as_of_date - 90) as international_transactions_90d,
           count(*) filter (where f.is_digital_channel and f.transaction_date > k.as_of_date - 90) as digital_transactions_90d,
           count(*) filter (where f.channel = 'ATM' and f.transaction_date > k.as_of_date - 90) as atm_transactions_90d,
           count(*) filter (where f.channel = 'Branch' and f.transaction_date > k.as_of_date - 90) as branch_transactions_90d,
           count(*) filter (where f.is_night and f.transaction_date > k.as_of_date - 90)     as night_transactions_90d,
           count(*) filter (where f.is_weekend and f.transaction_date > k.as_of_date - 90)   as weekend_transactions_90d,
           count(*) filter (where f.is_recurring and f.transaction_date > k.as_of_date - 90) as recurring_transactions_90d,
           count(*) filter (where f.is_high_value and f.transaction_date > k.as_of_date - 90) as high_value_transactions_90d,
           coalesce(sum(f.fee_amount) filter (where f.transaction_date > k.as_of_date - 365), 0) as fees_paid_365d,
           coalesce(sum(f.cash_withdrawal_amount) filter (where f.transaction_date > k.as_of_date - 90), 0) as cash_withdrawals_90d,
           avg(f.fraud_score) filter (where f.transaction_date > k.as_of_date - 90)          as avg_fraud_score_90d,
           max(f.fraud_score) filter (where f.transaction_date > k.as_of_date - 90)          as max_fraud_score_90d,
           avg(f.distance_from_home_km) filter (where f.transaction_date > k.as_of_date - 90) as avg_distance_from_home_km_90d,
           max(f.velocity_24h) filter (where f.transaction_date > k.as_of_date - 90)         as max_velocity_24h_90d,
           min(f.transaction_date)                                                           as first_transaction_date,
           max(f.transaction_date)                                                           as last_transaction_date
    from gold.fact_transactions f, clock k
    group by f.customer_id
), acct as (
    select a.customer_id,
           count(*)                                                                          as num_accounts,
           count(*) filter (where a.close_date is null and a.account_status <> 'Closed')     as num_open_accounts,
           count(*) filter (where a.close_date is not null)                                  as num_closed_accounts,
           count(distinct a.product_id)                                                      as num_products,
           bool_or(p.product_category = 'Credit')                                            as has_credit_card,
           bool_or(p.product_category = 'Loan')                                              as has_loan,
           bool_or(p.product_name = 'Mortgage')                                              as has_mortgage,
           bool_or(p.product_category = 'Investment')                                        as has_investment,
           bool_or(p.product_name in ('Savings', 'Money Market'))                            as has_savings,
           bool_or(p.is_premium)                                                             as has_premium_product,
           avg(case when a.autopay_enabled then 1.0 else 0 end)                              as autopay_share,
           sum(a.credit_limit)                                                               as total_credit_limit,
           min(a.open_date)                                                                  as first_account_open_date,
           max(a.open_date)                                                                  as last_account_open_date
    from silver.stg_accounts a
    left join gold.dim_product p on p.product_id = a.product_id
    group by a.customer_id
), bal as (
    -- the customer's accounts over the last 91 days: per account of silver.stg_accounts (the accounts and
    -- customers the snapshot is built from) an index range scan of (account_id, snapshot_date), in customer
    -- order, aggregated as the rows stream by (no hash table of customer-days). A day's balance is the sum
    -- over the customer's accounts that day, so the average daily balance is the sum of all balances over
    -- the number of days with one (numeric avg is exactly sum / count).
    select a.customer_id,
           sum(s.closing_balance) filter (where s.snapshot_date = k.as_of_date)              as total_balance,
           sum(greatest(s.closing_balance, 0)) filter (where s.snapshot_date = k.as_of_date) as total_assets_held,
           -sum(least(s.closing_balance, 0)) filter (where s.snapshot_date = k.as_of_date)   as total_amount_owed,
           sum(s.closing_balance) filter (where s.snapshot_date = k.as_of_date - 90)         as total_balance_90d_ago,
           sum(s.closing_balance) filter (where s.snapshot_date > k.as_of_date - 30)
             / nullif(count(distinct s.snapshot_date) filter (where s.snapshot_date > k.as_of_date - 30
                                                                and s.closing_balance is not null), 0) as avg_balance_30d,
           sum(s.closing_balance) filter (where s.snapshot_date > k.as_of_date - 90)
             / nullif(count(distinct s.snapshot_date) filter (where s.snapshot_date > k.as_of_date - 90
                                                                and s.closing_balance is not null), 0) as avg_balance_90d,
           min(s.closing_balance) filter (where s.snapshot_date > k.as_of_date - 90)         as min_account_balance_90d,
           count(*) filter (where s.is_overdrawn and s.snapshot_date > k.as_of_date - 90)    as overdrawn_days_90d,
           max(s.credit_utilization) filter (where s.snapshot_date = k.as_of_date)           as credit_utilization
    from clock k
    cross join (select customer_id, account_id from silver.stg_accounts order by customer_id) a
    cross join lateral (select s.snapshot_date, s.closing_balance, s.is_overdrawn, s.credit_utilization
                        from gold.fact_account_daily_snapshot s
                        where s.account_id = a.account_id and s.snapshot_date > k.as_of_date - 91
                        offset 0) s
    group by a.customer_id
), contacts as (
    select i.customer_id,
           count(*) filter (where i.interaction_date > k.as_of_date - 90)                    as interactions_90d,
           count(*) filter (where i.interaction_date > k.as_of_date - 365)                   as interactions_365d,
           count(*) filter (where i.interaction_date > k.as_of_date - 90
                              and (i.reason in ('Fee Dispute', 'Complaint') or i.sentiment_score < -0.3)) as complaints_90d,
           count(*) filter (where i.escalated and i.interaction_date > k.as_of_date - 365)   as escalations_365d,
           count(*) filter (where not i.resolved and i.interaction_date > k.as_of_date - 365) as unresolved_interactions_365d,
           avg(i.sentiment_score) filter (where i.interaction_date > k.as_of_date - 90)      as avg_sentiment_90d,
           avg(i.sentiment_score) filter (where i.interaction_date > k.as_of_date - 365)     as avg_sentiment_365d,
           min(i.satisfaction_rating) filter (where i.interaction_date > k.as_of_date - 365) as min_satisfaction_365d,
           avg(i.satisfaction_rating) filter (where i.interaction_date > k.as_of_date - 365) as avg_satisfaction_365d,
           max(i.interaction_date)                                                           as last_interaction_date
    from silver.stg_customer_interactions i, clock k
    where i.interaction_date <= k.as_of_date
    group by i.customer_id
), payments as (
    select l.customer_id,
           count(*) filter (where l.scheduled_date > k.as_of_date - 365)                     as loan_payments_365d,
           count(*) filter (where l.is_late and l.scheduled_date > k.as_of_date - 365)       as late_payments_365d,
           count(*) filter (where l.is_missed and l.scheduled_date > k.as_of_date - 365)     as missed_payments_365d,
           max(l.days_late) filter (where l.scheduled_date > k.as_of_date - 365)             as max_days_late_365d,
           coalesce(sum(l.late_fee) filter (where l.scheduled_date > k.as_of_date - 365), 0) as late_fees_365d,
           min(l.outstanding_balance) filter (where l.scheduled_date > k.as_of_date - 60)    as loan_outstanding_balance
    from silver.stg_loan_payments l, clock k
    where l.scheduled_date <= k.as_of_date
    group by l.customer_id
), apps as (
    select a.customer_id,
           count(*) filter (where a.application_date > k.as_of_date - 365)                   as credit_applications_365d,
           count(*) filter (where a.decision = 'Declined' and a.application_date > k.as_of_date - 365) as credit_declines_365d,
           count(*) filter (where a.decision = 'Approved')                                   as credit_approvals_total,
           max(a.debt_to_income_ratio)                                                       as max_debt_to_income_ratio
    from silver.stg_credit_applications a, clock k
    where a.application_date <= k.as_of_date
    group by a.customer_id
), alerts as (
    select a.customer_id,
           count(*) filter (where a.alert_date > k.as_of_date - 365)                         as fraud_alerts_365d,
           count(*) filter (where a.investigation_status = 'Confirmed Fraud')                as confirmed_fraud_alerts
    from silver.stg_fraud_alerts a, clock k
    group by a.customer_id
), camp as (
    select c.customer_id,
           count(*) filter (where c.assignment = 'Treatment' and c.contact_date > k.as_of_date - 365) as campaign_contacts_365d,
           count(*) filter (where c.assignment = 'Treatment' and c.converted)                as campaign_conversions_total,
           count(*) filter (where c.opened and c.contact_date > k.as_of_date - 365)          as campaign_opens_365d
    from silver.stg_campaign_contacts c, clock k
    group by c.customer_id
)
select c.customer_id,
       c.customer_key,
       k.as_of_date                                                                          as feature_date,
       -- scores (fitted where available, else the bank's own estimate)
       coalesce(gold.latest_score(c.customer_id, 'churn'), c.bank_churn_risk_score::double precision) as churn_risk_score,
       case when gold.latest_score(c.customer_id, 'churn') is not null then 'fitted' else 'bank' end as churn_risk_score_source,
       coalesce(gold.latest_score(c.customer_id, 'clv'), c.bank_customer_lifetime_value::double precision) as customer_lifetime_value,
       case when gold.latest_score(c.customer_id, 'clv') is not null then 'fitted' else 'bank' end as customer_lifetime_value_source,
       gold.latest_score(c.customer_id, 'fraud')                                              as fraud_propensity_score,
       c.bank_churn_risk_score,
       c.bank_customer_lifetime_value,
       -- labels
       not c.is_active                                                                       as is_churned,
       ch.churned_on,
       -- demographics and profile
       c.age, c.age_band, c.annual_income, c.income_band, c.credit_score, c.credit_score_band, c.number_of_dependents,
       c.customer_segment, c.life_stage, c.risk_segment, c.loyalty_tier, c.preferred_channel, c.acquisition_channel,
       c.employment_status, c.education_level, c.marital_status, c.home_ownership, c.state,
       c.marketing_opt_in,
       c.employment_status in ('Employed', 'Self-Employed')                                  as is_employed,
       c.home_ownership in ('Own', 'Mortgage')                                               as is_homeowner,
       k.as_of_date - c.signup_date                                                          as tenure_days,
       round((k.as_of_date - c.signup_date) / 365.25, 2)                                     as tenure_years,
       c.version_number - 1                                                                  as profile_changes,
       k.as_of_date - c.last_login_date                                                      as days_since_last_login,
       -- transactions
       coalesce(t.total_transactions, 0)                                                     as total_transactions,
       coalesce(t.total_transactions_30d, 0)                                                 as total_transactions_30d,
       coalesce(t.total_transactions_90d, 0)                                                 as total_transactions_90d,
       coalesce(t.total_transactions_180d, 0)                                                as total_transactions_180d,
       coalesce(t.total_transactions_365d, 0)                                                as total_transactions_365d,
       coalesce(t.total_spend, 0)                                                            as total_spend,
       coalesce(t.total_spend_30d, 0)                                                        as total_spend_30d,
       coalesce(t.total_spend_90d, 0)                                                        as total_spend_90d,
       coalesce(t.total_spend_180d, 0)                                                       as total_spend_180d,
       coalesce(t.total_spend_365d, 0)                                                       as total_spend_365d,
       coalesce(t.total_deposits_30d, 0)                                                     as total_deposits_30d,
       coalesce(t.total_deposits_90d, 0)                                                     as total_deposits_90d,
       coalesce(t.total_deposits_365d, 0)                                                    as total_deposits_365d,
       round(coalesce(t.total_spend_30d, 0) / nullif(t.total_spend_prev_30d, 0), 4)         as spend_trend_30d,
       round(coalesce(t.total_spend_90d, 0) / nullif(t.total_spend_prev_90d, 0), 4)         as spend_trend_90d,
       round(coalesce(t.total_transactions_30d, 0)::numeric / nullif(t.total_transactions_prev_30d, 0), 4) as transactions_trend_30d,
       round(t.avg_transaction_amount, 2)                                                    as avg_transaction_amount,
       round(t.avg_transaction_amount_90d, 2)                                                as avg_transaction_amount_90d,
       round(t.stddev_transaction_amount, 2)                                                 as stddev_transaction_amount,
       t.max_transaction_amount,
       t.max_transaction_amount_90d,
       coalesce(t.distinct_merchants_90d, 0)                                                 as distinct_merchants_90d,
       coalesce(t.distinct_merchants_365d, 0)                                                as distinct_merchants_365d,
       coalesce(t.distinct_categories_90d, 0)                                                as distinct_categories_90d,
       coalesce(t.active_days_30d, 0)                                                        as active_days_30d,
       coalesce(t.active_days_90d, 0)                                                        as active_days_90d,
       coalesce(t.declined_transactions_90d, 0)                                              as declined_transactions_90d,
       coalesce(t.declined_transactions_365d, 0)                                             as declined_transactions_365d,
       round(coalesce(t.declined_transactions_90d, 0)::numeric / nullif(t.total_transactions_90d, 0), 4) as decline_rate_90d,
       coalesce(t.fraud_transactions, 0)                                                     as fraud_transactions,
       coalesce(t.fraud_transactions_365d, 0)                                                as fraud_transactions_365d,
       coalesce(t.international_transactions_90d, 0)                                         as international_transactions_90d,
       round(coalesce(t.digital_transactions_90d, 0)::numeric / nullif(t.total_transactions_90d, 0), 4) as digital_share_90d,
       coalesce(t.atm_transactions_90d, 0)                                                   as atm_transactions_90d,
       coalesce(t.branch_transactions_90d, 0)                                                as branch_transactions_90d,
       coalesce(t.night_transactions_90d, 0)                                                 as night_transactions_90d,
       coalesce(t.weekend_transactions_90d, 0)                                               as weekend_transactions_90d,
       coalesce(t.recurring_transactions_90d, 0)                                             as recurring_transactions_90d,
       coalesce(t.high_value_transactions_90d, 0)                                            as high_value_transactions_90d,
       coalesce(t.fees_paid_365d, 0)                                                         as fees_paid_365d,
       coalesce(t.cash_withdrawals_90d, 0)                                                   as cash_withdrawals_90d,
       round(t.avg_fraud_score_90d, 4)                                                       as avg_fraud_score_90d,
       t.max_fraud_score_90d,
       round(t.avg_distance_from_home_km_90d::numeric, 2)                                    as avg_distance_from_home_km_90d,
       t.max_velocity_24h_90d,
       t.first_transaction_date,
       t.last_transaction_date,
       k.as_of_date - t.last_transaction_date                                                as days_since_last_transaction,
       round(coalesce(t.total_spend_365d, 0) / nullif(c.annual_income, 0), 4)               as spend_to_income_ratio,
       -- accounts and balances
       coalesce(a.num_accounts, 0)                                                           as num_accounts,
       coalesce(a.num_open_accounts, 0)                                                      as num_open_accounts,
       coalesce(a.num_closed_accounts, 0)                                                    as num_closed_accounts,
       coalesce(a.num_products, 0)                                                           as num_products,
       coalesce(a.has_credit_card, false)                                                    as has_credit_card,
       coalesce(a.has_loan, false)                                                           as has_loan,
       coalesce(a.has_mortgage, false)                                                       as has_mortgage,
       coalesce(a.has_investment, false)                                                     as has_investment,
       coalesce(a.has_savings, false)                                                        as has_savings,
       coalesce(a.has_premium_product, false)                                                as has_premium_product,
       round(a.autopay_share, 4)                                                             as autopay_share,
       a.total_credit_limit,
       k.as_of_date - a.last_account_open_date                                               as days_since_last_account_opened,
       b.total_balance,
       b.total_assets_held,
       b.total_amount_owed,
       round(b.avg_balance_30d, 2)                                                           as avg_balance_30d,
       round(b.avg_balance_90d, 2)                                                           as avg_balance_90d,
       b.min_account_balance_90d,
       b.total_balance - b.total_balance_90d_ago                                             as balance_change_90d,
       coalesce(b.overdrawn_days_90d, 0)                                                     as overdrawn_days_90d,
       b.credit_utilization,
       -- service
       coalesce(i.interactions_90d, 0)                                                       as interactions_90d,
       coalesce(i.interactions_365d, 0)                                                      as interactions_365d,
       coalesce(i.complaints_90d, 0)                                                         as complaints_90d,
       coalesce(i.escalations_365d, 0)                                                       as escalations_365d,
       coalesce(i.unresolved_interactions_365d, 0)                                           as unresolved_interactions_365d,
       round(i.avg_sentiment_90d, 4)                                                         as avg_sentiment_90d,
       round(i.avg_sentiment_365d, 4)                                                        as avg_sentiment_365d,
       i.min_satisfaction_365d,
       round(i.avg_satisfaction_365d, 2)                                                     as avg_satisfaction_365d,
       k.as_of_date - i.last_interaction_date                                                as days_since_last_interaction,
       -- credit
       coalesce(p.loan_payments_365d, 0)                                                     as loan_payments_365d,
       coalesce(p.late_payments_365d, 0)                                                     as late_payments_365d,
       coalesce(p.missed_payments_365d, 0)                                                   as missed_payments_365d,
       coalesce(p.max_days_late_365d, 0)                                                     as max_days_late_365d,
       coalesce(p.late_fees_365d, 0)                                                         as late_fees_365d,
       round(1 - coalesce(p.late_payments_365d, 0)::numeric / nullif(p.loan_payments_365d, 0), 4) as on_time_payment_rate_365d,
       p.loan_outstanding_balance,
       coalesce(ap.credit_applications_365d, 0)                                              as credit_applications_365d,
       coalesce(ap.credit_declines_365d, 0)                                                  as credit_declines_365d,
       coalesce(ap.credit_approvals_total, 0)                                                as credit_approvals_total,
       ap.max_debt_to_income_ratio,
       -- fraud and marketing
       coalesce(al.fraud_alerts_365d, 0)                                                     as fraud_alerts_365d,
       coalesce(al.confirmed_fraud_alerts, 0)                                                as confirmed_fraud_alerts,
       coalesce(cp.campaign_contacts_365d, 0)                                                as campaign_contacts_365d,
       coalesce(cp.campaign_opens_365d, 0)                                                   as campaign_opens_365d,
       coalesce(cp.campaign_conversions_total, 0)                                            as campaign_conversions_total
from cur c
cross join clock k
left join churn ch on ch.customer_id = c.customer_id
left join tx t on t.customer_id = c.customer_id
left join acct a on a.customer_id = c.customer_id
left join bal b on b.customer_id = c.customer_id
left join contacts i on i.customer_id = c.customer_id
left join payments p on p.customer_id = c.customer_id
left join apps ap on ap.customer_id = c.customer_id
left join alerts al on al.customer_id = c.customer_id
left join camp cp on cp.customer_id = c.customer_id
