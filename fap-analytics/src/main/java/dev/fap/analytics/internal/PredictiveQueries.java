package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;

import dev.fap.analytics.Breakdown;
import dev.fap.analytics.LifetimeValueSummary;
import dev.fap.analytics.ModelEvaluation;
import dev.fap.analytics.PredictiveAnalysis;
import dev.fap.analytics.ScoreDistribution;
import dev.fap.analytics.Slice;
import dev.fap.analytics.stats.Quantiles;
import dev.fap.analytics.stats.TTests;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Predictive analytics: three logistic models, CLV and risk categories, and the write-back of the
 * per-customer scores to {@code gold.customer_scores} (replaced in one transaction, so readers see
 * the old or the new scores, never a mix).
 */
public final class PredictiveQueries {
    /** Churn features (per customer). */
    static final List<String> CHURN_FEATURES = List.of("tenure_years", "satisfaction", "has_rating", "log_transactions_per_month",
            "decline_rate", "products_held", "interactions_per_month", "credit_score_100", "log_income", "age_10");
    /** Fraud features (per purchase): the indicator signals of card fraud. */
    static final List<String> FRAUD_FEATURES = List.of("night", "online", "high_amount_deviation", "high_velocity",
            "far_from_home", "risky_merchant");
    /** Default features (per customer with loan or card payments). */
    static final List<String> DEFAULT_FEATURES = List.of("credit_score_100", "log_income", "age_10", "products_held",
            "decline_rate", "log_transactions_per_month");
    /** Monthly discount rate of the CLV. */
    static final double DISCOUNT = 0.01;
    /** Interchange earned on purchase volume, used in the CLV margin. */
    static final double INTERCHANGE = 0.015;

    /**
     * The indicator signals of {@link #FRAUD_FEATURES} (in that order) and the outcome, each 0 or 1 (null when unknown): the
     * hour before 6, the Online channel, and gold's signal flags (amount deviation score ≥ 2, 24 h velocity ≥ 2, 100 km or
     * more from home, merchant risk score ≥ 0.7; false when the measure is unknown), fixed-width columns at the front of the
     * fact row.
     */
    static final List<String> FRAUD_SIGNALS = List.of("(hour_of_day <= 5)::int", "(channel_code = " + FactCodes.ONLINE + ")::int",
            "is_high_amount_deviation::int", "is_high_velocity::int", "is_far_from_home::int", "is_high_merchant_risk_score::int",
            "is_fraud::int");

    /**
     * The purchases per customer and combination of the signals and the outcome, the combination as one integer
     * (each signal a base-3 digit, the first the most significant: 0, 1, or 2 when null), so PostgreSQL hashes two
     * keys instead of eight (at 10M transactions about 4 s of CPU less). Grouped by the integer {@code customer_key} (the
     * customer's version) and the codes of channel and type ({@link FactCodes}), then per customer through the
     * versions of {@code gold.dim_customer} (a few tens of thousands of groups instead of the transactions). Ordered by
     * customer and combination, which is the order by the signals themselves with nulls last.
     */
    static final String FRAUD_INPUT;

    static {
        String code = null; // Horner: ((s1 * 3 + s2) * 3 + s3) ...
        for (String signal : FRAUD_SIGNALS) {
            String digit = "coalesce(" + signal + ", 2)";
            code = code == null ? digit : "(" + code + ") * 3 + " + digit;
        }
        FRAUD_INPUT = "select c.customer_id, x.code, sum(x.n) as n from (select customer_key, " + code + " as code, count(*) as n "
                + "from gold.fact_transactions where transaction_type_code = " + FactCodes.PURCHASE + " group by 1, 2) x "
                + "join gold.dim_customer c on c.customer_key = x.customer_key group by 1, 2 order by 1, 2";
    }

    private PredictiveQueries() {
    }

