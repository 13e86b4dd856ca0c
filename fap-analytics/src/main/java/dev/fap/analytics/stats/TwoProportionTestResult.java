package dev.fap.analytics.stats;

/**
 * Two-proportion z-test of {@code H0: p1 = p2} (e.g. treatment vs control conversion).
 *
 * @param method            {@code "two-proportion z-test (pooled)"}
 * @param successes1        successes in group 1
 * @param n1                size of group 1
 * @param successes2        successes in group 2
 * @param n2                size of group 2
 * @param p1                {@code k1/n1}
 * @param p2                {@code k2/n2}
 * @param difference        {@code p1 - p2}
 * @param z                 pooled z statistic
 * @param pValue            two-sided p-value
 * @param differenceInterval unpooled Wald interval of {@code p1 - p2}
 * @param relativeLift      {@code p1/p2 - 1}; null when a group has no successes
 * @param liftInterval      null when a group has no successes; else interval of the relative lift from the log risk-ratio (Katz) interval
 */
public record TwoProportionTestResult(String method, long successes1, long n1, long successes2, long n2, double p1,
                                      double p2, double difference, double z, double pValue,
                                      ConfidenceInterval differenceInterval, Double relativeLift,
                                      ConfidenceInterval liftInterval) {
}
