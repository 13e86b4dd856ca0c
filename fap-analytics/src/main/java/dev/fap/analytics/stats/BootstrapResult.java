package dev.fap.analytics.stats;

/**
 * A bootstrap confidence interval.
 *
 * @param method        {@code "bootstrap percentile"} or {@code "bootstrap BCa"}
 * @param n             sample size
 * @param replicates    number of bootstrap resamples B
 * @param seed          seed of the resampling generator (results are reproducible)
 * @param estimate      the statistic on the original sample, θ̂
 * @param standardError standard deviation of the B replicates
 * @param bias          mean of the replicates minus θ̂
 * @param interval      the interval
 */
public record BootstrapResult(String method, long n, int replicates, long seed, double estimate, double standardError,
                              double bias, ConfidenceInterval interval) {
}
