package dev.fap.analytics.stats;

import java.util.Arrays;

/**
 * The stable ascending order of a double array as an index permutation, by primitive sorts: each value's
 * position among the sorted distinct values is packed with its index into one {@code long}, and the longs
 * are sorted. Equal values keep their index order, like a stable sort of boxed indices by
 * {@link Double#compare}, without boxing millions of indices (ROC and calibration of grouped models).
 */
public final class SortOrder {
    private SortOrder() {
    }

    /** Indices of {@code v} in ascending order of value, ties in index order. */
    public static int[] ascending(double[] v) {
        int n = v.length;
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = Arrays.binarySearch(sorted, v[i]); // any position of an equal value: ranks only need to order values
            keys[i] = (firstOf(sorted, v[i], (int) rank) << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    /** The first position of the value found at {@code at} (so equal values share one rank). */
    private static long firstOf(double[] sorted, double value, int at) {
        int lo = 0;
        int hi = at;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], value) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
