package dev.fap.analytics.stats;

/**
 * Points of a ROC curve, from (0, 0) to (1, 1), one per distinct score threshold (thinned to at most
 * a requested number of points for plotting).
 *
 * @param falsePositiveRate x values
 * @param truePositiveRate  y values
 * @param threshold         score threshold of each point (predict positive when score ≥ threshold);
 *                          {@code +∞} is written as {@code Double.MAX_VALUE} for the first point
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] threshold) {
}
