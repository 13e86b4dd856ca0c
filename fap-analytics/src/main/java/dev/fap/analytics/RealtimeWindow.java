package dev.fap.analytics;

import dev.fap.core.FapException;
import java.time.Duration;

/**
 * The sliding window of real-time monitoring: its length, its bucket size and the EWMA parameters.
 *
 * <pre>{@code
 * RealtimeWindow w = RealtimeWindow.defaults().withLength(Duration.ofHours(6)).withBucket(Duration.ofMinutes(10));
 * }</pre>
 *
 * @param length        window length, e.g. 7 days
 * @param bucket        bucket size, e.g. 1 hour
 * @param lambda        EWMA weight λ
 * @param width         control-limit width L
 * @param baselineBuckets buckets used as the in-control baseline (the first ones of the window)
 */
public record RealtimeWindow(Duration length, Duration bucket, double lambda, double width, int baselineBuckets) {

    public RealtimeWindow {
        if (length == null || bucket == null || bucket.isZero() || bucket.isNegative() || length.compareTo(bucket) < 0) {
            throw FapException.invalidArgument("window length must be at least one bucket, had " + length + " / " + bucket,
                    "use e.g. RealtimeWindow.defaults()");
        }
        if (length.dividedBy(bucket) > 10_000) {
            throw FapException.invalidArgument("window has more than 10,000 buckets", "use larger buckets");
        }
        if (!(lambda > 0 && lambda <= 1) || !(width > 0) || baselineBuckets < 2) {
            throw FapException.invalidArgument("EWMA needs 0 < λ ≤ 1, L > 0 and ≥ 2 baseline buckets",
                    "use e.g. λ = 0.2, L = 3, 24 baseline buckets");
        }
    }

    /** 7 days in 1-hour buckets, λ = 0.2, L = 3, baseline = first 48 buckets. */
    public static RealtimeWindow defaults() {
        return new RealtimeWindow(Duration.ofDays(7), Duration.ofHours(1), 0.2, 3.0, 48);
    }

    public RealtimeWindow withLength(Duration length) {
        return new RealtimeWindow(length, bucket, lambda, width, baselineBuckets);
    }

    public RealtimeWindow withBucket(Duration bucket) {
        return new RealtimeWindow(length, bucket, lambda, width, baselineBuckets);
    }

    public RealtimeWindow withEwma(double lambda, double width) {
        return new RealtimeWindow(length, bucket, lambda, width, baselineBuckets);
    }

    public RealtimeWindow withBaselineBuckets(int baselineBuckets) {
        return new RealtimeWindow(length, bucket, lambda, width, baselineBuckets);
    }

    /** Number of buckets in the window. */
    public int buckets() {
        return (int) length.dividedBy(bucket);
    }
}
