-- The calendar, one row per day from 2020-01-01 to 2030-12-31 (widened to cover every date in the
-- data), with ISO weeks and US federal holidays (observed dates are not shifted). Incremental runs
-- compute only the days not in the table yet; a full refresh recomputes every day.
--
-- Cost: each day's parts (year, month, day, ISO week, ...) are taken once with date_part on a
-- timestamp without time zone; every other column is integer or date arithmetic on them, and the
-- names come from arrays (to_char's English names), so no row pays for time-zone conversions,
-- numeric results or formatting.
with bounds as (
    select least(date '2020-01-01', (select data_start_date from silver.data_clock)) as first_day,
           greatest(date '2030-12-31', (select as_of_date from silver.data_clock))     as last_day
), days as (
    select b.first_day + i as d
    from bounds b, generate_series(0, b.last_day - b.first_day) i
    -- incremental runs add the days the table does not hold yet (a day's attributes never change)
    {{incremental where not exists (select 1 from {this} t where t.full_date = b.first_day + i)}}
), parts as (
    select d,
           date_part('year', d::timestamp)::int    as y,
           date_part('month', d::timestamp)::int   as m,
           date_part('day', d::timestamp)::int     as dom,
           date_part('doy', d::timestamp)::int     as doy,
           date_part('isodow', d::timestamp)::int  as dow,
           date_part('week', d::timestamp)::int    as wk,
           date_part('isoyear', d::timestamp)::int as iy
    from days
), cal as (
    select p.*,
           (p.m + 2) / 3                                                               as q,
           case when p.m = 12 then make_date(p.y, 12, 31) else make_date(p.y, p.m + 1, 1) - 1 end as me,
           case when p.m >= 10 then make_date(p.y, 12, 31) else make_date(p.y, (p.m + 2) / 3 * 3 + 1, 1) - 1 end as qe,
           case
               when p.m = 1 and p.dom = 1 then 'New Year''s Day'
               when p.m = 1 and p.dow = 1 and p.dom between 15 and 21 then 'Martin Luther King Jr. Day'
               when p.m = 2 and p.dow = 1 and p.dom between 15 and 21 then 'Presidents'' Day'
               when p.m = 5 and p.dow = 1 and p.dom >= 25 then 'Memorial Day'
               when p.m = 6 and p.dom = 19 and p.y >= 2021 then 'Juneteenth'
               when p.m = 7 and p.dom = 4 then 'Independence Day'
               when p.m = 9 and p.dow = 1 and p.dom <= 7 then 'Labor Day'
               when p.m = 10 and p.dow = 1 and p.dom between 8 and 14 then 'Columbus Day'
               when p.m = 11 and p.dom = 11 then 'Veterans Day'
               when p.m = 11 and p.dow = 4 and p.dom between 22 and 28 then 'Thanksgiving Day'
               when p.m = 12 and p.dom = 25 then 'Christmas Day'
           end                                                                         as holiday_name
    from parts p
)
select c.y * 10000 + c.m * 100 + c.dom                                   as date_key,
       c.d                                                               as full_date,
       c.y                                                               as year,
       c.q                                                               as quarter,
       c.m                                                               as month,
       ('{January,February,March,April,May,June,July,August,September,October,November,December}'::text[])[c.m] as month_name,
       ('{Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec}'::text[])[c.m] as month_short,
       c.dom                                                             as day_of_month,
       c.doy                                                             as day_of_year,
       c.dow                                                             as day_of_week,
       ('{Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday}'::text[])[c.dow] as day_name,
       ('{Mon,Tue,Wed,Thu,Fri,Sat,Sun}'::text[])[c.dow]                  as day_short,
       c.wk                                                              as iso_week,
       c.iy                                                              as iso_year,
       lpad(c.iy::text, 4, '0') || '-W' || lpad(c.wk::text, 2, '0')      as iso_year_week,
       lpad(c.y::text, 4, '0') || '-' || lpad(c.m::text, 2, '0')         as year_month,
       lpad(c.y::text, 4, '0') || '-Q' || c.q                            as year_quarter,
       case when c.m <= 6 then 1 else 2 end                              as half_year,
       c.dow >= 6                                                        as is_weekend,
       c.dow < 6                                                         as is_weekday,
       c.holiday_name is not null                                        as is_holiday,
       c.holiday_name,
       c.dow < 6 and c.holiday_name is null                              as is_business_day,
       c.d - (c.dow - 1)                                                 as week_start_date,
       c.d - (c.dom - 1)                                                 as month_start_date,
       c.me                                                              as month_end_date,
       make_date(c.y, c.q * 3 - 2, 1)                                    as quarter_start_date,
       c.qe                                                              as quarter_end_date,
       c.dom = 1                                                         as is_month_start,
       c.d = c.me                                                        as is_month_end,
       c.dom = 1 and c.m in (1, 4, 7, 10)                                as is_quarter_start,
       c.d = c.qe                                                        as is_quarter_end,
       c.doy = 1                                                         as is_year_start,
       c.m = 12 and c.dom = 31                                           as is_year_end,
       c.me - (c.d - c.dom)                                              as days_in_month,
       (c.y % 4 = 0 and c.y % 100 <> 0) or c.y % 400 = 0                 as is_leap_year,
       -- US federal fiscal year: October to September, named after the year it ends in
       case when c.m >= 10 then c.y + 1 else c.y end                     as fiscal_year,
       case when c.m >= 10 then 1 else c.q + 1 end                       as fiscal_quarter
from cal c
