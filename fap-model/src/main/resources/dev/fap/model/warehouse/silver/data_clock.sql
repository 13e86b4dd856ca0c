-- The data's own "now": the end of the contiguous run of transaction activity, never the wall clock,
-- so that rebuilding the same data gives the same gold. One row; null dates when there are no
-- transactions.
--
-- A transaction dated after the day it was loaded cannot be true and is ignored. Of the remaining
-- days with activity, the clock stops before the first silence of more than 31 days that comes after
-- the median active day: a stray far-future date (a typo like 2032) then does not move "now".
with per_day as (
    -- per calendar day its latest time and whether any of its rows was loaded on or after that day
    -- (silver.data_clock_days: one pass over the transactions in a full build, the new batches in an incremental one)
    select d, last_ts, plausible from silver.data_clock_days
), days as (
    select d, last_ts from per_day where plausible
), gaps as (
    select d, d - lag(d) over (order by d) as gap_days from days
), median_day as (
    select percentile_disc(0.5) within group (order by d) as d from days
), cut as (
    select min(g.d) as first_after_gap
    from gaps g, median_day m
    where g.gap_days > 31 and g.d > m.d
)
select max(days.d)                                                   as as_of_date,
       -- the latest time of that day over all its rows (also one loaded before its date)
       (select p.last_ts from per_day p where p.d = max(days.d))       as as_of_ts,
       min(days.d)                                                     as data_start_date,
       count(*)::int                                                   as active_days
from days, cut
where cut.first_after_gap is null or days.d < cut.first_after_gap
