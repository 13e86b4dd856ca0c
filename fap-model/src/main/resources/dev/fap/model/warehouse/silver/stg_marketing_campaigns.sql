-- Marketing campaigns with their funnel and derived rates.
select silver.clean_id(b.campaign_id)                as campaign_id,
       silver.clean_text(b.campaign_name)            as campaign_name,
       silver.clean_code(b.campaign_type)            as campaign_type,
       b.start_date,
       b.end_date,
       silver.clean_code(b.target_segment)           as target_segment,
       b.budget,
       b.impressions,
       b.clicks,
       b.conversions,
       b.cost_per_acquisition,
       b.roi,
       silver.clean_id(b.product_promoted)           as product_promoted,
       b.end_date - b.start_date + 1                 as duration_days,
       round(b.clicks::numeric / nullif(b.impressions, 0), 6)   as click_through_rate,
       round(b.conversions::numeric / nullif(b.clicks, 0), 6)   as conversion_rate,
       b                                                as _raw,
       b._batch_id,
       b._loaded_at
from bronze.marketing_campaigns b
-- incremental runs read only the load batches this model has not seen (see Model, staging models)
where true {{incremental and b._batch_id > {max_batch_id}}}
