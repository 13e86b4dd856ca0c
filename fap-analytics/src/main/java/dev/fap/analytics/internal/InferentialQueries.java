package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;
import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.CampaignTest;
import dev.fap.analytics.CohortRetention;
import dev.fap.analytics.InferentialAnalysis;
import dev.fap.analytics.RetentionPoint;
import dev.fap.analytics.stats.Bootstrap;
import dev.fap.analytics.stats.BootstrapResult;
import dev.fap.analytics.stats.KaplanMeier;
import dev.fap.analytics.stats.MeanEstimate;
import dev.fap.analytics.stats.Moments;
import dev.fap.analytics.stats.MultipleTesting;
import dev.fap.analytics.stats.Proportions;
import dev.fap.analytics.stats.Quantiles;
import dev.fap.analytics.stats.SurvivalCurve;
import dev.fap.analytics.stats.TTests;
import dev.fap.analytics.stats.TwoProportionTestResult;
import dev.fap.analytics.stats.WelchTTestResult;
import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jooq.Record;

/** Inferential analytics. Group summaries come from SQL; bootstrap and tests run in Java. */
public final class InferentialQueries {
    /** Bootstrap replicates for the spend intervals. */
    static final int REPLICATES = 2000;
    /** Above this many customers the bootstrap runs on a seeded random subsample of this size. */
    static final int BOOTSTRAP_CAP = 20_000;

    private InferentialQueries() {
    }

    public static InferentialAnalysis run(Context ctx) {
        WelchTTestResult weekend = null;
        try {
            List<Record> g = ctx.sql().fetch("""
                    select is_weekend, count(*) as n, avg(transaction_amount_abs) as mean, var_samp(transaction_amount_abs) as var
                    from gold.fact_transactions where is_approved group by is_weekend""");
            Moments we = null;
            Moments wd = null;
            for (Record r : g) {
                Moments m = new Moments(l(r, "n"), d(r, "mean"), d(r, "var"));
                if (Sql.b(r, "is_weekend")) {
                    we = m;
                } else {
                    wd = m;
                }
            }
            if (we == null || wd == null) {
                throw new FapException(dev.fap.core.ErrorCode.ANALYSIS_FAILED, "no approved weekend or weekday transactions",
                        "load data covering whole weeks");
            }
            weekend = TTests.welch(we, wd, ctx.level());
        } catch (FapException e) {
            ctx.fail("inferential.weekendVsWeekdayTicket", e);
        }
        CustomerFeatures f = ctx.features();
        int[] active = IntStream.range(0, f.n).filter(i -> f.transactions[i] > 0).toArray();
        double[] spend = IntStream.of(active).mapToDouble(i -> f.spendPerMonth[i]).toArray();
        WelchTTestResult premium = null;
        try {
            premium = TTests.welch(IntStream.of(active).filter(i -> f.premium[i]).mapToDouble(i -> f.spendPerMonth[i]).toArray(),
                    IntStream.of(active).filter(i -> !f.premium[i]).mapToDouble(i -> f.spendPerMonth[i]).toArray(), ctx.level());
        } catch (FapException e) {
            ctx.fail("inferential.premiumVsStandardSpend", e);
        }
        MeanEstimate mean = null;
        BootstrapResult meanBoot = null;
        BootstrapResult medianBoot = null;
        try {
            mean = TTests.meanInterval(spend, ctx.level());
            double[] sample = subsample(spend, ctx.seed());
            Bootstrap boot = Bootstrap.of(REPLICATES, ctx.seed());
            meanBoot = boot.bca(sample, Bootstrap.MEAN, ctx.level());
            medianBoot = boot.bca(sample, s -> Quantiles.of(s, 0.5), ctx.level());
        } catch (FapException e) {
            ctx.fail("inferential.meanMonthlySpend", e);
        }
        List<CampaignTest> campaigns = campaignTests(ctx);
        int raw = (int) campaigns.stream().filter(c -> c.conversion() != null && c.conversion().pValue() < 0.05).count();
        int bh = (int) campaigns.stream().filter(c -> c.qValue() != null && c.qValue() < 0.05).count();
        SurvivalCurve survival = null;
        try {
            survival = KaplanMeier.fit(f.observedMonths, f.churned, ctx.level());
        } catch (FapException e) {
            ctx.fail("inferential.customerSurvival", e);
        }
        return new InferentialAnalysis(weekend, premium, mean, meanBoot, medianBoot, campaigns, raw, bh, retention(ctx), survival);
    }

