package dev.fap.analytics;

import dev.fap.analytics.internal.CausalQueries;
import dev.fap.analytics.internal.Context;
import dev.fap.analytics.internal.FactClock;
import dev.fap.analytics.internal.DataCurrency;
import dev.fap.analytics.internal.DescriptiveQueries;
import dev.fap.analytics.internal.DiagnosticQueries;
import dev.fap.analytics.internal.ExploratoryQueries;
import dev.fap.analytics.internal.InferentialQueries;
import dev.fap.analytics.internal.PredictiveQueries;
import dev.fap.analytics.internal.PrescriptiveQueries;
import dev.fap.analytics.internal.RealtimeQueries;
import dev.fap.analytics.internal.Sql;
import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The eight analytics types over the gold star schema, with real statistics. The one entry point of
 * {@code fap-analytics}.
 *
 * <pre>{@code
 * Analytics analytics = Analytics.on(db);                 // seed 42, 95% intervals
 * DescriptiveAnalysis d = analytics.descriptive();
 * CausalAnalysis c = analytics.withSeed(7).causal();
 * AnalyticsReport all = analytics.all();                  // all eight, with timings and failures
 * all.writeJson(Path.of("fap-out/analytics.json"));
 * }</pre>
 *
 * <p>Aggregation runs in PostgreSQL (GROUP BY over {@code gold.*}, plus the silver staging tables for
 * campaign contacts, interactions, loan payments and economic indicators); only per-customer feature rows
 * and model inputs are fetched. The passes over {@code gold.fact_transactions} that several analyses share
 * (transaction cube, fraud factors, per-customer features, fraud model input, campaign windows) are one
 * binary {@code COPY} of the fact's integer front columns, grouped in the JVM with exact integer sums and
 * finished by the same SQL (on PgJDBC connections; with large tables two halves at once, on one more pooled
 * connection sharing the first one's snapshot). Every random step (train/test split, bootstrap, k-means starts) uses the
 * seed, so the same data and seed give the same results. {@link #predictive()} writes the scores to
 * {@code gold.customer_scores}.
 *
 * <p>Each method computes one analysis on a fresh snapshot of the data. Parts that cannot be computed
 * (no fraud at all, no campaigns, too few customers) are {@code null} in the result and listed in
 * {@link AnalyticsReport#failures()} when run through {@link #all()}; a whole analysis that cannot be
 * computed throws {@link FapException} with {@link ErrorCode#ANALYSIS_FAILED}. Immutable and thread-safe.
 */
public final class Analytics {
    private final Database db;
    private final long seed;
    private final double level;
    private final Double retentionBudget;
    private final double offerCost;
    private final double retentionUplift;
    private final RealtimeWindow window;
    private final ProgressListener progress;
    private final int parallelism;

    private Analytics(Database db, long seed, double level, Double retentionBudget, double offerCost, double retentionUplift,
                      RealtimeWindow window, ProgressListener progress, int parallelism) {
        this.db = db;
        this.seed = seed;
        this.level = level;
        this.retentionBudget = retentionBudget;
        this.offerCost = offerCost;
        this.retentionUplift = retentionUplift;
        this.window = window;
        this.progress = progress;
        this.parallelism = parallelism;
    }

    /** Analytics over the warehouse in {@code db}: seed 42, 95% intervals, offer cost 50, uplift 25%, default window. */
    public static Analytics on(Database db) {
        return new Analytics(Objects.requireNonNull(db, "db"), 42L, 0.95, null, 50.0, 0.25, RealtimeWindow.defaults(),
                ProgressListener.NONE, DEFAULT_PARALLELISM);
    }

    /** With another seed for splits, bootstraps and k-means. */
    public Analytics withSeed(long seed) {
        return new Analytics(db, seed, level, retentionBudget, offerCost, retentionUplift, window, progress, parallelism);
    }

    /** With another confidence level in (0, 1) for every interval. */
    public Analytics withLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw FapException.invalidArgument("confidence level must lie in (0, 1), was " + level, "pass e.g. 0.95");
        }
        return new Analytics(db, seed, level, retentionBudget, offerCost, retentionUplift, window, progress, parallelism);
    }

    /** With a retention budget (default: a quarter of the cost of making every customer an offer). */
    public Analytics withRetentionBudget(double budget) {
        if (!(budget >= 0) || Double.isInfinite(budget)) {
            throw FapException.invalidArgument("retention budget must be finite and ≥ 0, was " + budget, "pass e.g. 50000");
        }
        return new Analytics(db, seed, level, budget, offerCost, retentionUplift, window, progress, parallelism);
    }

    /** With the cost of one retention offer (default 50) and the share of would-be churners it keeps (default 0.25). */
    public Analytics withRetentionOffer(double cost, double uplift) {
        if (!(cost > 0) || !(uplift > 0 && uplift <= 1)) {
            throw FapException.invalidArgument("offer cost must be > 0 and uplift in (0, 1], had " + cost + " and " + uplift,
                    "pass e.g. 50 and 0.25");
        }
        return new Analytics(db, seed, level, retentionBudget, cost, uplift, window, progress, parallelism);
    }

    /** With the window used by {@link #all()} for the real-time analysis. */
    public Analytics withRealtimeWindow(RealtimeWindow window) {
        return new Analytics(db, seed, level, retentionBudget, offerCost, retentionUplift, Objects.requireNonNull(window, "window"),
                progress, parallelism);
    }

    /** With a listener told about each analysis ({@code analyze:descriptive}, ...). */
    public Analytics withProgress(ProgressListener progress) {
        return new Analytics(db, seed, level, retentionBudget, offerCost, retentionUplift, window,
                Objects.requireNonNull(progress, "progress"), parallelism);
    }

    /**
     * With how many analyses {@link #all()} runs at once, each on its own pooled connection (default
     * {@value #DEFAULT_PARALLELISM}: PostgreSQL aggregates for one analysis while the JVM computes
     * statistics for another). 1 runs them one after another. The results are the same either way;
     * only {@link AnalyticsReport#timings()} and the measured latencies of the real-time analysis differ.
     * Use at most the connection pool's size ({@code FAP_POOL_SIZE}, default 4).
     */
    public Analytics withParallelism(int analyses) {
        if (analyses < 1 || analyses > 8) {
            throw FapException.invalidArgument("parallelism must be between 1 and 8 analyses at once, was " + analyses,
                    "pass 1 for one after another, or the number of cores");
        }
        return new Analytics(db, seed, level, retentionBudget, offerCost, retentionUplift, window, progress, analyses);
    }

    /**
     * The ISO 4217 code of the data's amounts, as in {@link AnalyticsReport#currency()}: the most frequent
     * code among the accounts of {@code silver.stg_accounts}, {@link AnalyticsReport#NO_CURRENCY} when
     * none carries one. Pass it to the report pages of a single analysis:
     * {@code AnalyticsPages.descriptive(analytics.descriptive(), analytics.currency())}.
     */
    public String currency() {
        return DataCurrency.load(new Sql(db));
    }

    /** KPIs, trends, mix, demographics, products, merchants, account status. */
    public DescriptiveAnalysis descriptive() {
        return DescriptiveQueries.run(context());
    }

    /** Fraud drivers, churn by tenure, declines, delinquency, satisfaction. */
    public DiagnosticAnalysis diagnostic() {
        return DiagnosticQueries.run(context());
    }

    /** Segments, correlations, outliers, spending patterns. */
    public ExploratoryAnalysis exploratory() {
        return ExploratoryQueries.run(context());
    }

    /** t-tests, bootstrap intervals, campaign A/B tests, retention, BH. */
    public InferentialAnalysis inferential() {
        return InferentialQueries.run(context());
    }

    /** Churn, fraud and default models; CLV; risk; writes {@code gold.customer_scores}. */
    public PredictiveAnalysis predictive() {
        return PredictiveQueries.run(context());
    }

    /** Next best offer and the retention budget LP. */
    public PrescriptiveAnalysis prescriptive() {
        return PrescriptiveQueries.run(context());
    }

    /** Campaign effect (DiD, ratio DiD, IPW), attribution, economic impact. */
    public CausalAnalysis causal() {
        return CausalQueries.run(context());
    }

    /** Sliding-window monitoring of the newest transactions with the configured window. */
    public RealtimeAnalysis realtime() {
        return realtime(window);
    }

    /** Sliding-window monitoring of the newest transactions. */
    public RealtimeAnalysis realtime(RealtimeWindow window) {
        return RealtimeQueries.run(context(), Objects.requireNonNull(window, "window"));
    }

    /**
     * All eight analyses on one snapshot (features and models are computed once and shared). An analysis
     * that fails is {@code null} in the report and its reason is listed in {@link AnalyticsReport#failures()}.
     * Up to {@link #withParallelism(int)} analyses run at once; the report is the same as when they run
     * one after another (failures are listed in analysis order).
     */
    public AnalyticsReport all() {
        Context ctx = context();
        List<Step> steps = List.of(
                new Step("descriptive", DescriptiveQueries::run),
                new Step("diagnostic", DiagnosticQueries::run),
                new Step("exploratory", ExploratoryQueries::run),
                new Step("inferential", InferentialQueries::run),
                new Step("predictive", PredictiveQueries::run),
                new Step("prescriptive", PrescriptiveQueries::run),
                new Step("causal", CausalQueries::run),
                new Step("realtime", x -> RealtimeQueries.run(x, window)));
        Object[] results = new Object[steps.size()];
        long[] millis = new long[steps.size()];
        if (parallelism == 1) {
            for (int k = 0; k < steps.size(); k++) {
                results[k] = step(ctx, steps.get(k), millis, k);
            }
        } else {
            runConcurrently(ctx, steps, results, millis);
        }
        List<StepTiming> timings = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            timings.add(new StepTiming(steps.get(k).name(), millis[k]));
        }
        String currency = currency(ctx);
        List<String> order = steps.stream().map(Step::name).toList();
        return new AnalyticsReport(ctx.asOfDate(), seed, level, currency, (DescriptiveAnalysis) results[0], (DiagnosticAnalysis) results[1],
                (ExploratoryAnalysis) results[2], (InferentialAnalysis) results[3], (PredictiveAnalysis) results[4],
                (PrescriptiveAnalysis) results[5], (CausalAnalysis) results[6], (RealtimeAnalysis) results[7], ctx.failures(order),
                List.copyOf(timings));
    }

    /** The data's currency; {@link AnalyticsReport#NO_CURRENCY} and a failure named "currency" when it cannot be read. */
    private static String currency(Context ctx) {
        try {
            return ctx.currency();
        } catch (FapException ex) {
            if (ex.code() != ErrorCode.ANALYSIS_FAILED) {
                throw ex;
            }
            ctx.fail("currency", ex);
            return AnalyticsReport.NO_CURRENCY;
        }
    }

    /** Default of {@link #withParallelism(int)}: two analyses at once. */
    public static final int DEFAULT_PARALLELISM = 2;

    /**
     * Every relation the analyses read (qualified names): a pipeline may start them as soon as these are
     * built, e.g. while the warehouse still builds the daily snapshot and the monthly fact, which they never
     * read. {@code gold.customer_scores} is also written (the predictive scores).
     *
     * <pre>{@code
     * Analytics.INPUTS.contains("gold.fact_transactions");   // true: wait for it
     * }</pre>
     */
    public static final Set<String> INPUTS = Set.of("bronze.fraud_alerts", "bronze.transactions", "fap_meta.load_batches",
            "gold.customer_scores", "gold.dim_customer", "gold.dim_merchant", "gold.dim_product", "gold.fact_transactions",
            "silver.stg_accounts", "silver.stg_campaign_contacts", "silver.stg_customer_interactions",
            "silver.stg_economic_indicators", "silver.stg_loan_payments", "silver.stg_marketing_campaigns");

    /**
     * Start order on the pool: the per-customer features first (exploratory, inferential, predictive and
     * prescriptive wait for them), then the longest analyses, so the two connections finish together.
     */
    private static final List<String> START_ORDER = List.of("descriptive", "causal", "exploratory", "predictive", "inferential",
            "diagnostic", "prescriptive", "realtime");

    private record Step(String name, Function<Context, Object> analysis) {
    }

    private void runConcurrently(Context ctx, List<Step> steps, Object[] results, long[] millis) {
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "fap-analytics-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            futures.add(pool.submit(() -> {
                try {
                    ctx.features();
                } catch (RuntimeException e) {
                    // each analysis that needs the features reports the failure itself
                }
            }));
            Future<?>[] byStep = new Future<?>[steps.size()];
            for (String name : START_ORDER) {
                int k = order(steps, name);
                byStep[k] = pool.submit(() -> {
                    results[k] = step(ctx, steps.get(k), millis, k);
                });
            }
            for (Future<?> f : byStep) {
                futures.add(f);
            }
            RuntimeException first = null;
            for (int k = 0; k < steps.size(); k++) {
                try {
                    byStep[k].get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                        futures.forEach(f -> f.cancel(true));
                    }
                } catch (CancellationException e) {
                    // cancelled after an earlier failure
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FapException(ErrorCode.INTERNAL, "interrupted while running the analyses", "do not interrupt Analytics.all()", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int order(List<Step> steps, String name) {
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private Object step(Context ctx, Step step, long[] millis, int k) {
        String name = "analyze:" + step.name();
        progress.stepStarted(name, 1);
        long t0 = System.nanoTime();
        Object result = null;
        try {
            result = step.analysis().apply(ctx);
        } catch (FapException ex) {
            if (ex.code() != ErrorCode.ANALYSIS_FAILED) {
                throw ex;
            }
            ctx.fail(step.name(), ex);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        millis[k] = ms;
        progress.stepFinished(name, result == null ? 0 : 1, ms);
        return result;
    }

    private Context context() {
        Sql sql = new Sql(db);
        return new Context(sql, FactClock.load(sql), seed, level, retentionBudget, offerCost, retentionUplift);
    }

    @Override
    public String toString() {
        return "Analytics[" + db + ", seed=" + seed + ", level=" + level + "]";
    }
}
