-- Merchants with geography (US census region) and risk, keyed by the number in their id.
select silver.id_number(m.merchant_id)                            as merchant_key,
       m.merchant_id,
       m.merchant_name,
       m.category,
       m.mcc_code,
       m.city,
       m.state,
       m.country,
       case when m.country <> 'US' then 'International'
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
