package dev.fap.analytics.stats;

/**
 * A proportion with its Wilson score interval.
 *
 * @param method     {@code "Wilson score interval"}
 * @param successes  number of successes k
 * @param n          number of trials
 * @param proportion {@code k / n}
 * @param interval   Wilson interval
 */
public record ProportionEstimate(String method, long successes, long n, double proportion, ConfidenceInterval interval) {
}
