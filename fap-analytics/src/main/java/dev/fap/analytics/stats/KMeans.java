package dev.fap.analytics.stats;

import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * k-means++ clustering (Commons Math {@link KMeansPlusPlusClusterer}, best of several seeded starts)
 * on z-scored features, choosing k in {@code [kMin, kMax]} by the mean silhouette width among the
 * <em>usable</em> candidates.
 *
 * <pre>{@code
 * Clustering c = KMeans.defaults().withSeed(7).cluster(List.of("spend", "txns", "tenure"), rows);
 * int[] segmentOfEachCustomer = c.assignments();
 * }</pre>
 *
 * <p>Standardisation {@code z = (x - x̄)/s}, optionally of the winsorised feature
 * {@code x' = min(max(x, Q(t)), Q(1 - t))} ({@link #withWinsorizing}). Silhouette of point i: {@code s(i) = (b - a)/max(a, b)}
 * with a the mean distance to its own cluster's other points and b the smallest mean distance to
 * another cluster (0 for singleton clusters), Rousseeuw (1987). Above {@code silhouetteSample} points
 * the mean is taken over a seeded random sample of points (distances still to all points).
 *
 * <p>Choice of k: a candidate is usable when its smallest cluster holds at least
 * {@code minClusterShare · n} observations (default 5 %). A heavy tail otherwise wins the silhouette
 * with a degenerate split such as "everyone" against "a dozen outliers" (silhouette near 0.9, useless as
 * a segmentation). k is the usable candidate with the highest mean silhouette; when no candidate is
 * usable, the one whose smallest cluster is largest. Every candidate is reported in
 * {@link Clustering#candidates()} with its smallest cluster share and whether it was usable.
 * Immutable and thread-safe.
 */
public final class KMeans {
    private final int kMin;
    private final int kMax;
    private final int starts;
    private final int maxIterations;
    private final long seed;
    private final int silhouetteSample;
    private final double minClusterShare;
    private final double winsorTail;

    private KMeans(int kMin, int kMax, int starts, int maxIterations, long seed, int silhouetteSample, double minClusterShare,
                   double winsorTail) {
        this.kMin = kMin;
        this.kMax = kMax;
        this.starts = starts;
        this.maxIterations = maxIterations;
        this.seed = seed;
        this.silhouetteSample = silhouetteSample;
        this.minClusterShare = minClusterShare;
        this.winsorTail = winsorTail;
    }

    /**
     * k from 2 to 8, 3 starts, 100 Lloyd iterations, seed 42, silhouette over up to 2000 points, smallest
     * usable cluster 5 % of the observations.
     */
    public static KMeans defaults() {
        return new KMeans(2, 8, 3, 100, 42L, 2000, 0.05, 0);
    }

    /**
     * With another smallest usable cluster, as a share of the observations in {@code [0, 0.5)}; 0 chooses k
     * by silhouette alone.
     */
    public KMeans withMinClusterShare(double share) {
        if (!(share >= 0 && share < 0.5)) {
            throw FapException.invalidArgument("the minimum cluster share must be in [0, 0.5), was " + share, "pass e.g. 0.05");
        }
        return new KMeans(kMin, kMax, starts, maxIterations, seed, silhouetteSample, share, winsorTail);
    }

    /**
     * Winsorises each feature at its {@code tail} and {@code 1 - tail} quantiles (type 7) before
     * standardising, so a few extreme observations neither dominate the scale nor claim a cluster of their
     * own; {@code tail} in {@code [0, 0.25)}, 0 (the default) leaves the features as they are. The
     * reported original-scale centroids are the members' means of the unclipped features.
     */
    public KMeans withWinsorizing(double tail) {
        if (!(tail >= 0 && tail < 0.25)) {
            throw FapException.invalidArgument("the winsorising tail must be in [0, 0.25), was " + tail, "pass e.g. 0.01");
        }
        return new KMeans(kMin, kMax, starts, maxIterations, seed, silhouetteSample, minClusterShare, tail);
    }

    /** With a range of k to try (2 ≤ kMin ≤ kMax). */
    public KMeans withK(int kMin, int kMax) {
        if (kMin < 2 || kMax < kMin) {
            throw FapException.invalidArgument("need 2 ≤ kMin ≤ kMax, had " + kMin + ".." + kMax, "pass e.g. 2..8");
        }
        return new KMeans(kMin, kMax, starts, maxIterations, seed, silhouetteSample, minClusterShare, winsorTail);
    }

    /** With another seed. */
    public KMeans withSeed(long seed) {
        return new KMeans(kMin, kMax, starts, maxIterations, seed, silhouetteSample, minClusterShare, winsorTail);
    }

    /** With another number of random starts per k (≥ 1). */
    public KMeans withStarts(int starts) {
        if (starts < 1) {
            throw FapException.invalidArgument("starts must be ≥ 1, was " + starts, "pass e.g. 5");
        }
        return new KMeans(kMin, kMax, starts, maxIterations, seed, silhouetteSample, minClusterShare, winsorTail);
    }

    /** With another silhouette sample size (≥ 100). */
    public KMeans withSilhouetteSample(int size) {
        if (size < 100) {
            throw FapException.invalidArgument("silhouette sample must be ≥ 100, was " + size, "pass e.g. 2000");
        }
        return new KMeans(kMin, kMax, starts, maxIterations, seed, size, minClusterShare, winsorTail);
    }

    private record Point(int index, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }

    /** Clusters {@code rows[i]} (one feature vector per observation). */
    public Clustering cluster(List<String> features, double[][] rows) {
        int n = rows.length;
        int d = features.size();
        if (n < kMin + 1) {
            throw Checks.failure("k-means with k ≥ " + kMin + " needs more than " + kMin + " observations, had " + n,
                    "cluster a larger population");
        }
        double[] mean = new double[d];
        double[] sd = new double[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                if (rows[i].length != d) {
                    throw FapException.invalidArgument("row " + i + " has " + rows[i].length + " features, expected " + d,
                            "pass the features " + features);
                }
                col[i] = rows[i][j];
            }
            Checks.finite(col, "feature " + features.get(j));
            if (winsorTail > 0) {
                double[] sorted = col.clone();
                java.util.Arrays.sort(sorted);
                lo[j] = Quantiles.ofSorted(sorted, winsorTail);
                hi[j] = Quantiles.ofSorted(sorted, 1 - winsorTail);
                for (int i = 0; i < n; i++) {
                    col[i] = Math.max(lo[j], Math.min(hi[j], col[i]));
                }
            }
            Moments m = Moments.of(col);
            mean[j] = m.mean();
            sd[j] = m.sd();
            if (!(sd[j] > 0)) {
                constant.add(features.get(j));
            }
        }
        if (!constant.isEmpty()) {
            throw Checks.failure("k-means cannot standardise constant features " + constant,
                    "drop features that do not vary in this data");
        }
        double[][] z = new double[n][d];
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = winsorTail > 0 ? Math.max(lo[j], Math.min(hi[j], rows[i][j])) : rows[i][j];
                z[i][j] = (v - mean[j]) / sd[j];
            }
            points.add(new Point(i, z[i]));
        }
        int[] sample = sample(n);
        int upper = Math.min(kMax, n - 1);
        int count = upper - kMin + 1;
        int[][] assigns = new int[count][];
        double[][][] centroidsOf = new double[count][][];
        double[] inertias = new double[count];
        int[] ks = new int[count];
        long[] smallestOf = new long[count];
        for (int k = kMin; k <= upper; k++) {
            KMeansPlusPlusClusterer<Point> single = new KMeansPlusPlusClusterer<>(k, maxIterations, new EuclideanDistance(),
                    new Well19937c(seed + 31L * k), KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_VARIANCE);
            List<CentroidCluster<Point>> clusters = new MultiKMeansPlusPlusClusterer<>(single, starts).cluster(points);
            int[] assign = new int[n];
            double[][] centroids = new double[clusters.size()][];
            double inertia = 0;
            for (int c = 0; c < clusters.size(); c++) {
                centroids[c] = clusters.get(c).getCenter().getPoint().clone();
                for (Point p : clusters.get(c).getPoints()) {
                    assign[p.index()] = c;
                    inertia += squaredDistance(p.point(), centroids[c]);
                }
            }
            int at = k - kMin;
            assigns[at] = assign;
            centroidsOf[at] = centroids;
            inertias[at] = inertia;
            ks[at] = clusters.size();
            smallestOf[at] = clusters.stream().mapToLong(c -> c.getPoints().size()).min().orElse(0);
        }
        // the silhouettes of all candidates from one pass over the distances (they do not depend on k)
        double[] silhouettes = meanSilhouettes(z, assigns, ks, sample);
        List<ClusterCandidate> candidates = new ArrayList<>();
        int[] best = null;
        double[][] bestCentroids = null;
        double bestSil = Double.NEGATIVE_INFINITY;
        double bestSmallest = 0;
        boolean bestUsable = false;
        int bestK = 0;
        for (int at = 0; at < count; at++) {
            double sil = silhouettes[at];
            double smallestShare = (double) smallestOf[at] / n;
            boolean usable = smallestShare >= minClusterShare;
            candidates.add(new ClusterCandidate(ks[at], inertias[at], sil, smallestShare, usable));
            // usable beats unusable; among usable the higher silhouette; among unusable the larger smallest cluster
            boolean better = best == null || (usable && !bestUsable) || (usable == bestUsable
                    && (usable ? sil > bestSil : smallestShare > bestSmallest));
            if (better) {
                bestSil = sil;
                bestSmallest = smallestShare;
                bestUsable = usable;
                best = assigns[at];
                bestCentroids = centroidsOf[at];
                bestK = ks[at];
            }
        }
        long[] sizes = new long[bestK];
        for (int a : best) {
            sizes[a]++;
        }
        double[][] original = new double[bestK][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                original[best[i]][j] += rows[i][j] / sizes[best[i]];
            }
        }
        String prefix = winsorTail > 0 ? "winsorised at " + Math.round(winsorTail * 1000) / 10.0 + "/"
                + Math.round((1 - winsorTail) * 1000) / 10.0 + "%, " : "";
        String rule = minClusterShare > 0 ? "k by silhouette among candidates whose smallest cluster holds ≥ "
                + Math.round(minClusterShare * 1000) / 10.0 + "% of observations" : "k by silhouette";
        return new Clustering("k-means++ (Lloyd) on " + prefix + "z-scored features, " + rule, n, bestK, List.copyOf(features),
                mean, sd, bestCentroids, original, sizes, bestSil, sample == null ? n : sample.length,
                List.copyOf(candidates), seed, best);
    }

    private int[] sample(int n) {
        if (n <= silhouetteSample) {
            return null;
        }
        // partial Fisher-Yates with a seeded generator
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < silhouetteSample; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, silhouetteSample);
    }

    /**
     * Mean silhouette width of a labelling (labels {@code 0..k-1}), over the points in {@code sample}
     * or all points when {@code sample} is null; as {@code sklearn.metrics.silhouette_score}.
     */
    public static double meanSilhouette(double[][] x, int[] labels, int k, int[] sample) {
        return meanSilhouettes(x, new int[][] {labels}, new int[] {k}, sample)[0];
    }

    /**
     * The mean silhouette widths of several labellings of the same points ({@code labels[c]} with
     * {@code k[c]} clusters), each exactly as {@link #meanSilhouette} computes it: the distances from a
     * sampled point to all points are computed once and summed by every labelling in the same order.
     */
    static double[] meanSilhouettes(double[][] x, int[][] labels, int[] k, int[] sample) {
        int n = x.length;
        int c = labels.length;
        long[][] size = new long[c][];
        double[][] sum = new double[c][];
        for (int l = 0; l < c; l++) {
            size[l] = new long[k[l]];
            sum[l] = new double[k[l]];
            for (int label : labels[l]) {
                size[l][label]++;
            }
        }
        int m = sample == null ? n : sample.length;
        double[] total = new double[c];
        double[] distance = new double[n];
        for (int s = 0; s < m; s++) {
            int i = sample == null ? s : sample[s];
            for (int j = 0; j < n; j++) {
                distance[j] = j == i ? 0 : Math.sqrt(squaredDistance(x[i], x[j]));
            }
            for (int l = 0; l < c; l++) {
                int[] lab = labels[l];
                double[] sl = sum[l];
                java.util.Arrays.fill(sl, 0);
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        sl[lab[j]] += distance[j];
                    }
                }
                int own = lab[i];
                if (size[l][own] <= 1) {
                    continue; // silhouette 0 for singletons
                }
                double a = sl[own] / (size[l][own] - 1);
                double b = Double.POSITIVE_INFINITY;
                for (int o = 0; o < k[l]; o++) {
                    if (o != own && size[l][o] > 0) {
                        b = Math.min(b, sl[o] / size[l][o]);
                    }
                }
                double mx = Math.max(a, b);
                total[l] += mx > 0 ? (b - a) / mx : 0;
            }
        }
        double[] mean = new double[c];
        for (int l = 0; l < c; l++) {
            mean[l] = total[l] / m;
        }
        return mean;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }
}
