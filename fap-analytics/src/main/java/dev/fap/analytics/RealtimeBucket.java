package dev.fap.analytics;

import java.time.LocalDateTime;

/**
 * One time bucket of the monitored stream.
 *
 * @param start          bucket start (data time)
 * @param transactions   transactions in the bucket
 * @param approved       approved transactions
 * @param approvalRate   approved / transactions (1 when empty)
 * @param volume         approved volume
 * @param fraudFlags     transactions flagged as fraud or with fraud score ≥ 0.8
 * @param meanProcessingMs mean authorisation latency
 */
public record RealtimeBucket(LocalDateTime start, long transactions, long approved, double approvalRate, double volume,
                             long fraudFlags, double meanProcessingMs) {
}
