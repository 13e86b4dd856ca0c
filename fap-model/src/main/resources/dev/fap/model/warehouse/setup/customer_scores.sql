-- gold.customer_scores: scores of fitted models per customer, written by fap-analytics (never by the
-- warehouse build, which only creates the table once and keeps its rows across rebuilds).
create table if not exists gold.customer_scores (
    customer_id   text             not null,
    model_name    text             not null,
    model_version text,
    score         double precision not null,
    scored_at     timestamptz      not null default now(),
    as_of_date    date,
    details       jsonb,
    primary key (model_name, customer_id, scored_at)
);

comment on table gold.customer_scores is
    'Scores of fitted models per customer (e.g. model_name churn or clv), written by fap-analytics; kept across warehouse rebuilds.';

-- The latest score of a fitted model for a customer, or null if there is none.
create or replace function gold.latest_score(p_customer_id text, p_model_name text) returns double precision
language sql stable parallel safe
return (select s.score from gold.customer_scores s
        where s.model_name = p_model_name and s.customer_id = p_customer_id
        order by s.scored_at desc limit 1);
