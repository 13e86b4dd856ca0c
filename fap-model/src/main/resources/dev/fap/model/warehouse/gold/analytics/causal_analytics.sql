-- What causes what: one row per marketing campaign comparing its randomised treatment group with its
-- hold-out control group (silver.stg_campaign_contacts). The conversion uplift (treatment rate minus
-- control rate) is the campaign's causal effect, with its standard error
-- sqrt(p_t (1 - p_t) / n_t + p_c (1 - p_c) / n_c); spend in the 30 days before and after the contact
-- date gives a difference-in-differences estimate of the effect on spending.
with contacts as (
    select * from silver.stg_campaign_contacts
), windows as (
    select c.campaign_id, c.customer_id, c.assignment, c.converted, c.opened, c.clicked,
           coalesce(sum(f.debit_amount) filter (where f.transaction_date >= c.contact_date - 30 and f.transaction_date < c.contact_date), 0) as spend_pre_30d,
           coalesce(sum(f.debit_amount) filter (where f.transaction_date >= c.contact_date and f.transaction_date < c.contact_date + 30), 0) as spend_post_30d
    from contacts c
    left join gold.fact_transactions f on f.customer_id = c.customer_id
                                      and f.transaction_date >= c.contact_date - 30 and f.transaction_date < c.contact_date + 30
    group by c.campaign_id, c.customer_id, c.contact_id, c.assignment, c.converted, c.opened, c.clicked
), groups as (
    select campaign_id,
           count(*) filter (where assignment = 'Treatment')                                   as treatment_customers,
           count(*) filter (where assignment = 'Control')                                     as control_customers,
           count(*) filter (where assignment = 'Treatment' and opened)                        as treatment_opens,
           count(*) filter (where assignment = 'Treatment' and clicked)                       as treatment_clicks,
           count(*) filter (where assignment = 'Treatment' and converted)                     as treatment_conversions,
           count(*) filter (where assignment = 'Control' and converted)                       as control_conversions,
           avg(spend_pre_30d) filter (where assignment = 'Treatment')                         as treatment_spend_pre_30d,
           avg(spend_post_30d) filter (where assignment = 'Treatment')                        as treatment_spend_post_30d,
           avg(spend_pre_30d) filter (where assignment = 'Control')                           as control_spend_pre_30d,
           avg(spend_post_30d) filter (where assignment = 'Control')                          as control_spend_post_30d
    from windows
    group by campaign_id
), rates as (
    select g.*,
           g.treatment_conversions::numeric / nullif(g.treatment_customers, 0)               as p_t,
           g.control_conversions::numeric / nullif(g.control_customers, 0)                   as p_c
    from groups g
)
select k.campaign_id,
       k.campaign_name,
       k.campaign_type,
       k.target_segment,
       k.product_promoted,
       p.product_name                                                                         as product_promoted_name,
       k.start_date,
       k.end_date,
       k.duration_days,
       k.budget,
       k.impressions,
       k.clicks,
       k.conversions                                                                          as reported_conversions,
       k.click_through_rate,
       k.conversion_rate                                                                      as reported_conversion_rate,
       k.roi                                                                                  as reported_roi,
       coalesce(r.treatment_customers, 0)                                                     as treatment_customers,
       coalesce(r.control_customers, 0)                                                       as control_customers,
       coalesce(r.treatment_opens, 0)                                                         as treatment_opens,
       coalesce(r.treatment_clicks, 0)                                                        as treatment_clicks,
       coalesce(r.treatment_conversions, 0)                                                   as treatment_conversions,
       coalesce(r.control_conversions, 0)                                                     as control_conversions,
       round(r.p_t, 6)                                                                        as treatment_conversion_rate,
       round(r.p_c, 6)                                                                        as control_conversion_rate,
       round(r.p_t - r.p_c, 6)                                                                as conversion_uplift,
       round(sqrt(r.p_t * (1 - r.p_t) / nullif(r.treatment_customers, 0)
                  + r.p_c * (1 - r.p_c) / nullif(r.control_customers, 0)), 6)                 as conversion_uplift_std_error,
       round((r.p_t - r.p_c) / nullif(r.p_c, 0), 4)                                           as relative_uplift,
       round((r.p_t - r.p_c) * r.treatment_customers, 2)                                      as incremental_conversions,
       round(k.budget / nullif((r.p_t - r.p_c) * r.treatment_customers, 0), 2)               as cost_per_incremental_conversion,
       round(r.treatment_spend_pre_30d, 2)                                                    as treatment_spend_pre_30d,
       round(r.treatment_spend_post_30d, 2)                                                   as treatment_spend_post_30d,
       round(r.control_spend_pre_30d, 2)                                                      as control_spend_pre_30d,
       round(r.control_spend_post_30d, 2)                                                     as control_spend_post_30d,
       round((r.treatment_spend_post_30d - r.treatment_spend_pre_30d)
             - (r.control_spend_post_30d - r.control_spend_pre_30d), 2)                       as spend_diff_in_diff
from silver.stg_marketing_campaigns k
left join rates r on r.campaign_id = k.campaign_id
left join gold.dim_product p on p.product_id = k.product_promoted