    private static double[] subsample(double[] x, long seed) {
        if (x.length <= BOOTSTRAP_CAP) {
            return x;
        }
        double[] s = x.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < BOOTSTRAP_CAP; i++) {
            int j = i + rng.nextInt(s.length - i);
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return java.util.Arrays.copyOf(s, BOOTSTRAP_CAP);
    }

    static List<CampaignTest> campaignTests(Context ctx) {
        List<Record> rows = ctx.sql().fetch("""
                select k.campaign_id, k.campaign_name, k.campaign_type,
                       count(*) filter (where c.assignment = 'Treatment') as nt,
                       count(*) filter (where c.assignment = 'Treatment' and c.converted) as kt,
                       count(*) filter (where c.assignment = 'Control') as nc,
                       count(*) filter (where c.assignment = 'Control' and c.converted) as kc
                from silver.stg_campaign_contacts c join silver.stg_marketing_campaigns k on k.campaign_id = c.campaign_id
                group by k.campaign_id, k.campaign_name, k.campaign_type order by k.campaign_id""");
        List<CampaignTest> draft = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        for (Record r : rows) {
            long kt = l(r, "kt");
            long nt = l(r, "nt");
            long kc = l(r, "kc");
            long nc = l(r, "nc");
            if (nt == 0 || nc == 0) {
                continue; // not an A/B campaign: no treatment or no hold-out group
            }
            TwoProportionTestResult test = null;
            String note = null;
            if (kt + kc == 0) {
                note = "no conversions in either group: the test is undefined";
            } else if (kt + kc == nt + nc) {
                note = "everybody converted in both groups: the test is undefined";
            } else {
                test = Proportions.twoProportionTest(kt, nt, kc, nc, ctx.level());
                pValues.add(test.pValue());
            }
            draft.add(new CampaignTest(s(r, "campaign_id"), s(r, "campaign_name"), s(r, "campaign_type"),
                    Proportions.wilson(kt, nt, ctx.level()), Proportions.wilson(kc, nc, ctx.level()), test, null, note));
        }
        double[] q = MultipleTesting.benjaminiHochberg(pValues.stream().mapToDouble(Double::doubleValue).toArray());
        List<CampaignTest> out = new ArrayList<>();
        int k = 0;
        for (CampaignTest c : draft) {
            out.add(c.conversion() == null ? c : new CampaignTest(c.campaignId(), c.campaignName(), c.campaignType(),
                    c.treatedConversion(), c.controlConversion(), c.conversion(), q[k++], null));
        }
        return List.copyOf(out);
    }

    static List<CohortRetention> retention(Context ctx) {
        List<Record> rows = ctx.sql().fetch("""
                with clock as (select ?::date as as_of, min(transaction_date) as start_day from gold.fact_transactions),
                churn as (select customer_id, min(valid_from) as churn_date from gold.dim_customer
                          where not is_active and version_number > 1 group by customer_id),
                last_tx as (select customer_id, max(transaction_date) as last_day from gold.fact_transactions group by customer_id),
                c as (
                    select c.customer_id, c.signup_date, to_char(c.signup_date, 'YYYY-"Q"Q') as cohort,
                           case when c.is_active then null else coalesce(ch.churn_date, lt.last_day, c.signup_date) end as churn_date
                    from gold.dim_customer c cross join clock
                    left join churn ch on ch.customer_id = c.customer_id
                    left join last_tx lt on lt.customer_id = c.customer_id
                    where c.is_current and c.signup_date >= clock.start_day
                ),
                sizes as (select cohort, count(*) as size from c group by cohort),
                m as (select unnest(array[1, 2, 3, 6, 9, 12, 18, 24]) as months)
                select c.cohort, m.months, sizes.size,
                       count(*) as n,
                       count(*) filter (where c.churn_date is null or c.churn_date > c.signup_date + make_interval(months => m.months)) as kept
                from c cross join m cross join clock join sizes on sizes.cohort = c.cohort
                where c.signup_date + make_interval(months => m.months) <= clock.as_of
                group by c.cohort, m.months, sizes.size order by 1, 2""", ctx.asOfDate());
        Map<String, List<RetentionPoint>> points = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Record r : rows) {
            String cohort = s(r, "cohort");
            sizes.put(cohort, l(r, "size"));
            points.computeIfAbsent(cohort, k -> new ArrayList<>()).add(new RetentionPoint(r.get("months", Integer.class),
                    Proportions.wilson(l(r, "kept"), l(r, "n"), ctx.level())));
        }
        List<CohortRetention> out = new ArrayList<>();
        points.forEach((k, v) -> out.add(new CohortRetention(k, sizes.get(k), List.copyOf(v))));
        return List.copyOf(out);
    }
}
