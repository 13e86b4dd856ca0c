package dev.fap.model.warehouse;

import dev.fap.model.Check;
import dev.fap.model.Layer;
import dev.fap.model.Model;
import dev.fap.model.Severity;
import dev.fap.model.Sql;
import java.util.List;

/**
 * The eight analytics views of gold (names from the original platform), plain PostgreSQL views that
 * BI tools and psql can read. Each computes "now" from {@code silver.data_clock}, never the wall clock.
 */
final class AnalyticsViews {
    private AnalyticsViews() {}

    static List<Model> all() {
        return List.of(descriptive(), diagnostic(), exploratory(), inferential(), predictive(), prescriptive(), causal(), realtime());
    }

    private static Model view(String name, String description) {
        return Model.view(name, Layer.GOLD)
                .sql(Sql.resource("gold/analytics/" + name + ".sql"))
                .description(description)
                .tags("analytics");
    }

    static Model descriptive() {
        return view("descriptive_analytics", "What happened: one row per month with volume, customers, fraud, declines, channel mix and growth.")
                .column("year_month", "YYYY-MM")
                .column("is_complete_month", "false for the month containing the data's last day")
                .check(Check.unique("year_month"))
                .check(Check.expression("volume_matches_fact", "(select sum(transactions) from gold.descriptive_analytics)"
                        + " = (select count(*) from gold.fact_transactions)"));
    }

    static Model diagnostic() {
        return view("diagnostic_analytics", "Why it happened: fraud and decline rates by slice of the transactions, churn by slice of the"
                + " customers, each with its lift over the overall rate.")
                .column("analysis", "transactions (fraud and declines) or churn")
                .column("dimension", "the attribute sliced on, e.g. channel, hour_of_day, tenure_band")
                .column("fraud_lift", "fraud rate of the segment / overall fraud rate")
                .check(Check.unique("analysis", "dimension", "segment"))
                .check(Check.range("fraud_rate", 0, 1))
                .check(Check.range("churn_rate", 0, 1));
    }

    static Model exploratory() {
        return view("exploratory_analytics", "What patterns exist: a behaviour profile per current customer over the last 365 days"
                + " (spend per merchant category, channel mix, timing, balance) with z-scores and outlier flags.")
                .check(Check.unique("customer_id"));
    }

    static Model inferential() {
        return view("inferential_analytics", "Can we generalise: monthly retention cohorts (cohort = month of first transaction) with"
                + " proportions, standard errors and spend moments for confidence intervals and tests.")
                .column("retention_std_error", "sqrt(p (1 - p) / n) of the retention proportion")
                .check(Check.unique("cohort", "period_number"))
                .check(Check.range("retention_rate", 0, 1));
    }

    static Model predictive() {
        return view("predictive_analytics", "What will happen: the feature store, one row per customer with 90+ features as of the"
                + " data's last day; churn_risk_score and customer_lifetime_value are fitted scores (gold.customer_scores) where they"
                + " exist, else the bank's own estimates (see the *_source columns).")
                .column("churn_risk_score", "latest fitted churn score (gold.customer_scores, model churn), else bank_churn_risk_score")
                .column("churn_risk_score_source", "fitted or bank")
                .column("customer_lifetime_value", "latest fitted CLV (gold.customer_scores, model clv), else bank_customer_lifetime_value")
                .column("customer_lifetime_value_source", "fitted or bank")
                .column("total_transactions_90d", "transactions in the 90 days up to the data's last day")
                .column("is_churned", "label: the customer is no longer active")
                .column("churned_on", "label: first day of the first inactive version of the customer")
                .check(Check.unique("customer_id"))
                .check(Check.notNull("customer_id", "customer_key", "feature_date"))
                .check(Check.range("churn_risk_score", 0, 1))
                // counted on the checks' one copy of the view (an expression naming the view evaluated it once more)
                .check(Check.rowCount("select count(*) from gold.dim_customer where is_current").name("one_row_per_customer"))
                .check(Check.expression("has_scores", "churn_risk_score is not null and customer_lifetime_value is not null")
                        .severity(Severity.WARN));
    }

    static Model prescriptive() {
        return view("prescriptive_analytics", "What should we do: per customer a retention action, the next best product (most adopted"
                + " in the segment, not yet held) and the campaign type with the largest measured uplift for the segment.")
                .column("value_quartile", "quartile of customer_lifetime_value, 4 = highest (equal values in customer_id order)")
                .column("value_at_risk", "churn_risk_score * customer_lifetime_value")
                .column("priority_rank", "1 = act first (largest value at risk among active customers)")
                .check(Check.unique("customer_id"))
                .check(Check.acceptedValues("retention_action", "Win-Back", "Personal Retention Call", "Retention Offer",
                        "Engagement Campaign", "Cross-Sell", "No Action"));
    }

    static Model causal() {
        return view("causal_analytics", "What causes what: per campaign, randomised treatment vs hold-out control conversion uplift with"
                + " its standard error, incremental conversions and cost, and a difference-in-differences of spend.")
                .column("conversion_uplift", "treatment conversion rate - control conversion rate (the causal effect)")
                .column("conversion_uplift_std_error", "sqrt(p_t (1 - p_t) / n_t + p_c (1 - p_c) / n_c)")
                .column("spend_diff_in_diff", "(treatment post - pre) - (control post - pre) mean 30-day spend")
                .check(Check.unique("campaign_id"))
                .check(Check.range("treatment_conversion_rate", 0, 1))
                .check(Check.range("control_conversion_rate", 0, 1));
    }

    static Model realtime() {
        return view("realtime_analytics", "What is happening now: one row per hour over the 48 hours up to the data's last event, with"
                + " counts, fraud, declines, latency percentiles, alerts and a 28-day same-hour baseline.")
                .column("data_now", "the data's latest event (silver.data_clock), the view's \"now\"")
                .check(Check.unique("hour_start"))
                .check(Check.rowCount("select case when as_of_ts is null then 0 else 48 end from silver.data_clock").name("forty_eight_hours"));
    }
}