    public static PredictiveAnalysis run(Context ctx) {
        State s = compute(ctx);
        long written = write(ctx, s.scores);
        ScoreDistribution churnScores = ScoreDistribution.of("churn probability", "customer",
                s.churn.model().method() + " fitted on the training split, scored on all customers; 20 bins of width 0.05",
                s.scores.churnProbability(), 0, 1, 20);
        return new PredictiveAnalysis(s.churn, s.fraud, s.creditDefault, s.clv, s.risk, churnScores, written);
    }

    /** What the predictive run computes (cached in the context for the prescriptive analysis). */
    record State(ModelEvaluation churn, ModelEvaluation fraud, ModelEvaluation creditDefault, LifetimeValueSummary clv,
                 Breakdown risk, Scores scores) {
    }

    /** The models, scores, CLV and risk of this run, computed once and shared with the prescriptive analysis. */
    static State compute(Context ctx) {
        return ctx.shared("predictive", () -> fitAndScore(ctx));
    }

    private static State fitAndScore(Context ctx) {
        CustomerFeatures f = ctx.features();
        if (f.n < 10) {
            throw new FapException(ErrorCode.ANALYSIS_FAILED, "predictive models need at least 10 customers, had " + f.n,
                    "generate or load more customers");
        }
        double[][] cx = new double[f.n][];
        for (int i = 0; i < f.n; i++) {
            cx[i] = churnRow(f, i);
        }
        ModelFitter.Fit churn = ModelFitter.fit(ctx, "churned", "customer", f.n, false, CHURN_FEATURES, cx, f.churned);
        double[] churnP = ModelFitter.predict(churn.model(), cx);

        ModelEvaluation fraudEval = null;
        double[] fraudP = new double[f.n];
        Arrays.fill(fraudP, Double.NaN);
        try {
            FraudInput fraud = fraudModel(ctx, f);
            fraudEval = fraud.fit().evaluation();
            fraudP = fraud.customerScore();
        } catch (FapException e) {
            ctx.fail("predictive.fraud", e);
        }

        ModelEvaluation defaultEval = null;
        double[] defaultP = new double[f.n];
        Arrays.fill(defaultP, Double.NaN);
        try {
            int[] payers = IntStream.range(0, f.n).filter(i -> f.payments[i] > 0).toArray();
            double[][] dx = new double[payers.length][];
            double[] dy = new double[payers.length];
            for (int k = 0; k < payers.length; k++) {
                dx[k] = defaultRow(f, payers[k]);
                dy[k] = f.everLate[payers[k]];
            }
            if (payers.length < 10) {
                throw new FapException(ErrorCode.ANALYSIS_FAILED, "the default model needs at least 10 customers with loan or card "
                        + "payments, had " + payers.length, "generate data with lending products");
            }
            ModelFitter.Fit def = ModelFitter.fit(ctx, "late_payment", "customer with payments", payers.length, false, DEFAULT_FEATURES,
                    dx, dy);
            defaultEval = def.evaluation();
            for (int k = 0; k < payers.length; k++) {
                defaultP[payers[k]] = def.model().probability(dx[k]);
            }
        } catch (FapException e) {
            ctx.fail("predictive.creditDefault", e);
        }

        double[] clv = new double[f.n];
        String[] risk = new String[f.n];
        Map<String, Long> riskCount = new LinkedHashMap<>();
        for (String c : List.of("Low", "Medium", "High", "Very High")) {
            riskCount.put(c, 0L);
        }
        for (int i = 0; i < f.n; i++) {
            double margin = f.feesPerMonth[i] + INTERCHANGE * f.purchaseSpend[i] / f.observedMonths[i];
            double monthlyChurn = 1 - Math.pow(1 - Math.min(churnP[i], 1 - 1e-12), 1 / Math.max(1.0, f.observedMonths[i]));
            clv[i] = margin * (1 + DISCOUNT) / (DISCOUNT + monthlyChurn);
            double worst = Math.max(churnP[i], Double.isNaN(defaultP[i]) ? 0 : defaultP[i]);
            risk[i] = worst < 0.1 ? "Low" : worst < 0.25 ? "Medium" : worst < 0.5 ? "High" : "Very High";
            riskCount.merge(risk[i], 1L, Long::sum);
        }
        double[] sorted = clv.clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(clv).sum();
        double mean = total / f.n;
        double sd = Math.sqrt(Arrays.stream(clv).map(v -> (v - mean) * (v - mean)).sum() / (f.n - 1));
        LifetimeValueSummary clvSummary = new LifetimeValueSummary(
                "CLV = m(1+d)/(d+h): m = monthly fees + 1.5% of monthly purchases, d = 1%/month, h = monthly churn hazard "
                        + "1-(1-p)^(1/observed months) from the churn model's probability p",
                f.n, TTests.meanInterval(f.n, mean, sd, ctx.level()), Quantiles.ofSorted(sorted, 0.5), total,
                Quantiles.ofSorted(sorted, 0.9));
        List<Slice> slices = new ArrayList<>();
        riskCount.forEach((k, v) -> slices.add(new Slice(k, v, (double) v / f.n, 0)));
        Breakdown riskBreakdown = new Breakdown("risk_category", "customers", f.n, List.copyOf(slices));
        State s = new State(churn.evaluation(), fraudEval, defaultEval, clvSummary, riskBreakdown,
                new Scores(churnP, defaultP, fraudP, clv, risk));
        return s;
    }

