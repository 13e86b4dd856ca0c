package dev.fap.analytics.stats;

/**
 * Quality of the best k-means solution for one k.
 *
 * @param k          number of clusters
 * @param inertia    within-cluster sum of squared (standardised) distances
 * @param silhouette mean silhouette width in [-1, 1]
 */
public record ClusterCandidate(int k, double inertia, double silhouette) {
}
