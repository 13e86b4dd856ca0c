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
            // approved tickets by weekend/weekday, rolled up from the shared transaction cube
            Map<Boolean, TransactionCube.Sums> g = TransactionCube.of(ctx).by(TransactionCube.Cell::weekend);
            Moments we = null;
            Moments wd = null;
            for (Map.Entry<Boolean, TransactionCube.Sums> e : g.entrySet()) {
                if (e.getValue().approved() == 0) {
                    continue;
                }
                if (e.getKey()) {
                    we = e.getValue().ticketMoments();
                } else {
                    wd = e.getValue().ticketMoments();
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
            medianBoot = boot.bca(sample, Bootstrap.MEDIAN, ctx.level());
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

    /** Months after signup at which cohort retention is reported. */
    static final int[] RETENTION_MONTHS = {1, 2, 3, 6, 9, 12, 18, 24};

    /**
     * Cohort retention from the per-customer features: current customers who signed up on or after the
     * data's first day, grouped by signup quarter; a customer counts at m months once signup + m months
     * has passed, and is retained unless churned by then (churn date: the first inactive SCD2 version,
     * else the last transaction, else the signup day).
     */
    static List<CohortRetention> retention(Context ctx) {
        CustomerFeatures f = ctx.features();
        java.util.TreeMap<String, long[]> counts = new java.util.TreeMap<>(); // [size, n(m1), kept(m1), n(m2), ...]
        for (int i = 0; i < f.n; i++) {
            java.time.LocalDate signup = f.signupDate[i];
            if (signup == null || signup.isBefore(ctx.startDate())) {
                continue;
            }
            java.time.LocalDate churn = f.active[i] ? null
                    : f.churnDate[i] != null ? f.churnDate[i] : f.lastDay[i] != null ? f.lastDay[i] : signup;
            String cohort = signup.getYear() + "-Q" + ((signup.getMonthValue() - 1) / 3 + 1);
            long[] c = counts.computeIfAbsent(cohort, k -> new long[1 + 2 * RETENTION_MONTHS.length]);
            c[0]++;
            for (int m = 0; m < RETENTION_MONTHS.length; m++) {
                java.time.LocalDate mark = signup.plusMonths(RETENTION_MONTHS[m]);
                if (!mark.isAfter(ctx.asOfDate())) {
                    c[1 + 2 * m]++;
                    if (churn == null || churn.isAfter(mark)) {
                        c[2 + 2 * m]++;
                    }
                }
            }
        }
        List<CohortRetention> out = new ArrayList<>();
        counts.forEach((cohort, c) -> {
            List<RetentionPoint> points = new ArrayList<>();
            for (int m = 0; m < RETENTION_MONTHS.length; m++) {
                if (c[1 + 2 * m] > 0) {
                    points.add(new RetentionPoint(RETENTION_MONTHS[m], Proportions.wilson(c[2 + 2 * m], c[1 + 2 * m], ctx.level())));
                }
            }
            if (!points.isEmpty()) {
                out.add(new CohortRetention(cohort, c[0], List.copyOf(points)));
            }
        });
        return List.copyOf(out);
    }
}