    static double[] churnRow(CustomerFeatures f, int i) {
        return new double[] {f.tenureMonths[i] / 12, f.satisfaction[i], f.hasRating[i], Math.log1p(f.txnPerMonth[i]), f.declineRate[i],
            f.products[i], f.interactionsPerMonth[i], f.creditScore[i] / 100, f.logIncome[i], f.age[i] / 10};
    }

    static double[] defaultRow(CustomerFeatures f, int i) {
        return new double[] {f.creditScore[i] / 100, f.logIncome[i], f.age[i] / 10, f.products[i], f.declineRate[i],
            Math.log1p(f.txnPerMonth[i])};
    }

    /** Fraud model input grouped in SQL: one row per customer × signal pattern × outcome, with its count. */
    record FraudInput(ModelFitter.Fit fit, double[] customerScore) {
    }

    /** The rows of {@link #FRAUD_INPUT} (or the same from {@link FactScan#fraudRows()}): customer id, code and count, in its order. */
    record FraudRows(String[] customerId, int[] code, long[] n) {
        static FraudRows of(List<Record> rows) {
            int m = rows.size();
            FraudRows out = new FraudRows(new String[m], new int[m], new long[m]);
            for (int i = 0; i < m; i++) {
                out.customerId[i] = rows.get(i).get("customer_id", String.class);
                out.code[i] = (int) l(rows.get(i), "code");
                out.n[i] = l(rows.get(i), "n");
            }
            return out;
        }
    }

