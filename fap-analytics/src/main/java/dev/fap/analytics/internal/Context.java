package dev.fap.analytics.internal;

import dev.fap.analytics.AnalysisFailure;
import dev.fap.core.FapException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What every analysis of one run needs: SQL access, the data's as-of date, the seed, the confidence
 * level, the prescriptive parameters, the per-customer features (loaded once, on first use) and a sink
 * for parts that could not be computed.
 */
public final class Context {
    private final Sql sql;
    private final LocalDate asOfDate;
    private final long seed;
    private final double level;
    private final Double retentionBudget;
    private final double offerCost;
    private final double retentionUplift;
    private final List<AnalysisFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private CustomerFeatures features;

    public Context(Sql sql, LocalDate asOfDate, long seed, double level, Double retentionBudget, double offerCost,
                   double retentionUplift) {
        this.sql = sql;
        this.asOfDate = asOfDate;
        this.seed = seed;
        this.level = level;
        this.retentionBudget = retentionBudget;
        this.offerCost = offerCost;
        this.retentionUplift = retentionUplift;
    }

    public Sql sql() {
        return sql;
    }

    public LocalDate asOfDate() {
        return asOfDate;
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

    /** Per-customer features, loaded on first use. */
    public synchronized CustomerFeatures features() {
        if (features == null) {
            features = CustomerFeatures.load(this);
        }
        return features;
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
}
