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
       b                                                 as _raw,
       b._batch_id,
       b._loaded_at
from bronze.economic_indicators b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