    /**
     * The fraud model on all purchases, aggregated in PostgreSQL to one row per customer, combination of
     * the six indicators and outcome (at most 128 per customer) and fitted with frequency weights, which
     * gives exactly the row-level maximum-likelihood fit. Train/test split by customer (seeded), so no
     * customer's purchases are on both sides. A customer's fraud score is the mean predicted probability
     * of their purchases.
     */
    private static FraudInput fraudModel(Context ctx, CustomerFeatures f) {
        FactScan scan = FactScan.of(ctx);
        FraudRows rows = scan == null ? FraudRows.of(ctx.sql().fetch(FRAUD_INPUT)) : scan.fraudRows();
        int m = rows.n().length;
        double[][] x = new double[m][FRAUD_FEATURES.size()];
        double[] y = new double[m];
        double[] w = new double[m];
        boolean[] train = new boolean[m];
        String[] cust = new String[m];
        long population = 0;
        for (int i = 0; i < m; i++) {
            // digits from the last (the outcome) to the first signal; an unknown signal (2) counts as 0
            int code = rows.code()[i];
            int digit = code % 3;
            y[i] = digit == 1 ? 1 : 0;
            for (int j = FRAUD_FEATURES.size() - 1; j >= 0; j--) {
                code /= 3;
                digit = code % 3;
                x[i][j] = digit == 1 ? 1 : 0;
            }
            w[i] = rows.n()[i];
            population += (long) w[i];
            cust[i] = rows.customerId()[i];
            train[i] = new java.util.SplittableRandom(cust[i].hashCode() ^ ctx.seed()).nextDouble() < ModelFitter.TRAIN_SHARE;
        }
        ModelFitter.Fit fit = ModelFitter.fit(ctx, "is_fraud", "purchase transaction", population, false, FRAUD_FEATURES, x, y, w, train);
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < m; i++) {
            double[] acc = sums.computeIfAbsent(cust[i], k -> new double[2]);
            acc[0] += w[i] * fit.model().probability(x[i]);
            acc[1] += w[i];
        }
        double[] score = new double[f.n];
        for (int i = 0; i < f.n; i++) {
            double[] acc = sums.get(f.customerId[i]);
            score[i] = acc == null ? Double.NaN : acc[0] / acc[1];
        }
        return new FraudInput(fit, score);
    }

    /** Model names under which the scores are stored (column {@code model_name} of gold.customer_scores). */
    static final List<String> MODEL_NAMES = List.of("churn", "late_payment", "fraud", "clv");

    /**
     * Writes the scores to {@code gold.customer_scores} (created by the warehouse setup): one row per
     * customer and model ({@code churn}, {@code late_payment}, {@code fraud}, {@code clv}), with the risk
     * category in {@code details}. Rows of these models for the same as-of date are replaced in one
     * transaction; scores of other as-of dates stay as history.
     */
    static long write(Context ctx, Scores s) {
        CustomerFeatures f = ctx.features();
        List<String> ids = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<String> details = new ArrayList<>();
        double[][] byModel = {s.churnProbability(), s.defaultProbability(), s.fraudProbability(), s.lifetimeValue()};
        for (int m = 0; m < MODEL_NAMES.size(); m++) {
            for (int i = 0; i < f.n; i++) {
                if (Double.isFinite(byModel[m][i])) {
                    ids.add(f.customerId[i]);
                    models.add(MODEL_NAMES.get(m));
                    scores.add(byModel[m][i]);
                    details.add("{\"risk_category\": \"" + s.riskCategory()[i] + "\", \"customer_key\": " + f.customerKey[i] + "}");
                }
            }
        }
        String version = "fap-analytics " + (PredictiveQueries.class.getPackage().getImplementationVersion() == null ? "dev"
                : PredictiveQueries.class.getPackage().getImplementationVersion()) + " seed=" + ctx.seed();
        try {
            ctx.sql().db().dsl().transaction(cfg -> {
                var tx = DSL.using(cfg);
                tx.execute("delete from gold.customer_scores where as_of_date = ?::date and model_name = any(?::text[])",
                        ctx.asOfDate(), MODEL_NAMES.toArray(String[]::new));
                tx.execute("""
                        insert into gold.customer_scores (customer_id, model_name, model_version, score, as_of_date, details)
                        select u.id, u.m, ?, u.s, ?::date, u.d::jsonb
                        from unnest(?::text[], ?::text[], ?::float8[], ?::text[]) as u(id, m, s, d)""",
                        version, ctx.asOfDate(), ids.toArray(String[]::new), models.toArray(String[]::new),
                        scores.toArray(Double[]::new), details.toArray(String[]::new));
            });
        } catch (org.jooq.exception.DataAccessException e) {
            throw Sql.translate(e, "insert into gold.customer_scores");
        }
        return ids.size();
    }

}
