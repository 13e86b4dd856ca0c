package dev.fap.analytics;

import java.time.LocalDateTime;

/**
 * A bucket where an EWMA chart left its control limits.
 *
 * @param bucketStart bucket
 * @param metric      {@code "transactions"} or {@code "approval_rate"}
 * @param value       observed value in the bucket
 * @param ewma        EWMA statistic
 * @param lower       lower control limit
 * @param upper       upper control limit
 */
public record Anomaly(LocalDateTime bucketStart, String metric, double value, double ewma, double lower, double upper) {
}
