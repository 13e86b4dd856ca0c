package dev.fap.analytics;

import dev.fap.analytics.stats.MeanEstimate;

/**
 * Customer lifetime value: {@code CLV = m·(1 + d)/(1 + d - r)} per customer, with m the monthly margin
 * (fees plus 1.5% interchange on purchases, per active month), d = 1% monthly discount rate and
 * r = 1 - monthly churn probability from the churn model ({@code 1 - (1 - p_year)^{1/12}}).
 *
 * @param method    the formula in words
 * @param customers customers valued
 * @param mean      mean CLV with t interval
 * @param median    median CLV
 * @param total     summed CLV
 * @param p90       90th percentile
 */
public record LifetimeValueSummary(String method, long customers, MeanEstimate mean, double median, double total, double p90) {
}
