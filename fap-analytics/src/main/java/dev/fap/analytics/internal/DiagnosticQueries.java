package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;
import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.Breakdown;
import dev.fap.analytics.DiagnosticAnalysis;
import dev.fap.analytics.FactorTest;
import dev.fap.analytics.GroupMean;
import dev.fap.analytics.stats.TTests;
import dev.fap.analytics.stats.WelchTTestResult;
import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Record;

/** Diagnostic analytics: rates by factor in SQL, chi-square tests and Welch t-tests in Java. */
public final class DiagnosticQueries {
    private DiagnosticQueries() {
    }

    /** Fraud counts by every factor in one scan of the fact table (GROUPING SETS). */
    static final String FRAUD_BY_FACTOR = """
            select case when grouping(channel) = 0 then 'channel' when grouping(hour) = 0 then 'hour_of_day'
                        when grouping(time_of_day) = 0 then 'time_of_day' when grouping(category) = 0 then 'merchant_category'
                        when grouping(international) = 0 then 'is_international' else 'high_risk_merchant' end as factor,
                   coalesce(channel, hour, time_of_day, category, international, high_risk) as level,
                   count(*) as n, count(*) filter (where is_fraud) as events
            from (select coalesce(channel, '(none)') as channel, lpad(hour_of_day::text, 2, '0') as hour, time_of_day,
                         merchant_category as category, is_international::text as international,
                         case when has_merchant then is_high_risk_merchant::text end as high_risk, is_fraud
                  from gold.fact_transactions) t
            group by grouping sets ((channel), (hour), (time_of_day), (category), (international), (high_risk))
            order by 1, 2""";

    public static DiagnosticAnalysis run(Context ctx) {
        List<Record> byFactor = ctx.sql().fetch(FRAUD_BY_FACTOR);
        List<Supplier<FactorTest>> fraud = new ArrayList<>();
        for (String factor : List.of("channel", "hour_of_day", "time_of_day", "merchant_category", "is_international",
                "high_risk_merchant")) {
            List<Record> rows = byFactor.stream().filter(r -> factor.equals(r.get("factor")) && r.get("level") != null).toList();
            fraud.add(() -> FactorTests.test(ctx, "is_fraud", factor, rows));
        }
        List<FactorTest> fraudDrivers = FactorTests.adjusted(ctx, "diagnostic.fraudDrivers", fraud);

        FactorTest churn = null;
        try {
            churn = FactorTests.test(ctx, "churned", "tenure_band", """
                    select case when t < 180 then '1: < 6 months' when t < 365 then '2: 6-12 months'
                                when t < 730 then '3: 1-2 years' when t < 1825 then '4: 2-5 years' else '5: 5+ years' end as level,
                           count(*) as n, count(*) filter (where not is_active) as events
                    from (select ?::date - signup_date as t, is_active from gold.dim_customer where is_current) c
                    group by 1 order by 1""", ctx.asOfDate());
        } catch (FapException e) {
            ctx.fail("diagnostic.churnByTenure", e);
        }
        Breakdown declines = DescriptiveQueries.breakdown(ctx.sql(), "decline_reason", "transactions", """
                select decline_reason as label, count(*) as n, coalesce(sum(declined_amount_abs), 0) as value
                from gold.fact_transactions where is_declined group by 1 order by n desc, label""");

        String lateBy = """
                with pay as (
                    select lp.customer_id, bool_or(lp.is_late) as late, min(a.product_id) as product_id
                    from silver.stg_loan_payments lp left join silver.stg_accounts a on a.account_id = lp.account_id
                    group by lp.customer_id
                )
                select %s as level, count(*) as n, count(*) filter (where pay.late) as events
                from pay join gold.dim_customer c on c.customer_id = pay.customer_id and c.is_current
                left join gold.dim_product p on p.product_id = pay.product_id
                group by 1 order by 1""";
        List<Supplier<FactorTest>> late = List.of(
                () -> FactorTests.test(ctx, "late_payment", "credit_score_band", lateBy.formatted("coalesce(c.credit_score_band, '(none)')")),
                () -> FactorTests.test(ctx, "late_payment", "income_band", lateBy.formatted("coalesce(c.income_band, '(none)')")),
                () -> FactorTests.test(ctx, "late_payment", "product", lateBy.formatted("coalesce(p.product_name, '(none)')")));
        List<FactorTest> delinquency = FactorTests.adjusted(ctx, "diagnostic.delinquencyFactors", late);

        List<GroupMean> satisfaction = new ArrayList<>();
        for (Record r : ctx.sql().fetch("""
                select coalesce(reason, '(none)') as reason, count(satisfaction_rating) as n, avg(satisfaction_rating) as mean,
                       stddev_samp(satisfaction_rating) as sd
                from silver.stg_customer_interactions where satisfaction_rating is not null
                group by 1 having count(satisfaction_rating) >= 2 order by mean""")) {
            satisfaction.add(new GroupMean(s(r, "reason"), TTests.meanInterval(l(r, "n"), d(r, "mean"), d(r, "sd"), ctx.level())));
        }
        WelchTTestResult resolved = null;
        List<Record> ratings = ctx.sql().fetch("""
                select satisfaction_rating::float8 as r, resolved from silver.stg_customer_interactions
                where satisfaction_rating is not null""");
        double[] yes = ratings.stream().filter(r -> Sql.b(r, "resolved")).mapToDouble(r -> d(r, "r")).toArray();
        double[] no = ratings.stream().filter(r -> !Sql.b(r, "resolved")).mapToDouble(r -> d(r, "r")).toArray();
        try {
            resolved = TTests.welch(yes, no, ctx.level());
        } catch (FapException e) {
            ctx.fail("diagnostic.resolvedVsUnresolved", e);
        }
        return new DiagnosticAnalysis(fraudDrivers, churn, declines, delinquency, List.copyOf(satisfaction), resolved);
    }
}
