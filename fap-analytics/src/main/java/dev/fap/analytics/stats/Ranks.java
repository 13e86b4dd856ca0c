package dev.fap.analytics.stats;

import java.util.Arrays;

/** Average ranks (ties get the mean of the ranks they span), 1-based, as {@code scipy.stats.rankdata}. */
final class Ranks {
    private Ranks() {
    }

    /**
     * By a primitive sort of a copy: a value's average rank is the mean of the first and last sorted
     * positions it occupies, so no boxed index sort is needed on large samples. One pass over the sorted
     * copy lists the distinct values with their average ranks; each value is then looked up among the
     * distinct values (binary search), which on the expanded grouped data the model evaluation ranks
     * (millions of scores with a few hundred distinct values) stays in the cache. Memory: the sorted copy,
     * which then receives the ranks, and two arrays of the distinct values (the fraud model's evaluation at
     * 10M transactions ranks millions of scores within a 512 MB heap).
     */
    static double[] average(double[] x) {
        int n = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || Double.compare(sorted[i], sorted[i - 1]) != 0) {
                d++;
            }
        }
        double[] distinct = new double[d];
        double[] rank = new double[d];
        int k = 0;
        for (int first = 0; first < n; ) {
            int last = first;
            while (last + 1 < n && Double.compare(sorted[last + 1], sorted[first]) == 0) {
                last++;
            }
            distinct[k] = sorted[first];
            rank[k++] = (first + last) / 2.0 + 1.0;
            first = last + 1;
        }
        // the sorted copy has served: it receives the ranks
        for (int i = 0; i < n; i++) {
            sorted[i] = rank[indexOf(distinct, d, x[i])];
        }
        return sorted;
    }

    /** The position of {@code v} among the first {@code d} ascending distinct values (present). */
    private static int indexOf(double[] distinct, int d, double v) {
        int lo = 0;
        int hi = d - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(distinct[mid], v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
