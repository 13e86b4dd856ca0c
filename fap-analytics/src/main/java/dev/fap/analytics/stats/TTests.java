package dev.fap.analytics.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * t-based inference on means.
 *
 * <pre>{@code
 * WelchTTestResult r = TTests.welch(treated, control, 0.95);
 * if (r.pValue() < 0.05) { ... r.interval() ... }
 * MeanEstimate m = TTests.meanInterval(x, 0.95);
 * }</pre>
 */
public final class TTests {
    private TTests() {
    }

    /**
     * One-sample t interval: {@code x̄ ± t_{1-α/2, n-1} · s/√n}. Needs n ≥ 2.
     */
    public static MeanEstimate meanInterval(double[] x, double level) {
        Checks.level(level);
        Checks.minSize(x, 2, "a t interval");
        Moments m = Moments.of(x);
        double se = m.standardError();
        double h = Distributions.tCritical(level, m.n() - 1) * se;
        return new MeanEstimate("one-sample t", m.n(), m.mean(), m.sd(), se,
                new ConfidenceInterval(m.mean() - h, m.mean() + h, level));
    }

    /**
     * One-sample t interval from summary statistics (e.g. aggregated in SQL): {@code mean ± t_{1-α/2, n-1}·sd/√n}.
     */
    public static MeanEstimate meanInterval(long n, double mean, double sd, double level) {
        Checks.level(level);
        if (n < 2 || !Double.isFinite(mean) || !(sd >= 0)) {
            throw Checks.failure("a t interval needs n ≥ 2 and finite summaries, had n=" + n + ", mean=" + mean + ", sd=" + sd,
                    "collect more data");
        }
        double se = sd / Math.sqrt(n);
        double h = Distributions.tCritical(level, n - 1) * se;
        return new MeanEstimate("one-sample t", n, mean, sd, se, new ConfidenceInterval(mean - h, mean + h, level));
    }

    /**
     * Welch's t-test. With {@code v_i = s_i²/n_i}:
     * {@code t = (x̄1 - x̄2)/√(v1 + v2)}, {@code df = (v1 + v2)² / (v1²/(n1-1) + v2²/(n2-1))},
     * {@code p = 2·P(T_df > |t|)}, interval {@code (x̄1 - x̄2) ± t_{1-α/2, df}·√(v1 + v2)}.
     * Effect sizes: {@code d = (x̄1 - x̄2)/s_p} with {@code s_p² = ((n1-1)s1² + (n2-1)s2²)/(n1+n2-2)},
     * {@code g = d·J(m)}, {@code J(m) = Γ(m/2) / (√(m/2)·Γ((m-1)/2))}, {@code m = n1+n2-2}.
     *
     * @throws dev.fap.core.FapException ANALYSIS_FAILED when a sample has fewer than 2 values or
     *                                   both samples are constant
     */
    public static WelchTTestResult welch(double[] a, double[] b, double level) {
        Checks.minSize(a, 2, "Welch's t-test (sample 1)");
        Checks.minSize(b, 2, "Welch's t-test (sample 2)");
        return welch(Moments.of(a), Moments.of(b), level);
    }

    /** Welch's t-test from summary statistics (e.g. aggregated in SQL); formulas as {@link #welch(double[], double[], double)}. */
    public static WelchTTestResult welch(Moments ma, Moments mb, double level) {
        Checks.level(level);
        if (ma.n() < 2 || mb.n() < 2) {
            throw Checks.failure("Welch's t-test needs at least 2 observations per group, had " + ma.n() + " and " + mb.n(),
                    "collect more data in the smaller group");
        }
        double va = ma.variance() / ma.n();
        double vb = mb.variance() / mb.n();
        double se2 = va + vb;
        if (!(se2 > 0)) {
            throw Checks.failure("Welch's t-test is undefined: both samples are constant",
                    "compare a variable that varies within the groups");
        }
        double se = Math.sqrt(se2);
        double diff = ma.mean() - mb.mean();
        double t = diff / se;
        double df = se2 * se2 / (va * va / (ma.n() - 1) + vb * vb / (mb.n() - 1));
        double p = Distributions.tTwoSided(t, df);
        double h = Distributions.tCritical(level, df) * se;
        double m = ma.n() + mb.n() - 2.0;
        double sp = Math.sqrt(((ma.n() - 1) * ma.variance() + (mb.n() - 1) * mb.variance()) / m);
        double d = diff / sp;
        double j = Math.exp(Gamma.logGamma(m / 2) - Gamma.logGamma((m - 1) / 2)) / Math.sqrt(m / 2);
        return new WelchTTestResult("Welch two-sample t-test", ma.n(), mb.n(), ma.mean(), mb.mean(), diff, se, t, df, p,
                new ConfidenceInterval(diff - h, diff + h, level), d, d * j);
    }
}
