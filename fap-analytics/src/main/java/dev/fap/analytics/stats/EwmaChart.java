package dev.fap.analytics.stats;

/**
 * An EWMA control chart over a series.
 *
 * @param method     {@code "EWMA control chart"}
 * @param lambda     smoothing weight λ in (0, 1]
 * @param width      control-limit width L in standard deviations
 * @param baselineN  observations used to estimate the in-control mean and standard deviation
 * @param mean       in-control mean μ0
 * @param sd         in-control standard deviation σ0
 * @param ewma       the EWMA statistic {@code z_t}
 * @param lower      lower control limit at each t
 * @param upper      upper control limit at each t
 * @param alarms     indices t where {@code z_t} is outside the limits
 */
public record EwmaChart(String method, double lambda, double width, int baselineN, double mean, double sd,
                        double[] ewma, double[] lower, double[] upper, int[] alarms) {
}
