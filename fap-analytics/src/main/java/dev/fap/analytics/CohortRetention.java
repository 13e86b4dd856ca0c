package dev.fap.analytics;

import java.util.List;

/**
 * Retention curve of one signup cohort, from the customers' transaction activity.
 *
 * @param cohort  signup period, {@code YYYY-Qn}
 * @param size    customers who signed up in the period
 * @param points  retention at months 1, 2, 3, 6, 9, 12, 18, 24 where observable
 */
public record CohortRetention(String cohort, long size, List<RetentionPoint> points) {
}
