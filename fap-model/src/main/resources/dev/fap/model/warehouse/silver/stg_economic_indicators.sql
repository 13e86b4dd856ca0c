-- Monthly macroeconomic series, one row per month (dated on its first day).
select date_trunc('month', b.date)::date              as indicator_date,
       b.gdp_growth_rate,
       b.unemployment_rate,
       b.inflation_rate,
       b.federal_funds_rate,
       b.sp500_index,
       b.vix_index,
       b.consumer_confidence_index,
       b.housing_price_index,
       b.treasury_yield_10yr,
       b.mortgage_rate_30yr,
       b.date <> date_trunc('month', b.date)::date    as was_mid_month,
       to_json(b)                                        as _raw,
       b._batch_id,
       b._loaded_at
from bronze.economic_indicators b
-- fence: computed once per row, not again in the engine's rules and sort key (see stg_transactions.sql)
offset 0
