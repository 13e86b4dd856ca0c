-- One row per transaction (grain: transaction_id). Each row points at the dim_customer version that
-- was valid on the transaction's date, at the merchant (null for deposits, transfers and fees) and at
-- the product of the account. Signed amounts follow the bronze convention (negative = money out);
-- a declined transaction moves no money, so its approved_* and net measures are 0.
-- Incremental runs take the silver rows loaded after the newest load already in the table (late
-- transactions of an old date are caught, because the watermark is the load time, not the event
-- time) plus silver rows missing from the table (rows of an earlier load that only became valid
-- when a later load repaired their account or customer); a full refresh rebuilds everything.
-- Both are found without a join of the two tables: the newest load in the table is found by walking
-- silver's loads down its index on (_loaded_at, transaction_date) to the first one the table holds
-- (probes of the unique index), the new rows are a range of that index, and silver is searched for
-- missing rows only if its row count differs from the table's plus the new rows the table lacks
-- (the counts the engine stored; equal counts with a missing row would need a row in the table that
-- silver no longer has, which only a full refresh of silver alone can cause).
-- A customer row or customer change loaded after the newest load makes the customer's stored rows
-- (from the change's date on) be taken again: their dim_customer version may be another now.
-- Not covered incrementally: a transaction that later becomes invalid stays until a full refresh.
-- Column order is physical layout, chosen for scans (names are the contract, not positions): PostgreSQL
-- decodes every column before the last one a query reads, and caches the offsets of fixed-width columns
-- only up to the first variable-width one (text, numeric) or the first null. So: fixed-width columns
-- that are never null and that the analytics read first (date, keys, the amount in cents, the codes of
-- channel and type, hour, flags), then the fixed-width ones that can be null, then the text and numeric
-- columns the analytics read, and every other column after them (a column a query does not reach costs
-- that query nothing). fap-analytics' passes (clock, features, cube, fraud factors, fraud model, campaign
-- windows) read only the columns up to time_of_day.
{{incremental with recursive walk(at, found) as (
    -- silver's loads from the newest down (one probe of its index each) to the first one that the table holds with
    -- the same load time: one probe of the unique index per row of a newer load, one row of that load
    select w.at, coalesce((select true from silver.stg_transactions t where t._loaded_at = w.at
                           and (select x._loaded_at from {this} x where x.transaction_id = t.transaction_id) = w.at limit 1), false)
    from (select max(t._loaded_at) as at from silver.stg_transactions t) w
    union all
    select n.at, coalesce((select true from silver.stg_transactions t where t._loaded_at = n.at
                           and (select x._loaded_at from {this} x where x.transaction_id = t.transaction_id) = n.at limit 1), false)
    from walk w
    cross join lateral (select (select max(t._loaded_at) from silver.stg_transactions t where t._loaded_at < w.at) as at) n
    where not w.found and w.at is not null
), counts as (
    -- the row counts of silver and of the table: those the engine stored with their last build or merge
    -- (fap_meta.table_rows, valid while the relation's oid and file node are the same), else counted
    select coalesce((select r.rows from fap_meta.table_rows r join pg_class c on c.oid = r.relid
                     where r.relation = 'silver.stg_transactions' and c.oid = to_regclass('silver.stg_transactions')
                       and c.relfilenode = r.filenode),
                    (select count(*) from silver.stg_transactions)) as silver_rows,
           coalesce((select r.rows from fap_meta.table_rows r join pg_class c on c.oid = r.relid
                     where r.relation = '{this}' and c.oid = to_regclass('{this}') and c.relfilenode = r.filenode),
                    (select count(*) from {this})) as table_rows
), watermark as materialized (
    -- the newest load in the table (without one, every row is new), and whether silver holds rows of earlier loads
    -- that the table lacks: its row count differs from the table's plus the new rows missing from the table
    select n.newest,
           (select k.silver_rows from counts k)
           <> (select k.table_rows from counts k)
              + (select count(*) from silver.stg_transactions s
                 where s._loaded_at > n.newest
                   and (select x.transaction_id from {this} x where x.transaction_id = s.transaction_id) is null) as search
    from (select coalesce(max(w.at) filter (where w.found), '-infinity') as newest from walk w) n
)}}
select -- fixed width, never null, read by the analytics
       -- the calendar's key (the calendar row is joined for is_holiday anyway; three numeric extracts per row
       -- cost ~1.2 µs), computed only if the calendar lacks the day
       coalesce(dd.date_key, (extract(year from t.transaction_date) * 10000 + extract(month from t.transaction_date) * 100
            + extract(day from t.transaction_date))::int)            as date_key,
       t.transaction_date,
       dc.customer_key,
       dp.product_key,
       -- the absolute amount in cents: exact (silver amounts are numeric(14,2), below a million), and a sum or a
       -- sum of squares of bigints costs a fraction of the numeric one (transaction_amount_abs = amount_abs_cents / 100)
       (t.amount_abs * 100)::bigint                                 as amount_abs_cents,
       -- codes of the closed sets silver admits (its unknown_channel and unknown_type rules), in the order listed there
       (case t.channel when 'Online' then 1 when 'Mobile' then 2 when 'ATM' then 3 when 'Branch' then 4
                       when 'POS' then 5 end)::smallint             as channel_code,
       (case t.transaction_type when 'Purchase' then 1 when 'ATM' then 2 when 'Fee' then 3 when 'Deposit' then 4
                                when 'Refund' then 5 when 'Transfer' then 6 when 'Payment' then 7 end)::smallint as transaction_type_code,
       t.hour_of_day,
       t.is_fraud,
       t.is_declined,
       not t.is_declined                                            as is_approved,
       t.amount < 0                                                 as is_debit,
       t.is_weekend,
       t.is_international,
       t.hour_of_day < 6                                            as is_night,
       t.channel in ('Online', 'Mobile')                            as is_digital_channel,
       t.merchant_id is not null                                    as has_merchant,
       coalesce(dm.is_high_risk, false)                             as is_high_risk_merchant,
       -- the card-fraud indicator signals (fap-analytics' fraud model): false when the measure is unknown
       coalesce(t.amount_deviation_score >= 2, false)               as is_high_amount_deviation,
       coalesce(t.velocity_24h >= 2, false)                         as is_high_velocity,
       coalesce(t.distance_from_home_km >= 100, false)              as is_far_from_home,
       coalesce(t.merchant_risk_score >= 0.7, false)                as is_high_merchant_risk_score,
       -- fixed width, can be null
       t.velocity_24h,
       t.distance_from_home_km,
       dm.merchant_key,                                             -- null without merchant
       -- the text and numeric columns the analytics read, most-read first
       t.merchant_category,
       t.decline_reason,
       case when t.hour_of_day < 6 then 'Night' when t.hour_of_day < 12 then 'Morning'
            when t.hour_of_day < 18 then 'Afternoon' else 'Evening' end as time_of_day,
       t.amount_deviation_score,
       t.merchant_risk_score,
       -- the same facts as text and numeric (views, checks, SQL users)
       t.customer_id,
       t.channel,
       t.transaction_type,
       case when not t.is_declined and t.transaction_type = 'Purchase' then t.amount_abs else 0 end as purchase_amount,
       case when not t.is_declined and t.amount < 0 then -t.amount else 0 end as debit_amount,
       t.amount_abs                                                 as transaction_amount_abs,
       case when not t.is_declined and t.transaction_type = 'Fee' then t.amount_abs else 0 end      as fee_amount,
       case when t.is_declined then 0 else t.amount_abs end         as approved_amount_abs,
       case when t.is_fraud then t.amount_abs else 0 end            as fraud_amount_abs,
       case when t.is_declined then t.amount_abs else 0 end         as declined_amount_abs,
       a.product_id,
       t.merchant_id,
       -- keys and flags the analytics do not read (views and checks do)
       -- the number in transaction_id, as silver.id_number gives it (staging guarantees the form T<digits>;
       -- id_number is null beyond 15 digits), without a regular expression per row
       case when length(t.transaction_id) <= 16 then substr(t.transaction_id, 2)::bigint end as transaction_key,
       t.day_of_week,
       t.is_recurring,
       t.amount_abs >= 1000                                         as is_high_value,
       coalesce(t.fraud_score >= 0.8, false)                        as is_high_fraud_score,
       t.amount > 0                                                 as is_credit,
       t.channel in ('POS', 'ATM', 'Branch')                        as is_card_present,
       dd.is_holiday,
       -- the rest
       t.transaction_id,
       t.account_id,
       t.transaction_ts,
       t.currency,
       t.mcc_code,
       t.location_city,
       t.location_state,
       t.location_country,
       1                                                            as transaction_count,
       t.amount                                                     as transaction_amount,
       case when t.is_declined then 0 else t.amount end             as net_amount,
       case when not t.is_declined and t.amount > 0 then t.amount else 0 end  as credit_amount,
       case when not t.is_declined and t.transaction_type = 'ATM' then t.amount_abs else 0 end      as cash_withdrawal_amount,
       case when not t.is_declined and t.transaction_type = 'Deposit' then t.amount_abs else 0 end  as deposit_amount,
       case when not t.is_declined and t.transaction_type = 'Refund' then t.amount_abs else 0 end   as refund_amount,
       case when not t.is_declined and t.transaction_type = 'Transfer' then t.amount_abs else 0 end as transfer_amount,
       case when not t.is_declined and t.transaction_type = 'Payment' then t.amount_abs else 0 end  as payment_amount,
       t.fraud_score,
       t.processing_time_ms,
       round(t.amount_abs / nullif(dm.avg_transaction_amount, 0), 4) as amount_to_merchant_avg_ratio,
       round(t.amount_abs / nullif(dc.annual_income / 12, 0), 6)    as amount_to_monthly_income_ratio,
       t.transaction_date - a.open_date                             as days_since_account_open,
       t.transaction_date - dc.signup_date                          as customer_tenure_days,
       dc.credit_score                                              as credit_score_at_transaction,
       t._loaded_at
from (select s.* from silver.stg_transactions s
      where true {{incremental and s._loaded_at > (select w.newest from watermark w)
      union all
      select s.* from silver.stg_transactions s
      where (select w.search from watermark w)
        and not coalesce(s._loaded_at > (select w.newest from watermark w), false)
        and not exists (select 1 from {this} x where x.transaction_id = s.transaction_id)
      union all
      -- the stored rows of a customer whose row, or a change of whom, was loaded after the newest load: their
      -- dim_customer version (and its attributes) may differ now; from the change's date on (a range of the index on
      -- (customer_key, transaction_date): a customer's versions have the keys number * 100000 + 0..99999)
      select s.*
      from (select c.customer_id, min(c.from_date) as from_date
            from (select c.customer_id, '-infinity'::date as from_date from silver.stg_customers c
                  where c._loaded_at > (select w.newest from watermark w)
                  union all
                  select ch.customer_id, ch.change_date from silver.stg_customer_changes ch
                  where ch._loaded_at > (select w.newest from watermark w)) c
            group by c.customer_id) c
      cross join lateral (select x.transaction_id from {this} x
                          where x.customer_key >= silver.id_number(c.customer_id) * 100000
                            and x.customer_key < (silver.id_number(c.customer_id) + 1) * 100000
                            and x.transaction_date >= c.from_date offset 0) x
      join silver.stg_transactions s on s.transaction_id = x.transaction_id
      where not coalesce(s._loaded_at > (select w.newest from watermark w), false)}}) t
join silver.stg_accounts a on a.account_id = t.account_id
join gold.dim_customer dc on dc.customer_id = t.customer_id
                         and t.transaction_date >= dc.valid_from and t.transaction_date < dc.valid_to
left join gold.dim_merchant dm on dm.merchant_id = t.merchant_id
left join gold.dim_product dp on dp.product_id = a.product_id
left join gold.dim_date dd on dd.full_date = t.transaction_date
