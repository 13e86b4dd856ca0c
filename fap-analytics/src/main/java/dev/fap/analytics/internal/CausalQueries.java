package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;
import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.CampaignEffect;
import dev.fap.analytics.CausalAnalysis;
import dev.fap.analytics.ChannelAttribution;
import dev.fap.analytics.stats.ConfidenceInterval;
import dev.fap.analytics.stats.LinearRegression;
import dev.fap.analytics.stats.LogisticModel;
import dev.fap.analytics.stats.LogisticRegression;
import dev.fap.analytics.stats.Moments;
import dev.fap.analytics.stats.OlsModel;
import dev.fap.analytics.stats.Quantiles;
import dev.fap.analytics.stats.RegressionCoefficient;
import dev.fap.analytics.stats.TreatmentEffect;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.jooq.Record;

/**
 * Causal analytics over campaign contacts (treatment vs hold-out), attribution and macro data.
 * See {@link CampaignEffect} for the three estimators.
 */
public final class CausalQueries {
    static final int WINDOW_DAYS = 90;
    /** Days in a customer-month. */
    static final double CUSTOMER_MONTH_DAYS = 30.4375;
    static final int MIN_WINDOW_DAYS = 30;
    static final int LOOKBACK_DAYS = 90;
    /** Scope name of the estimate over all campaigns. */
    static final String POOLED = "all campaigns";
    /** Bootstrap replicates of the pooled ratio estimate (half for a single campaign). */
    static final int REPLICATES = 1000;
    /** Bootstrap replicates of the pooled IPW estimate, each re-fitting the propensity (half for a single campaign). */
    static final int IPW_REPLICATES = 200;
    static final int MIN_GROUP = 20;
    static final List<String> PROPENSITY_FEATURES = List.of("log_income", "credit_score_100", "age_10", "log_pre_spend");

    private CausalQueries() {
    }

    /** One contact: treatment flag, pre and post purchase spend, covariates and the customer (cluster). */
    record Contact(String campaignId, long cluster, boolean treated, double pre, double post, double months, double[] covariates) {
    }

