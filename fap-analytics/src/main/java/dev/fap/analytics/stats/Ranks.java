package dev.fap.analytics.stats;

import java.util.Arrays;

/** Average ranks (ties get the mean of the ranks they span), 1-based, as {@code scipy.stats.rankdata}. */
final class Ranks {
    private Ranks() {
    }

    /**
     * By a primitive sort of a copy: a value's average rank is the mean of the first and last sorted
     * positions it occupies (found by binary search), so no boxed index sort is needed on large samples.
     */
    static double[] average(double[] x) {
        int n = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            int first = bound(sorted, x[i], false);
            int last = bound(sorted, x[i], true) - 1;
            r[i] = (first + last) / 2.0 + 1.0;
        }
        return r;
    }

    /** The first position whose value is ≥ v ({@code after = false}) or > v ({@code after = true}). */
    private static int bound(double[] sorted, double v, boolean after) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(sorted[mid], v);
            if (c < 0 || (after && c == 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
