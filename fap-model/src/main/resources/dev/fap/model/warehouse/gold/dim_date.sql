-- The calendar, one row per day from 2020-01-01 to 2030-12-31 (widened to cover every date in the
-- data), with ISO weeks and US federal holidays (observed dates are not shifted).
with bounds as (
    select least(date '2020-01-01', (select data_start_date from silver.data_clock)) as first_day,
           greatest(date '2030-12-31', (select as_of_date from silver.data_clock))     as last_day
), days as (
    select d::date as d
    from bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') d
), holidays as (
    select d,
           case
               when extract(month from d) = 1 and extract(day from d) = 1 then 'New Year''s Day'
               when extract(month from d) = 1 and extract(isodow from d) = 1 and extract(day from d) between 15 and 21 then 'Martin Luther King Jr. Day'
               when extract(month from d) = 2 and extract(isodow from d) = 1 and extract(day from d) between 15 and 21 then 'Presidents'' Day'
               when extract(month from d) = 5 and extract(isodow from d) = 1 and extract(day from d) >= 25 then 'Memorial Day'
               when extract(month from d) = 6 and extract(day from d) = 19 and extract(year from d) >= 2021 then 'Juneteenth'
               when extract(month from d) = 7 and extract(day from d) = 4 then 'Independence Day'
               when extract(month from d) = 9 and extract(isodow from d) = 1 and extract(day from d) <= 7 then 'Labor Day'
               when extract(month from d) = 10 and extract(isodow from d) = 1 and extract(day from d) between 8 and 14 then 'Columbus Day'
               when extract(month from d) = 11 and extract(day from d) = 11 then 'Veterans Day'
               when extract(month from d) = 11 and extract(isodow from d) = 4 and extract(day from d) between 22 and 28 then 'Thanksgiving Day'
               when extract(month from d) = 12 and extract(day from d) = 25 then 'Christmas Day'
           end as holiday_name
    from days
)
select (extract(year from d) * 10000 + extract(month from d) * 100 + extract(day from d))::int as date_key,
       d                                                          as full_date,
       extract(year from d)::int                                  as year,
       extract(quarter from d)::int                               as quarter,
       extract(month from d)::int                                 as month,
       to_char(d, 'FMMonth')                                      as month_name,
       to_char(d, 'Mon')                                          as month_short,
       extract(day from d)::int                                   as day_of_month,
       extract(doy from d)::int                                   as day_of_year,
       extract(isodow from d)::int                                as day_of_week,
       to_char(d, 'FMDay')                                        as day_name,
       to_char(d, 'Dy')                                           as day_short,
       extract(week from d)::int                                  as iso_week,
       extract(isoyear from d)::int                               as iso_year,
       to_char(d, 'IYYY-"W"IW')                                   as iso_year_week,
       to_char(d, 'YYYY-MM')                                      as year_month,
       to_char(d, 'YYYY') || '-Q' || extract(quarter from d)      as year_quarter,
       case when extract(month from d) <= 6 then 1 else 2 end     as half_year,
       extract(isodow from d) >= 6                                as is_weekend,
       extract(isodow from d) < 6                                 as is_weekday,
       holiday_name is not null                                   as is_holiday,
       holiday_name,
       extract(isodow from d) < 6 and holiday_name is null        as is_business_day,
       date_trunc('week', d)::date                                as week_start_date,
       date_trunc('month', d)::date                               as month_start_date,
       (date_trunc('month', d) + interval '1 month - 1 day')::date as month_end_date,
       date_trunc('quarter', d)::date                             as quarter_start_date,
       (date_trunc('quarter', d) + interval '3 months - 1 day')::date as quarter_end_date,
       d = date_trunc('month', d)::date                           as is_month_start,
       d = (date_trunc('month', d) + interval '1 month - 1 day')::date as is_month_end,
       d = date_trunc('quarter', d)::date                         as is_quarter_start,
       d = (date_trunc('quarter', d) + interval '3 months - 1 day')::date as is_quarter_end,
       extract(doy from d) = 1                                    as is_year_start,
       extract(month from d) = 12 and extract(day from d) = 31    as is_year_end,
       extract(day from (date_trunc('month', d) + interval '1 month - 1 day'))::int as days_in_month,
       (extract(year from d)::int % 4 = 0 and extract(year from d)::int % 100 <> 0)
           or extract(year from d)::int % 400 = 0                 as is_leap_year,
       -- US federal fiscal year: October to September, named after the year it ends in
       extract(year from d + interval '3 months')::int            as fiscal_year,
       extract(quarter from d + interval '3 months')::int         as fiscal_quarter
from holidays
