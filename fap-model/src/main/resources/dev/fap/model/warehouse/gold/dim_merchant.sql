-- Merchants with geography and risk, keyed by the number in their id. The region of a merchant in the
-- dataset's home country (the most frequent country of the customers; US when there are none) is its
-- US census region for a US home, its state (region) code for any other; a merchant abroad is 'International'.
with home as (
    select coalesce((select country from silver.stg_customers where country is not null
                     group by country order by count(*) desc, country limit 1), 'US') as country
)
select silver.id_number(m.merchant_id)                            as merchant_key,
       m.merchant_id,
       m.merchant_name,
       m.category,
       m.mcc_code,
       m.city,
       m.state,
       m.country,
       case when m.country <> home.country then 'International'
            when home.country <> 'US' then coalesce(m.state, 'Unknown')
            when m.state in ('CT','ME','MA','NH','RI','VT','NJ','NY','PA') then 'Northeast'
            when m.state in ('IL','IN','MI','OH','WI','IA','KS','MN','MO','NE','ND','SD') then 'Midwest'
            when m.state in ('DE','DC','FL','GA','MD','NC','SC','VA','WV','AL','KY','MS','TN','AR','LA','OK','TX') then 'South'
            when m.state in ('AZ','CO','ID','MT','NV','NM','UT','WY','AK','CA','HI','OR','WA') then 'West'
            else 'Unknown' end                                    as region,
       m.latitude,
       m.longitude,
       m.risk_rating,
       case m.risk_rating when 'Low' then 1 when 'Medium' then 2 when 'High' then 3 end as risk_rank,
       m.risk_rating = 'High'                                     as is_high_risk,
       m.avg_transaction_amount,
       m.is_online,
       case when m.is_online then 'Online' else 'In-Store' end   as sales_channel,
       m.established_date,
       extract(year from age((select as_of_date from silver.data_clock), m.established_date))::int as years_in_business
from silver.stg_merchants m
cross join home
