-- What should we do: one row per current customer with a next best product, a retention action and a
-- campaign channel, derived from the predictive scores and the measured campaign effects:
--   * value_at_risk = churn_risk_score * customer_lifetime_value (scores from predictive_analytics:
--     fitted where available, else the bank's estimates; see churn_risk_score_source);
--   * next_best_product = the product most widely held in the customer's segment that the customer
--     does not hold yet (with that adoption rate);
--   * recommended_campaign_type = the campaign type with the largest measured conversion uplift
--     (causal_analytics, treatment vs control) among campaigns aimed at the customer's segment;
--   * retention_action = a policy on churn risk and value quartile, and priority_rank orders customers
--     by value at risk; value_quartile = quartile of customer_lifetime_value (ties in customer_id order).
--
-- gold.predictive_analytics is read twice, not through one shared CTE: each reading is planned for the
-- columns it uses (a shared CTE would be materialised with all 90+ features), so that the next best
-- product needs only each customer's segment, and a query of a few columns here (e.g. the checks'
-- customer_id and retention_action) computes no transaction or balance features at all.
with holdings as (
    select distinct a.customer_id, a.product_id from silver.stg_accounts a
), segment_adoption as (
    select c.customer_segment, h.product_id,
           count(distinct h.customer_id)::numeric / max(s.segment_customers) as adoption_rate
    from holdings h
    join gold.dim_customer c on c.customer_id = h.customer_id and c.is_current
    join (select customer_segment, count(*) as segment_customers from gold.dim_customer where is_current group by 1) s
      on s.customer_segment is not distinct from c.customer_segment
    group by c.customer_segment, h.product_id
), next_product as (
    select distinct on (pa.customer_id) pa.customer_id, sa.product_id, sa.adoption_rate
    from gold.predictive_analytics pa
    join segment_adoption sa on sa.customer_segment is not distinct from pa.customer_segment
    where not exists (select 1 from holdings h where h.customer_id = pa.customer_id and h.product_id = sa.product_id)
    order by pa.customer_id, sa.adoption_rate desc, sa.product_id
), channel_effect as (
    select target_segment, campaign_type, avg(conversion_uplift) as mean_uplift, count(*) as campaigns
    from gold.causal_analytics
    where conversion_uplift is not null
    group by target_segment, campaign_type
), best_channel as (
    select distinct on (target_segment) target_segment, campaign_type, mean_uplift
    from channel_effect
    order by target_segment, mean_uplift desc, campaign_type
), scored as (
    select pa.*,
           pa.churn_risk_score * pa.customer_lifetime_value                       as value_at_risk,
           ntile(4) over (order by pa.customer_lifetime_value, pa.customer_id)    as value_quartile
    from gold.predictive_analytics pa
)
select s.customer_id,
       s.customer_key,
       s.feature_date,
       s.customer_segment,
       s.loyalty_tier,
       s.is_churned,
       s.churn_risk_score,
       s.churn_risk_score_source,
       s.customer_lifetime_value,
       s.customer_lifetime_value_source,
       s.value_quartile,
       round(s.value_at_risk::numeric, 2)                                          as value_at_risk,
       case when s.is_churned then 'Win-Back'
            when s.churn_risk_score >= 0.7 and s.value_quartile = 4 then 'Personal Retention Call'
            when s.churn_risk_score >= 0.7 then 'Retention Offer'
            when s.churn_risk_score >= 0.4 then 'Engagement Campaign'
            when np.product_id is not null and s.value_quartile >= 3 then 'Cross-Sell'
            else 'No Action' end                                                     as retention_action,
       np.product_id                                                               as next_best_product_id,
       dp.product_name                                                             as next_best_product,
       round(np.adoption_rate, 4)                                                  as next_best_product_segment_adoption,
       bc.campaign_type                                                            as recommended_campaign_type,
       round(bc.mean_uplift, 6)                                                    as recommended_campaign_uplift,
       s.marketing_opt_in                                                          as can_contact,
       s.num_products,
       s.total_balance,
       s.days_since_last_transaction,
       s.complaints_90d,
       rank() over (order by case when s.is_churned then 1 else 0 end, s.value_at_risk desc nulls last, s.customer_id) as priority_rank
from scored s
left join next_product np on np.customer_id = s.customer_id
left join gold.dim_product dp on dp.product_id = np.product_id
left join best_channel bc on bc.target_segment is not distinct from s.customer_segment
