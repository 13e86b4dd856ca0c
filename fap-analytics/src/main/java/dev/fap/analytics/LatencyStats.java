package dev.fap.analytics;

/**
 * Database round-trip latency measured while monitoring.
 *
 * @param samples       round trips measured
 * @param medianMillis  median
 * @param p95Millis     95th percentile
 * @param maxMillis     maximum
 * @param queryMillis   duration of the monitoring query itself
 */
public record LatencyStats(int samples, double medianMillis, double p95Millis, double maxMillis, double queryMillis) {
}
