package dev.fap.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link KMeans} scores all its candidate k from one pass over the distances ({@code meanSilhouettes}): each
 * labelling's mean silhouette is bit for bit the one computed on its own, by the definition below (the
 * implementation before the sharing), with and without a sample of points.
 */
class SilhouetteSharingTest {

    @Test
    void sharedDistancesGiveEachLabellingsOwnSilhouetteExactly() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 600;
        double[][] x = new double[n][4];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian() + (j == 0 ? rng.nextInt(3) * 3 : 0);
            }
        }
        int[] k = {2, 3, 5, 7};
        int[][] labels = new int[k.length][n];
        for (int c = 0; c < k.length; c++) {
            for (int i = 0; i < n; i++) {
                // clusters by the first coordinate, with a singleton in the last labelling (silhouette 0 there)
                labels[c][i] = Math.min(k[c] - 1, Math.max(0, (int) Math.floor((x[i][0] + 2) / 9 * k[c])));
            }
        }
        labels[3][5] = 6;
        for (int i = 0; i < n; i++) {
            if (i != 5 && labels[3][i] == 6) {
                labels[3][i] = 5;
            }
        }
        int[] sample = new int[150];
        for (int s = 0; s < sample.length; s++) {
            sample[s] = (s * 37) % n;
        }
        for (int[] chosen : new int[][] {null, sample}) {
            double[] shared = KMeans.meanSilhouettes(x, labels, k, chosen);
            for (int c = 0; c < k.length; c++) {
                assertThat(shared[c]).isEqualTo(definition(x, labels[c], k[c], chosen));
                assertThat(KMeans.meanSilhouette(x, labels[c], k[c], chosen)).isEqualTo(shared[c]);
            }
            assertThat(shared[1]).isBetween(0.2, 0.9);
        }
    }

    /** The mean silhouette of one labelling, point by point (the former implementation). */
    private static double definition(double[][] x, int[] labels, int k, int[] sample) {
        int n = x.length;
        long[] size = new long[k];
        for (int l : labels) {
            size[l]++;
        }
        int m = sample == null ? n : sample.length;
        double total = 0;
        double[] sum = new double[k];
        for (int s = 0; s < m; s++) {
            int i = sample == null ? s : sample[s];
            java.util.Arrays.fill(sum, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double d = 0;
                    for (int t = 0; t < x[i].length; t++) {
                        double u = x[i][t] - x[j][t];
                        d += u * u;
                    }
                    sum[labels[j]] += Math.sqrt(d);
                }
            }
            int own = labels[i];
            if (size[own] <= 1) {
                continue;
            }
            double a = sum[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, sum[c] / size[c]);
                }
            }
            double mx = Math.max(a, b);
            total += mx > 0 ? (b - a) / mx : 0;
        }
        return total / m;
    }
}
