package dev.fap.analytics;

import java.time.LocalDateTime;

/**
 * One time bucket of the monitored stream.
 *
 * @param start          bucket start (data time)
 * @param transactions   transactions in the bucket
 * @param approved       approved transactions
 * @param approvalRate   approved / transactions; {@code null} for an empty bucket, which has no approval rate
 * @param volume         approved volume
 * @param fraudFlags     transactions flagged as fraud or with fraud score ≥ 0.8
 * @param meanProcessingMs mean authorisation latency
 */
public record RealtimeBucket(LocalDateTime start, long transactions, long approved, Double approvalRate, double volume,
                             long fraudFlags, double meanProcessingMs) {
}
