-- The state behind the data clock (silver.data_clock): one row per calendar day with transactions in bronze, with
-- that day's latest time, whether any of its rows was loaded on or after the day, and the greatest load batch that
-- delivered one of its rows. Bronze is append-only, so both are monotone: an incremental run aggregates the new
-- batches only (the batch index of bronze.transactions makes that a few pages) and folds them into the days held.
with fresh as (
    select transaction_date::date                               as d,
           max(transaction_date)                                as last_ts,
           bool_or(transaction_date::date <= _loaded_at::date)  as plausible,
           max(_batch_id)                                       as _batch_id
    from bronze.transactions
    where transaction_date is not null {{incremental and _batch_id > {max_batch_id}}}
    group by 1
)
select f.d,
       greatest(f.last_ts {{incremental , o.last_ts}})                     as last_ts,
       f.plausible {{incremental or coalesce(o.plausible, false)}}         as plausible,
       greatest(f._batch_id {{incremental , o._batch_id}})                 as _batch_id
from fresh f {{incremental left join {this} o on o.d = f.d}}
