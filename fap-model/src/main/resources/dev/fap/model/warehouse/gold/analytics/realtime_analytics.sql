-- What is happening now: one row per hour over the 48 hours up to the data's "now" (silver.data_clock,
-- never the wall clock, so the view is never empty for lack of activity "today"), with live counts,
-- fraud and declines, latency percentiles, alert activity and the baseline of the same hour of day
-- over the preceding 28 days.
with clock as (
    select * from silver.data_clock
), hours as (
    select h as hour_start
    from clock k, generate_series(date_trunc('hour', k.as_of_ts) - interval '47 hours', date_trunc('hour', k.as_of_ts), interval '1 hour') h
), recent as (
    select date_trunc('hour', f.transaction_ts) as hour_start,
           count(*)                                                     as transactions,
           count(*) filter (where f.is_approved)                        as approved_transactions,
           count(*) filter (where f.is_declined)                        as declined_transactions,
           count(*) filter (where f.is_fraud)                           as fraud_transactions,
           count(*) filter (where f.is_high_fraud_score)                as high_fraud_score_transactions,
           count(distinct f.customer_id)                                as active_customers,
           sum(f.approved_amount_abs)                                   as volume,
           round(avg(f.transaction_amount_abs), 2)                      as avg_amount,
           round(avg(f.processing_time_ms), 1)                          as avg_processing_time_ms,
           percentile_cont(0.95) within group (order by f.processing_time_ms) as p95_processing_time_ms,
           max(f.processing_time_ms)                                    as max_processing_time_ms,
           max(f.transaction_ts)                                        as last_transaction_ts
    from gold.fact_transactions f, clock k
    where f.transaction_ts > date_trunc('hour', k.as_of_ts) - interval '47 hours'
    group by 1
), baseline as (
    select extract(hour from f.transaction_ts)::int as hour_of_day,
           count(*)::numeric / 28                                       as baseline_transactions,
           sum(f.approved_amount_abs) / 28                              as baseline_volume
    from gold.fact_transactions f, clock k
    where f.transaction_ts > k.as_of_ts - interval '30 days' and f.transaction_ts <= k.as_of_ts - interval '2 days'
    group by 1
), alerts as (
    select date_trunc('hour', a.alert_ts) as hour_start,
           count(*)                                                     as alerts_raised,
           count(*) filter (where a.alert_severity in ('High', 'Critical')) as high_severity_alerts
    from silver.stg_fraud_alerts a, clock k
    where a.alert_ts > date_trunc('hour', k.as_of_ts) - interval '47 hours'
    group by 1
)
select h.hour_start,
       extract(hour from h.hour_start)::int                             as hour_of_day,
       k.as_of_ts                                                       as data_now,
       extract(epoch from (date_trunc('hour', k.as_of_ts) - h.hour_start))::int / 3600 as hours_ago,
       coalesce(r.transactions, 0)                                      as transactions,
       coalesce(r.approved_transactions, 0)                             as approved_transactions,
       coalesce(r.declined_transactions, 0)                             as declined_transactions,
       coalesce(r.fraud_transactions, 0)                                as fraud_transactions,
       coalesce(r.high_fraud_score_transactions, 0)                     as high_fraud_score_transactions,
       coalesce(r.active_customers, 0)                                  as active_customers,
       coalesce(r.volume, 0)                                            as volume,
       r.avg_amount,
       round(coalesce(r.declined_transactions, 0)::numeric / nullif(r.transactions, 0), 4) as decline_rate,
       r.avg_processing_time_ms,
       r.p95_processing_time_ms,
       r.max_processing_time_ms,
       r.last_transaction_ts,
       coalesce(a.alerts_raised, 0)                                     as alerts_raised,
       coalesce(a.high_severity_alerts, 0)                              as high_severity_alerts,
       (select count(*) from silver.stg_fraud_alerts o
         where o.alert_ts <= h.hour_start + interval '1 hour'
           and (o.resolution_date is null or o.resolution_date > (h.hour_start + interval '1 hour')::date)) as open_alerts,
       round(b.baseline_transactions, 2)                                as baseline_transactions,
       round(b.baseline_volume, 2)                                      as baseline_volume,
       round(coalesce(r.transactions, 0) / nullif(b.baseline_transactions, 0), 4) as transactions_vs_baseline,
       case when b.baseline_transactions > 0 and coalesce(r.transactions, 0) > 3 * b.baseline_transactions + 3 then 'Spike'
            when b.baseline_transactions >= 5 and coalesce(r.transactions, 0) = 0 then 'Silent'
            when coalesce(r.fraud_transactions, 0) > 0 or coalesce(a.high_severity_alerts, 0) > 0 then 'Fraud Activity'
            else 'Normal' end                                            as status
from hours h
cross join clock k
left join recent r on r.hour_start = h.hour_start
left join baseline b on b.hour_of_day = extract(hour from h.hour_start)::int
left join alerts a on a.hour_start = h.hour_start
