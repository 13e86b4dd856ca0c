package dev.fap.analytics.stats;

/**
 * A sample mean with its t confidence interval.
 *
 * @param method        {@code "one-sample t"}
 * @param n             sample size
 * @param mean          sample mean
 * @param sd            sample standard deviation
 * @param standardError {@code sd / sqrt(n)}
 * @param interval      {@code mean ± t_{1-α/2, n-1} · standardError}
 */
public record MeanEstimate(String method, long n, double mean, double sd, double standardError, ConfidenceInterval interval) {
}
