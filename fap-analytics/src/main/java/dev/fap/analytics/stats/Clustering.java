package dev.fap.analytics.stats;

import java.util.List;

/**
 * A k-means++ clustering on standardised features, with k chosen by the mean silhouette.
 *
 * @param method            {@code "k-means++ (Lloyd) on z-scored features, k by silhouette among candidates whose
 *                          smallest cluster holds ≥ 5% of observations"} (the rule of {@link KMeans})
 * @param n                 observations clustered
 * @param k                 chosen number of clusters
 * @param features          feature names
 * @param featureMeans      means used for standardising
 * @param featureSds        standard deviations used for standardising
 * @param centroids         centroids on the standardised scale, {@code [k][features]}
 * @param centroidsOriginal centroids on the original scale: the means of the members' (unclipped) features
 * @param sizes             observations per cluster
 * @param silhouette        mean silhouette of the chosen solution
 * @param silhouetteSample  observations over which silhouettes were averaged (all, or a seeded sample)
 * @param candidates        every k tried, with inertia, silhouette, smallest cluster share and usability
 * @param seed              seed of the k-means++ initialisation
 * @param assignments       cluster index of each observation, in input order
 */
public record Clustering(String method, long n, int k, List<String> features, double[] featureMeans,
                         double[] featureSds, double[][] centroids, double[][] centroidsOriginal, long[] sizes,
                         double silhouette, long silhouetteSample, List<ClusterCandidate> candidates, long seed,
                         @com.fasterxml.jackson.annotation.JsonIgnore int[] assignments) {
}
