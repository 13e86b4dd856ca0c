package dev.fap.analytics;

import java.util.Map;

/**
 * One behavioural segment found by clustering.
 *
 * @param cluster  cluster index
 * @param name     descriptive name derived from the centroid's most distinctive features
 * @param size     customers in the segment
 * @param share    size / customers clustered
 * @param centroid feature means of the segment on the original scale (feature name → value)
 */
public record SegmentProfile(int cluster, String name, long size, double share, Map<String, Double> centroid) {
}
