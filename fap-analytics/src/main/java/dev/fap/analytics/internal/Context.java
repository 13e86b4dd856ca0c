package dev.fap.analytics.internal;

import dev.fap.analytics.AnalysisFailure;
import dev.fap.core.FapException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What every analysis of one run needs: SQL access, the data's first and as-of dates and currency, the seed, the confidence
 * level, the prescriptive parameters, the per-customer features (loaded once, on first use) and a sink
 * for parts that could not be computed.
 */
public final class Context {
    private final Sql sql;
    private final FactClock clock;
    private final long seed;
    private final double level;
    private final Double retentionBudget;
    private final double offerCost;
    private final double retentionUplift;
    private final List<AnalysisFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentHashMap<String, FutureTask<Object>> shared = new ConcurrentHashMap<>();

    public Context(Sql sql, FactClock clock, long seed, double level, Double retentionBudget, double offerCost,
                   double retentionUplift) {
        this.sql = sql;
        this.clock = clock;
        this.seed = seed;
        this.level = level;
        this.retentionBudget = retentionBudget;
        this.offerCost = offerCost;
        this.retentionUplift = retentionUplift;
    }

    public Sql sql() {
        return sql;
    }

    /** The first transaction day of the data (the first day of every observation window). */
    public LocalDate startDate() {
        return clock.startDate();
    }

    /** The data's clock, read first in a run. */
    public FactClock clock() {
        return clock;
    }

    /** The monthly and recent customer activity, from the per-customer features' pass (waits for it). */
    public CustomerActivity activity() {
        return features().activity();
    }

    /** The last transaction day of the data: its "now". */
    public LocalDate asOfDate() {
        return clock.asOfDate();
    }

    public long seed() {
        return seed;
    }

    public double level() {
        return level;
    }

    /** The budget, or null for the default (a quarter of the cost of treating every customer). */
    public Double retentionBudget() {
        return retentionBudget;
    }

    public double offerCost() {
        return offerCost;
    }

    public double retentionUplift() {
        return retentionUplift;
    }

    /** ISO 4217 code of the data's amounts (see {@link DataCurrency}), read on first use. */
    public String currency() {
        return shared("currency", () -> DataCurrency.load(sql));
    }

    /** Per-customer features, loaded on first use. */
    public CustomerFeatures features() {
        return shared("features", () -> CustomerFeatures.load(this));
    }

    /**
     * The value computed once per run under {@code key} and shared by the analyses (thread-safe: a
     * second caller waits for the first computation instead of repeating it; a failure is rethrown to
     * every caller).
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, Callable<T> compute) {
        FutureTask<Object> task = shared.computeIfAbsent(key, k -> new FutureTask<>(compute::call));
        task.run(); // no-op when another thread already ran or is running it
        try {
            return (T) task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FapException(dev.fap.core.ErrorCode.INTERNAL, "interrupted while waiting for the shared " + key,
                    "do not interrupt the analysing threads", e);
        }
    }

    /** Records a part of an analysis that could not be computed. */
    public void fail(String analysis, FapException e) {
        failures.add(new AnalysisFailure(analysis, e.code().name(), e.getMessage(), e.hint()));
    }

    public List<AnalysisFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /**
     * The failures ordered by analysis ({@code order} lists the analysis names; a failure named
     * {@code "causal.perCampaign[C1]"} belongs to {@code "causal"}), each analysis's failures in the
     * order they were recorded: the same list whether the analyses ran one after another or at once.
     */
    public List<AnalysisFailure> failures(List<String> order) {
        List<AnalysisFailure> sorted = new ArrayList<>(failures());
        sorted.sort(Comparator.comparingInt(f -> {
            int i = order.indexOf(f.analysis().split("[.\\[]", 2)[0]);
            return i < 0 ? order.size() : i;
        }));
        return List.copyOf(sorted);
    }
}
