package dev.fap.analytics.stats;

import dev.fap.core.FapException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Treatment effects by inverse propensity weighting, with a logistic propensity model and a seeded
 * bootstrap (units resampled, propensity re-fitted in every replicate).
 *
 * <pre>{@code
 * TreatmentEffect att = PropensityWeighting.defaults().withSeed(1)
 *         .att(List.of("age", "income"), covariates, treated, outcome, 0.95);
 * }</pre>
 *
 * <p>Propensity {@code e(x) = P(T = 1 | x)} by logistic regression (ridge λ = 1e-6 for numerical
 * safety), clipped to {@code [0.01, 0.99]}. Normalised (Hajek) estimators:
 * ATE {@code = Σ T y/e / Σ T/e - Σ (1-T) y/(1-e) / Σ (1-T)/(1-e)};
 * ATT {@code = mean_{T=1}(y) - Σ_{T=0} w y / Σ_{T=0} w}, {@code w = e/(1-e)}.
 * Interval: bootstrap percentile; SE: standard deviation of the replicates. Immutable and thread-safe.
 */
public final class PropensityWeighting {
    /** Propensities are clipped to {@code [CLIP, 1 - CLIP]}. */
    public static final double CLIP = 0.01;

    private final int replicates;
    private final long seed;

    private PropensityWeighting(int replicates, long seed) {
        this.replicates = replicates;
        this.seed = seed;
    }

    /** 500 bootstrap replicates, seed 42. */
    public static PropensityWeighting defaults() {
        return new PropensityWeighting(500, 42L);
    }

    /** With another number of replicates (≥ 100). */
    public PropensityWeighting withReplicates(int replicates) {
        if (replicates < 100) {
            throw FapException.invalidArgument("need at least 100 bootstrap replicates, was " + replicates, "pass e.g. 500");
        }
        return new PropensityWeighting(replicates, seed);
    }

    /** With another seed. */
    public PropensityWeighting withSeed(long seed) {
        return new PropensityWeighting(replicates, seed);
    }

    /** Average treatment effect on the treated. {@code treated[i]} is 0/1. */
    public TreatmentEffect att(List<String> names, double[][] x, double[] treated, double[] y, double level) {
        return estimate(names, x, treated, y, level, true);
    }

    /** Average treatment effect. */
    public TreatmentEffect ate(List<String> names, double[][] x, double[] treated, double[] y, double level) {
        return estimate(names, x, treated, y, level, false);
    }

    private TreatmentEffect estimate(List<String> names, double[][] x, double[] t, double[] y, double level, boolean att) {
        Checks.level(level);
        int n = y.length;
        if (t.length != n || x.length != n) {
            throw FapException.invalidArgument("covariates, treatment and outcome differ in length", "pass one row per unit");
        }
        Checks.finite(y, "outcome");
        long nt = 0;
        for (double v : t) {
            if (v == 1) {
                nt++;
            } else if (v != 0) {
                throw FapException.invalidArgument("treatment must be 0 or 1, found " + v, "encode treatment as 0/1");
            }
        }
        if (nt < 2 || n - nt < 2) {
            throw Checks.failure("propensity weighting needs at least 2 treated and 2 control units, had " + nt + " and " + (n - nt),
                    "check the treatment assignment");
        }
        double[] point = effect(names, x, t, y, att);
        double[] reps = new double[replicates];
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] bx = new double[n][];
        double[] bt = new double[n];
        double[] by = new double[n];
        int done = 0;
        int attempts = 0;
        while (done < replicates) {
            attempts++;
            if (attempts > replicates * 3) {
                throw Checks.failure("bootstrap of the propensity model failed in most replicates",
                        "the groups are too small or the covariates separate them");
            }
            long ntb = 0;
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                bx[i] = x[j];
                bt[i] = t[j];
                by[i] = y[j];
                ntb += (long) t[j];
            }
            if (ntb < 2 || n - ntb < 2) {
                continue;
            }
            try {
                reps[done] = effect(names, bx, bt, by, att)[0];
                done++;
            } catch (FapException e) {
                // a degenerate resample; draw another
            }
        }
        Moments m = Moments.of(reps);
        double[] sorted = reps.clone();
        java.util.Arrays.sort(sorted);
        double a = (1 - level) / 2;
        double se = m.sd();
        return new TreatmentEffect("inverse propensity weighting (Hajek), logistic propensity, bootstrap percentile interval",
                att ? "ATT" : "ATE", nt, n - nt, point[0], se,
                new ConfidenceInterval(Quantiles.ofSorted(sorted, a), Quantiles.ofSorted(sorted, 1 - a), level),
                se > 0 ? Distributions.normalTwoSided(point[0] / se) : 1.0, replicates, seed, point[1]);
    }

    /** [effect, Kish effective control n]. */
    static double[] effect(List<String> names, double[][] x, double[] t, double[] y, boolean att) {
        LogisticModel ps = LogisticRegression.defaults().withRidge(1e-6).fit(names, x, t);
        double st = 0;
        double sty = 0;
        double sc = 0;
        double scy = 0;
        double sc2 = 0;
        for (int i = 0; i < y.length; i++) {
            double e = Math.min(1 - CLIP, Math.max(CLIP, ps.probability(x[i])));
            if (t[i] == 1) {
                double w = att ? 1.0 : 1 / e;
                st += w;
                sty += w * y[i];
            } else {
                double w = att ? e / (1 - e) : 1 / (1 - e);
                sc += w;
                scy += w * y[i];
                sc2 += w * w;
            }
        }
        return new double[] {sty / st - scy / sc, sc * sc / sc2};
    }
}
