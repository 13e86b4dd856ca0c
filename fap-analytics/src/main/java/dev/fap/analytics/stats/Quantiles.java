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

    /**
     * The p-quantile of {@code x} (unsorted; not modified) by selection instead of sorting: the same value
     * as {@link #of(double[], double)} in O(n) expected time, for statistics evaluated thousands of times
     * (bootstrap and jackknife replicates of a median). Quickselect (Hoare partition, median-of-three
     * pivot) for the order statistic {@code ⌊h⌋}, then the smallest value above it for {@code ⌊h⌋+1}.
     */
    public static double select(double[] x, double p) {
        Checks.minSize(x, 1, "a quantile");
        if (!(p >= 0 && p <= 1)) {
            throw dev.fap.core.FapException.invalidArgument("quantile probability must lie in [0, 1], was " + p,
                    "pass e.g. 0.25 for the first quartile");
        }
        double[] a = x.clone();
        double h = (a.length - 1) * p;
        int lo = (int) Math.floor(h);
        double vLo = nth(a, lo);
        if (lo + 1 >= a.length || h == lo) {
            return vLo;
        }
        double vHi = a[lo + 1];
        for (int i = lo + 2; i < a.length; i++) {
            vHi = Math.min(vHi, a[i]);
        }
        return vLo + (h - lo) * (vHi - vLo);
    }

    /** Rearranges {@code a} so that {@code a[k]} is its k-th smallest value, smaller ones before, larger after. */
    private static double nth(double[] a, int k) {
        int left = 0;
        int right = a.length - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            // median of three as pivot, moved to a[left]
            if (a[mid] < a[left]) {
                swap(a, mid, left);
            }
            if (a[right] < a[left]) {
                swap(a, right, left);
            }
            if (a[right] < a[mid]) {
                swap(a, right, mid);
            }
            swap(a, left, mid);
            double pivot = a[left];
            int i = left;
            int j = right + 1;
            while (true) {
                do {
                    i++;
                } while (i <= right && a[i] < pivot);
                do {
                    j--;
                } while (a[j] > pivot);
                if (i >= j) {
                    break;
                }
                swap(a, i, j);
            }
            swap(a, left, j);
            if (j == k) {
                return a[k];
            } else if (j < k) {
                left = j + 1;
            } else {
                right = j - 1;
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
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
