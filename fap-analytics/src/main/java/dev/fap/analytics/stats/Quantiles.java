package dev.fap.analytics.stats;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, the default
 * of R's {@code quantile} and NumPy's {@code percentile}): for sorted {@code x} and probability p,
 * {@code h = (n - 1)p}, {@code Q(p) = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋])}.
 *
 * <pre>{@code
 * double median = Quantiles.of(x, 0.5);
 * }</pre>
 */
public final class Quantiles {
    private Quantiles() {
    }

    /** The p-quantile of {@code x} (unsorted; not modified). */
    public static double of(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        return ofSorted(s, p);
    }

    /** The p-quantile of an already sorted array. */
    public static double ofSorted(double[] sorted, double p) {
        Checks.minSize(sorted, 1, "a quantile");
        if (!(p >= 0 && p <= 1)) {
            throw dev.fap.core.FapException.invalidArgument("quantile probability must lie in [0, 1], was " + p,
                    "pass e.g. 0.25 for the first quartile");
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
