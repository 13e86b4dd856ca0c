package dev.fap.analytics;

import dev.fap.analytics.stats.MeanEstimate;

/**
 * A mean of a measure within one group, with its t interval.
 *
 * @param group    group label
 * @param estimate mean with t interval
 */
public record GroupMean(String group, MeanEstimate estimate) {
}
