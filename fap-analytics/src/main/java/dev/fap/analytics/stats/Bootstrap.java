package dev.fap.analytics.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Nonparametric bootstrap confidence intervals with a seeded generator (percentile and BCa), following
 * Efron &amp; Tibshirani (1993) and the conventions of {@code scipy.stats.bootstrap}.
 *
 * <pre>{@code
 * Bootstrap boot = Bootstrap.of(2000, 42L);
 * BootstrapResult median = boot.bca(x, s -> Quantiles.of(s, 0.5), 0.95);
 * BootstrapResult mean = boot.percentile(x, Bootstrap.MEAN, 0.95);
 * }</pre>
 *
 * <p>Immutable and thread-safe: each call creates its own {@link SplittableRandom} from the seed.
 */
public final class Bootstrap {
    /** The sample mean as a statistic. */
    public static final ToDoubleFunction<double[]> MEAN = s -> Moments.of(s).mean();

    /** Interval methods. */
    public enum Method {
        /** Quantiles {@code α/2} and {@code 1-α/2} of the replicates. */
        PERCENTILE("bootstrap percentile"),
        /** Bias-corrected and accelerated. */
        BCA("bootstrap BCa");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final int replicates;
    private final long seed;

    private Bootstrap(int replicates, long seed) {
        this.replicates = replicates;
        this.seed = seed;
    }

    /** A bootstrap with {@code replicates} resamples (at least 100) and a fixed seed. */
    public static Bootstrap of(int replicates, long seed) {
        if (replicates < 100) {
            throw dev.fap.core.FapException.invalidArgument("bootstrap needs at least 100 replicates, was " + replicates,
                    "use 1000 or more for 95% intervals");
        }
        return new Bootstrap(replicates, seed);
    }

    public int replicates() {
        return replicates;
    }

    public long seed() {
        return seed;
    }

    /** Percentile interval of {@code statistic} over {@code x}. */
    public BootstrapResult percentile(double[] x, ToDoubleFunction<double[]> statistic, double level) {
        return interval(x, statistic, level, Method.PERCENTILE);
    }

    /** BCa interval of {@code statistic} over {@code x}. */
    public BootstrapResult bca(double[] x, ToDoubleFunction<double[]> statistic, double level) {
        return interval(x, statistic, level, Method.BCA);
    }

    /** Interval by {@code method}. Needs n ≥ 2 finite values. */
    public BootstrapResult interval(double[] x, ToDoubleFunction<double[]> statistic, double level, Method method) {
        Checks.level(level);
        Checks.minSize(x, 2, "a bootstrap interval");
        Checks.finite(x, "a bootstrap sample");
        return fromReplicates(x, statistic, resample(x, statistic), level, method, seed);
    }

    /** The B bootstrap replicates of {@code statistic}: resampling with replacement, seeded. */
    public double[] resample(double[] x, ToDoubleFunction<double[]> statistic) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[replicates];
        double[] buf = new double[x.length];
        for (int b = 0; b < replicates; b++) {
            for (int i = 0; i < buf.length; i++) {
                buf[i] = x[rng.nextInt(x.length)];
            }
            out[b] = statistic.applyAsDouble(buf);
        }
        return out;
    }

    /**
     * The interval from given replicates θ*_1..θ*_B (exposed so it can be checked against scipy with the
     * same replicates). Percentile: {@code [Q(α/2), Q(1-α/2)]} of the replicates (type-7 quantiles).
     * BCa: {@code z0 = Φ⁻¹((#{θ* < θ̂} + #{θ* ≤ θ̂}) / 2B)}; jackknife values θ_(i) with mean θ_(·),
     * {@code a = Σ(θ_(·) - θ_(i))³ / (6·(Σ(θ_(·) - θ_(i))²)^{3/2})};
     * {@code α_k = Φ(z0 + (z0 + z_k)/(1 - a(z0 + z_k)))} for {@code z_k = Φ⁻¹(α/2), Φ⁻¹(1-α/2)};
     * interval {@code [Q(α_1), Q(α_2)]}.
     *
     * @throws dev.fap.core.FapException ANALYSIS_FAILED when all replicates are equal (degenerate sample)
     */
    public static BootstrapResult fromReplicates(double[] x, ToDoubleFunction<double[]> statistic, double[] replicates,
                                                 double level, Method method, long seed) {
        Checks.level(level);
        Checks.finite(replicates, "bootstrap replicates");
        double theta = statistic.applyAsDouble(x);
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        if (sorted[0] == sorted[sorted.length - 1]) {
            throw Checks.failure("bootstrap distribution is degenerate: all " + sorted.length + " replicates equal " + sorted[0],
                    "the sample is (nearly) constant; report the estimate without an interval");
        }
        Moments mr = Moments.of(replicates);
        double alpha = (1 - level) / 2;
        double lo;
        double hi;
        if (method == Method.PERCENTILE) {
            lo = Quantiles.ofSorted(sorted, alpha);
            hi = Quantiles.ofSorted(sorted, 1 - alpha);
        } else {
            int below = 0;
            int belowEq = 0;
            for (double r : sorted) {
                if (r < theta) {
                    below++;
                }
                if (r <= theta) {
                    belowEq++;
                }
            }
            double z0 = Distributions.normalQuantile((below + belowEq) / (2.0 * sorted.length));
            double a = acceleration(x, statistic);
            double zl = Distributions.normalQuantile(alpha);
            double zu = -zl;
            double a1 = Distributions.normalCdf(z0 + (z0 + zl) / (1 - a * (z0 + zl)));
            double a2 = Distributions.normalCdf(z0 + (z0 + zu) / (1 - a * (z0 + zu)));
            if (!Double.isFinite(z0) || !Double.isFinite(a1) || !Double.isFinite(a2)) {
                throw Checks.failure("BCa interval is undefined: the estimate lies outside the bootstrap distribution",
                        "use the percentile method for this statistic");
            }
            lo = Quantiles.ofSorted(sorted, a1);
            hi = Quantiles.ofSorted(sorted, a2);
        }
        return new BootstrapResult(method.label(), x.length, replicates.length, seed, theta, mr.sd(),
                mr.mean() - theta, new ConfidenceInterval(lo, hi, level));
    }

    /** Jackknife acceleration {@code a = Σd³ / (6 (Σd²)^{3/2})}, {@code d_i = θ_(·) - θ_(i)}; 0 if all equal. */
    static double acceleration(double[] x, ToDoubleFunction<double[]> statistic) {
        int n = x.length;
        double[] jack = new double[n];
        double[] buf = new double[n - 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, buf, 0, i);
            System.arraycopy(x, i + 1, buf, i, n - 1 - i);
            jack[i] = statistic.applyAsDouble(buf);
        }
        double mean = Moments.of(jack).mean();
        double s2 = 0;
        double s3 = 0;
        for (double j : jack) {
            double d = mean - j;
            s2 += d * d;
            s3 += d * d * d;
        }
        return s2 == 0 ? 0.0 : s3 / (6 * Math.pow(s2, 1.5));
    }
}
