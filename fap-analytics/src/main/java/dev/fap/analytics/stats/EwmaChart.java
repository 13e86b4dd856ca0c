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
 * @param alarms     positions t (into {@code ewma}, {@code lower}, {@code upper}) where {@code z_t} is outside the limits
 * @param index      for each position t, the index of its observation in the monitored series: {@code 0..n-1}
 *                   when every observation is present; missing observations (e.g. the approval rate of an
 *                   empty bucket) have no position, see {@link Ewma#chartSkippingMissing}
 */
public record EwmaChart(String method, double lambda, double width, int baselineN, double mean, double sd,
                        double[] ewma, double[] lower, double[] upper, int[] alarms, int[] index) {
}
