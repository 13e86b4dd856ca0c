package dev.fap.analytics.stats;

/**
 * Quality of the best k-means solution for one k.
 *
 * @param k          number of clusters
 * @param inertia    within-cluster sum of squared (standardised) distances
 * @param silhouette mean silhouette width in [-1, 1]
 * @param smallestClusterShare share of the observations in the smallest cluster
 * @param usable     whether the smallest cluster reaches the minimum share, so k could be chosen
 *                   (see {@link KMeans#withMinClusterShare})
 */
public record ClusterCandidate(int k, double inertia, double silhouette, double smallestClusterShare, boolean usable) {
}