    public static CausalAnalysis run(Context ctx) {
        List<Contact> contacts = contacts(ctx);
        CampaignEffect pooled = null;
        List<CampaignEffect> per = new ArrayList<>();
        try {
            pooled = effect(ctx, POOLED, contacts);
        } catch (FapException e) {
            ctx.fail("causal.campaignEffect", e);
        }
        Map<String, List<Contact>> byCampaign = new LinkedHashMap<>();
        for (Contact c : contacts) {
            byCampaign.computeIfAbsent(c.campaignId(), k -> new ArrayList<>()).add(c);
        }
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, List<Contact>> e : byCampaign.entrySet()) {
            long t = e.getValue().stream().filter(Contact::treated).count();
            if (t < MIN_GROUP || e.getValue().size() - t < MIN_GROUP) {
                skipped.add(e.getKey() + " (" + t + " treated, " + (e.getValue().size() - t) + " control)");
                continue;
            }
            try {
                per.add(effect(ctx, e.getKey(), e.getValue()));
            } catch (FapException ex) {
                ctx.fail("causal.perCampaign[" + e.getKey() + "]", ex);
            }
        }
        List<ChannelAttribution> attribution = new ArrayList<>();
        double conversions = 0;
        List<Record> rows = ctx.sql().fetch("""
                with t as (select c.customer_id, c.contact_date, c.converted, coalesce(k.campaign_type, '(none)') as campaign_type
                           from silver.stg_campaign_contacts c join silver.stg_marketing_campaigns k on k.campaign_id = c.campaign_id
                           where c.assignment = 'Treatment'),
                conv as (select row_number() over (order by customer_id, contact_date) as conv_id, customer_id, contact_date
                         from t where converted),
                path as (select conv.conv_id, t.campaign_type,
                                count(*) over (partition by conv.conv_id) as touches,
                                row_number() over (partition by conv.conv_id order by t.contact_date, t.campaign_type) as first_rank,
                                row_number() over (partition by conv.conv_id order by t.contact_date desc, t.campaign_type desc) as last_rank
                         from conv join t on t.customer_id = conv.customer_id
                                         and t.contact_date between conv.contact_date - ? and conv.contact_date),
                touch_counts as (select campaign_type, count(*) as n from t group by 1)
                select tc.campaign_type, tc.n as touches,
                       coalesce(sum((p.first_rank = 1)::int), 0) as first_touch,
                       coalesce(sum((p.last_rank = 1)::int), 0) as last_touch,
                       coalesce(sum(1.0 / p.touches), 0) as linear
                from touch_counts tc left join path p on p.campaign_type = tc.campaign_type
                group by tc.campaign_type, tc.n order by tc.campaign_type""", LOOKBACK_DAYS);
        for (Record r : rows) {
            conversions += d(r, "linear");
        }
        for (Record r : rows) {
            attribution.add(new ChannelAttribution(s(r, "campaign_type"), l(r, "touches"), d(r, "first_touch"), d(r, "last_touch"),
                    d(r, "linear"), Fractions.ratio(d(r, "linear"), conversions)));
        }
        OlsModel macro = null;
        int months = 0;
        try {
            // mean positive purchase per month from the shared transaction cube; unemployment by month from silver
            Map<Integer, TransactionCube.Sums> byMonth = TransactionCube.of(ctx).by(TransactionCube.Cell::month);
            Map<java.time.LocalDate, Double> unemployment = new HashMap<>();
            for (Record r : ctx.sql().fetch("""
                    select date_trunc('month', indicator_date)::date as month, avg(unemployment_rate) as u
                    from silver.stg_economic_indicators group by 1""")) {
                unemployment.put(r.get("month", java.time.LocalDate.class), Sql.dOrNull(r, "u"));
            }
            List<double[]> m = new ArrayList<>(); // ticket, u0, u1, u2 per month, in month order
            for (Map.Entry<Integer, TransactionCube.Sums> e : byMonth.entrySet()) {
                Double ticket = e.getValue().purchaseMean();
                java.time.LocalDate month = java.time.LocalDate.of(e.getKey() / 100, e.getKey() % 100, 1);
                Double u0 = unemployment.get(month);
                Double u1 = unemployment.get(month.minusMonths(1));
                Double u2 = unemployment.get(month.minusMonths(2));
                if (ticket != null && ticket > 0 && u0 != null && u1 != null && u2 != null) {
                    m.add(new double[] {ticket, u0, u1, u2});
                }
            }
            months = m.size();
            if (months < 12) {
                throw new FapException(ErrorCode.ANALYSIS_FAILED, "the economic regression needs at least 12 months with "
                        + "indicators and purchases, had " + months, "generate at least 14 months of data");
            }
            double[][] x = new double[months][3];
            double[] y = new double[months];
            for (int i = 0; i < months; i++) {
                double[] r = m.get(i);
                x[i] = new double[] {r[1], r[2], r[3]};
                y[i] = Math.log(r[0]);
            }
            macro = LinearRegression.defaults().withLevel(ctx.level())
                    .fit(List.of("unemployment_lag0", "unemployment_lag1", "unemployment_lag2"), x, y);
        } catch (FapException e) {
            ctx.fail("causal.economicImpact", e);
        }
        return new CausalAnalysis(pooled, List.copyOf(per), List.copyOf(skipped), MIN_GROUP, List.copyOf(attribution), LOOKBACK_DAYS,
                Math.round(conversions), macro, months);
    }

    /** The rows whose {@code amount_abs_cents} is a {@code purchase_amount}: approved purchases. */
    private static final String PURCHASE = "not f.is_declined and f.transaction_type_code = " + FactCodes.PURCHASE;

    /** The contacts with their windows: half-length {@code len} days before and after the contact, within the data. */
    static final String WINDOWS = """
            (select c.contact_id, c.campaign_id, c.customer_id, c.assignment = 'Treatment' as treated, c.contact_date,
                    least(?, ?::date - c.contact_date + 1) as len
             from silver.stg_campaign_contacts c
             where c.assignment in ('Treatment', 'Control')
               and c.contact_date - least(?, ?::date - c.contact_date + 1) >= ?::date)""";

    /** The binds of {@link #WINDOWS}. */
    static Object[] windowBinds(Context ctx) {
        return new Object[] {WINDOW_DAYS, ctx.asOfDate(), WINDOW_DAYS, ctx.asOfDate(), ctx.startDate()};
    }

    /**
     * Each window's approved purchase spend before and after the contact, in cents ({@code pre}, {@code post}): from an
     * inner hash join of the contacts to the facts, which PostgreSQL runs in parallel. Matched on the integer
     * customer_key of the fact row through the customer's versions in dim_customer (each transaction has one version,
     * so it meets each of its customer's contacts once); a purchase_amount is the absolute amount of an approved
     * purchase, else 0 ({@link FactCodes}). {@link FactScan#contactSpend()} gives the same sums from the streamed facts.
     */
    static final String WINDOW_SPEND = """
            select ct.contact_id,
                   sum(f.amount_abs_cents) filter (where f.transaction_date < ct.contact_date and %s) as pre,
                   sum(f.amount_abs_cents) filter (where f.transaction_date >= ct.contact_date and %s) as post
            from %s ct join gold.dim_customer v on v.customer_id = ct.customer_id
            join gold.fact_transactions f on f.customer_key = v.customer_key
                 and f.transaction_date >= ct.contact_date - ct.len and f.transaction_date < ct.contact_date + ct.len
            group by ct.contact_id""".formatted(PURCHASE, PURCHASE, WINDOWS);

    static List<Contact> contacts(Context ctx) {
        // contacts without purchases in their windows are kept by the outer join around the window sums
        FactScan scan = FactScan.of(ctx);
        FactScan.Relation spend = scan == null ? new FactScan.Relation(WINDOW_SPEND, windowBinds(ctx)) : scan.contactSpend();
        List<Object> binds = new ArrayList<>(List.of(windowBinds(ctx)));
        binds.addAll(List.of(spend.binds()));
        binds.add(MIN_WINDOW_DAYS);
        List<Record> rows = ctx.sql().fetch("""
                select ct.campaign_id, ct.customer_id, ct.treated, coalesce(sp.pre / 100.0, 0) as pre,
                       coalesce(sp.post / 100.0, 0) as post, ct.len, cu.annual_income, cu.credit_score, cu.age
                from %s ct
                left join (%s) sp on sp.contact_id = ct.contact_id
                join gold.dim_customer cu on cu.customer_id = ct.customer_id and cu.is_current
                where ct.len >= ?
                order by ct.contact_id""".formatted(WINDOWS, spend.sql()), binds.toArray());
        Map<String, Long> clusters = new HashMap<>();
        List<Contact> out = new ArrayList<>(rows.size());
        for (Record r : rows) {
            long cluster = clusters.computeIfAbsent(r.get("customer_id", String.class), k -> (long) clusters.size());
            double pre = d(r, "pre");
            out.add(new Contact(r.get("campaign_id", String.class), cluster, Sql.b(r, "treated"), pre, d(r, "post"),
                    d(r, "len") / CUSTOMER_MONTH_DAYS,
                    new double[] {Math.log1p(Math.max(0, d(r, "annual_income"))), d(r, "credit_score") / 100, d(r, "age") / 10,
                        Math.log1p(Math.max(0, pre))}));
        }
        return out;
    }

    static CampaignEffect effect(Context ctx, String scope, List<Contact> contacts) {
        long nt = contacts.stream().filter(Contact::treated).count();
        long nc = contacts.size() - nt;
        if (nt < MIN_GROUP || nc < MIN_GROUP) {
            throw new FapException(ErrorCode.ANALYSIS_FAILED, "campaign effect (" + scope + ") needs at least " + MIN_GROUP
                    + " treated and " + MIN_GROUP + " control contacts with observed pre and post windows, had " + nt + " and " + nc,
                    "use a longer period or more customers");
        }
        int n = contacts.size();
        double[][] x = new double[2 * n][];
        double[] y = new double[2 * n];
        long[] cl = new long[2 * n];
        for (int i = 0; i < n; i++) {
            Contact c = contacts.get(i);
            double t = c.treated() ? 1 : 0;
            x[2 * i] = new double[] {t, 0, 0};
            y[2 * i] = c.pre() / c.months();
            x[2 * i + 1] = new double[] {t, 1, t};
            y[2 * i + 1] = c.post() / c.months();
            cl[2 * i] = c.cluster();
            cl[2 * i + 1] = c.cluster();
        }
        OlsModel did = LinearRegression.defaults().withLevel(ctx.level()).fitClustered(List.of("treated", "post", "treated_x_post"), x, y, cl);
        RegressionCoefficient interaction = did.coefficient("treated_x_post");
        boolean pooled = POOLED.equals(scope);
        TreatmentEffect ratio = bootstrap(ctx, scope, contacts, false, pooled ? REPLICATES : REPLICATES / 2);
        TreatmentEffect ipw = bootstrap(ctx, scope, contacts, true, pooled ? IPW_REPLICATES : IPW_REPLICATES / 2);
        return new CampaignEffect(scope, "approved purchase spend per customer-month", WINDOW_DAYS, nt, nc, interaction, ratio, ipw);
    }

    /** Ratio DiD (optionally IPW-weighted), with a bootstrap over customers. */
    private static TreatmentEffect bootstrap(Context ctx, String scope, List<Contact> contacts, boolean weighted, int reps) {
        double[] point = ratio(contacts, weighted);
        // each replicate re-fits the propensity, starting from the full-sample fit (same optimum, fewer iterations)
        LogisticRegression warm = weighted ? PROPENSITY.withStart(LogisticRegression.coefficients(propensity(contacts, PROPENSITY))) : PROPENSITY;
        Map<Long, List<Contact>> byCustomer = new LinkedHashMap<>();
        for (Contact c : contacts) {
            byCustomer.computeIfAbsent(c.cluster(), k -> new ArrayList<>()).add(c);
        }
        Contact[][] groups = byCustomer.values().stream().map(g -> g.toArray(Contact[]::new)).toArray(Contact[][]::new);
        int largest = Arrays.stream(groups).mapToInt(g -> g.length).max().orElse(0);
        long seed = ctx.seed() ^ scope.hashCode() ^ (weighted ? 0x5eedL : 0L);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] r = new double[reps];
        int done = 0;
        int attempts = 0;
        // a resample is written into one reused array (a replicate draws as many customers as there are)
        Contact[] sample = new Contact[contacts.size() + largest];
        while (done < reps && attempts < reps * 3) {
            attempts++;
            int m = 0;
            for (int i = 0; i < groups.length; i++) {
                Contact[] g = groups[rng.nextInt(groups.length)];
                if (m + g.length > sample.length) {
                    sample = Arrays.copyOf(sample, 2 * sample.length);
                }
                System.arraycopy(g, 0, sample, m, g.length);
                m += g.length;
            }
            try {
                double v = ratio(sample, m, weighted, warm)[0];
                if (Double.isFinite(v)) {
                    r[done++] = v;
                }
            } catch (FapException e) {
                // degenerate resample (e.g. no treated spend); draw another
            }
        }
        if (done < reps) {
            throw new FapException(ErrorCode.ANALYSIS_FAILED, "bootstrap of the campaign effect (" + scope + ") failed in most resamples",
                    "the groups are too small or have no pre-period spend");
        }
        Moments m = Moments.of(r);
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        double a = (1 - ctx.level()) / 2;
        double se = m.sd();
        double p = se > 0 ? Math.min(1, 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(point[0] / se))) : 1.0;
        String method = weighted
                ? "ratio difference-in-differences with inverse propensity weights e/(1-e) on controls (logistic propensity), "
                  + "customer bootstrap percentile interval"
                : "ratio difference-in-differences (ΣT_post/ΣT_pre)/(ΣC_post/ΣC_pre) - 1, customer bootstrap percentile interval";
        long nt = contacts.stream().filter(Contact::treated).count();
        return new TreatmentEffect(method, "ATT (relative)", nt, contacts.size() - nt, point[0], se,
                new ConfidenceInterval(Quantiles.ofSorted(sorted, a), Quantiles.ofSorted(sorted, 1 - a), ctx.level()), p, reps, seed,
                point[1]);
    }

    /** The propensity model: ridge 1e-6 for numerical safety (the features are on unit-ish scales). */
    static final LogisticRegression PROPENSITY = LogisticRegression.defaults().withRidge(1e-6);

    /** The propensity model (treated on the covariates) fitted by {@code fitter}. */
    private static LogisticModel propensity(List<Contact> contacts, LogisticRegression fitter) {
        return propensity(contacts.toArray(Contact[]::new), contacts.size(), fitter);
    }

    /** The propensity model of the first {@code m} contacts. */
    private static LogisticModel propensity(Contact[] contacts, int m, LogisticRegression fitter) {
        double[][] x = new double[m][];
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = contacts[i].covariates();
            t[i] = contacts[i].treated() ? 1 : 0;
        }
        return fitter.fit(PROPENSITY_FEATURES, x, t);
    }

    /** [relative uplift, Kish effective control n]. */
    static double[] ratio(List<Contact> contacts, boolean weighted) {
        return ratio(contacts, weighted, PROPENSITY);
    }

    /**
     * [relative uplift, Kish effective control n], fitting the propensity (when {@code weighted}) with
     * {@code propensity} (the bootstrap passes one warm-started from the full-sample fit).
     */
    static double[] ratio(List<Contact> contacts, boolean weighted, LogisticRegression propensity) {
        return ratio(contacts.toArray(Contact[]::new), contacts.size(), weighted, propensity);
    }

    /** {@link #ratio(List, boolean, LogisticRegression)} of the first {@code m} contacts. */
    private static double[] ratio(Contact[] contacts, int m, boolean weighted, LogisticRegression propensity) {
        double[] w = new double[m];
        Arrays.fill(w, 1.0);
        if (weighted) {
            LogisticModel ps = propensity(contacts, m, propensity);
            for (int i = 0; i < m; i++) {
                if (!contacts[i].treated()) {
                    double e = Math.min(0.99, Math.max(0.01, ps.probability(contacts[i].covariates())));
                    w[i] = e / (1 - e);
                }
            }
        }
        double tPre = 0;
        double tPost = 0;
        double cPre = 0;
        double cPost = 0;
        double sw = 0;
        double sw2 = 0;
        for (int i = 0; i < m; i++) {
            Contact c = contacts[i];
            if (c.treated()) {
                tPre += c.pre();
                tPost += c.post();
            } else {
                cPre += w[i] * c.pre();
                cPost += w[i] * c.post();
                sw += w[i];
                sw2 += w[i] * w[i];
            }
        }
        if (!(tPre > 0 && cPre > 0 && cPost > 0)) {
            throw new FapException(ErrorCode.ANALYSIS_FAILED, "ratio difference-in-differences needs positive pre-period spend in both "
                    + "groups and post-period spend in the control group", "check that the contacted customers make purchases");
        }
        return new double[] {(tPost / tPre) / (cPost / cPre) - 1, sw * sw / sw2};
    }
}
