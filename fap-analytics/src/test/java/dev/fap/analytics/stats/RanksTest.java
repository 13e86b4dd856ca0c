package dev.fap.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Average ranks as scipy computes them, and equal to ranking each value by binary search in the sorted copy. */
class RanksTest {

    @Test
    void tiesGetTheMeanOfTheirRanks() {
        // scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]) -> [4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8]
        assertThat(Ranks.average(new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}))
                .containsExactly(4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8);
        assertThat(Ranks.average(new double[] {2.5})).containsExactly(1.0);
        assertThat(Ranks.average(new double[0])).isEmpty();
    }

    @Test
    void manyTiesAndDistinctValuesRankAsByBinarySearch() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] grouped = rng.doubles(200_000).map(u -> Math.floor(u * 300) / 7).toArray(); // 300 distinct values
        double[] distinct = rng.doubles(50_000).toArray();
        double[] special = {Double.NaN, 1.0, -0.0, 0.0, Double.NEGATIVE_INFINITY, 1.0, Double.NaN, Double.POSITIVE_INFINITY};
        for (double[] x : new double[][] {grouped, distinct, special}) {
            assertThat(Ranks.average(x)).containsExactly(bySearch(x));
        }
    }

    /** The definition: first and last sorted position of each value, found by binary search. */
    private static double[] bySearch(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int first = bound(sorted, x[i], false);
            int last = bound(sorted, x[i], true) - 1;
            r[i] = (first + last) / 2.0 + 1.0;
        }
        return r;
    }

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
