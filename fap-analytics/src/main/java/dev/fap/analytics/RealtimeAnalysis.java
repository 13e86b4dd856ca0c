package dev.fap.analytics;

import dev.fap.analytics.stats.EwmaChart;
import dev.fap.analytics.stats.ProportionEstimate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What is happening now: a sliding window over the newest transactions in {@code bronze.transactions}
 * (the live stream, visible before any rebuild), bucketed, with EWMA anomaly detection, fraud alerts,
 * database latency and ingestion lag. "Now" is the newest transaction time, never the wall clock.
 *
 * <pre>{@code
 * RealtimeAnalysis r = Analytics.on(db).realtime(RealtimeWindow.defaults());
 * r.anomalies().forEach(System.out::println);
 * }</pre>
 *
 * @param window             the window definition used
 * @param windowStart        first bucket start
 * @param windowEnd          newest transaction time
 * @param buckets            buckets, ascending
 * @param transactions       transactions in the window
 * @param throughputPerMinute transactions per minute over the window
 * @param approvalRate       approval share in the window, Wilson interval
 * @param fraudAlerts        fraud alerts raised in the window
 * @param volumeChart        EWMA chart of transactions per bucket; null with too few buckets
 * @param approvalChart      EWMA chart of the approval rate over the non-empty buckets ({@link EwmaChart#index()} maps
 *                           its points to {@code buckets}); null with too few non-empty buckets
 * @param anomalies          buckets outside the control limits
 * @param latency            database round-trip latency
 * @param ingestionLagSeconds seconds from the newest load of transactions to now (the database clock); read from the
 *                           batch registry {@code fap_meta.load_batches} when bronze was loaded through it
 * @param loadedRowsLastBatch transactions in the newest load batch that had any (from the batch registry likewise)
 */
public record RealtimeAnalysis(RealtimeWindow window, LocalDateTime windowStart, LocalDateTime windowEnd,
                               List<RealtimeBucket> buckets, long transactions, double throughputPerMinute,
                               ProportionEstimate approvalRate, long fraudAlerts, EwmaChart volumeChart,
                               EwmaChart approvalChart, List<Anomaly> anomalies, LatencyStats latency,
                               double ingestionLagSeconds, long loadedRowsLastBatch) {
}
