package dev.fap.analytics.stats;

/**
 * Welch's unequal-variance two-sample t-test of {@code H0: μ1 = μ2}, with effect sizes.
 *
 * @param method        {@code "Welch two-sample t-test"}
 * @param n1            size of sample 1
 * @param n2            size of sample 2
 * @param mean1         mean of sample 1
 * @param mean2         mean of sample 2
 * @param difference    {@code mean1 - mean2}
 * @param standardError {@code sqrt(s1²/n1 + s2²/n2)}
 * @param t             {@code difference / standardError}
 * @param df            Welch–Satterthwaite degrees of freedom
 * @param pValue        two-sided p-value
 * @param interval      confidence interval of the difference
 * @param cohensD       difference over the pooled standard deviation
 * @param hedgesG       Cohen's d times the exact small-sample correction J(n1+n2-2)
 */
public record WelchTTestResult(String method, long n1, long n2, double mean1, double mean2, double difference,
                               double standardError, double t, double df, double pValue, ConfidenceInterval interval,
                               double cohensD, double hedgesG) {
}
