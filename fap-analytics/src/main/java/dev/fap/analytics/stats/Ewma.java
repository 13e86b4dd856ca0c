package dev.fap.analytics.stats;

import dev.fap.core.FapException;
import java.util.stream.IntStream;

/**
 * Exponentially weighted moving average control chart (Roberts 1959; Montgomery, <i>Introduction to
 * Statistical Quality Control</i>, §9.2).
 *
 * <pre>{@code
 * EwmaChart c = Ewma.chart(approvalRatePerMinute, 0.2, 3.0, 30);
 * boolean anomalous = c.alarms().length > 0;
 * }</pre>
 *
 * <p>{@code μ0, σ0} = mean and sample standard deviation of the first {@code baseline} observations;
 * {@code z_0 = μ0}, {@code z_t = λx_t + (1 - λ)z_{t-1}}; limits
 * {@code μ0 ± Lσ0√(λ/(2 - λ)·(1 - (1 - λ)^{2t}))} for t = 1, 2, …
 */
public final class Ewma {
    private Ewma() {
    }

    /** The chart of {@code x} with weight λ, width L and a baseline of the first {@code baseline} values. */
    public static EwmaChart chart(double[] x, double lambda, double width, int baseline) {
        if (!(lambda > 0 && lambda <= 1) || !(width > 0)) {
            throw FapException.invalidArgument("EWMA needs 0 < λ ≤ 1 and L > 0, had λ=" + lambda + ", L=" + width,
                    "use e.g. λ = 0.2, L = 3");
        }
        if (baseline < 2) {
            throw FapException.invalidArgument("EWMA baseline must hold at least 2 observations, was " + baseline, "pass e.g. 20");
        }
        Checks.minSize(x, baseline, "an EWMA chart with a baseline of " + baseline);
        Checks.finite(x, "the monitored series");
        double[] base = java.util.Arrays.copyOf(x, baseline);
        Moments m = Moments.of(base);
        double mu = m.mean();
        double sd = m.sd();
        int n = x.length;
        double[] z = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double prev = mu;
        for (int t = 0; t < n; t++) {
            prev = lambda * x[t] + (1 - lambda) * prev;
            z[t] = prev;
            double h = width * sd * Math.sqrt(lambda / (2 - lambda) * (1 - Math.pow(1 - lambda, 2.0 * (t + 1))));
            lo[t] = mu - h;
            hi[t] = mu + h;
        }
        int[] alarms = IntStream.range(0, n).filter(t -> z[t] < lo[t] || z[t] > hi[t]).toArray();
        return new EwmaChart("EWMA control chart", lambda, width, baseline, mu, sd, z, lo, hi, alarms, IntStream.range(0, n).toArray());
    }

    /**
     * The chart of the observed values of {@code x}, where {@code NaN} marks a missing observation (a
     * quantity undefined at that point, such as the approval rate of an empty time bucket). Missing
     * observations are left out, not imputed: the chart is {@link #chart} of the present values in order,
     * the baseline is their first {@code baseline}, and {@link EwmaChart#index()} maps each position back
     * to its index in {@code x}.
     *
     * <pre>{@code
     * EwmaChart c = Ewma.chartSkippingMissing(new double[] {0.9, Double.NaN, 0.95, 0.92}, 0.2, 3.0, 2);
     * c.index(); // [0, 2, 3]
     * }</pre>
     */
    public static EwmaChart chartSkippingMissing(double[] x, double lambda, double width, int baseline) {
        int[] present = IntStream.range(0, x.length).filter(t -> !Double.isNaN(x[t])).toArray();
        double[] values = java.util.Arrays.stream(present).mapToDouble(t -> x[t]).toArray();
        EwmaChart c = chart(values, lambda, width, baseline);
        return new EwmaChart(c.method(), lambda, width, baseline, c.mean(), c.sd(), c.ewma(), c.lower(), c.upper(), c.alarms(), present);
    }
}
