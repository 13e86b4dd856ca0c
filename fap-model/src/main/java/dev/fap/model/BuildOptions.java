package dev.fap.model;

import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link Warehouse#build}, {@link Warehouse#test} and {@link Warehouse#buildAndTest}. Immutable;
 * start from {@link #defaults()} and use the withers.
 *
 * <pre>{@code
 * BuildOptions.defaults()
 *         .withRefresh(Refresh.FULL)          // --full-refresh
 *         .withThreads(2)                     // models built in parallel (bounded by the pool)
 *         .withListener(myProgressListener)
 *         .withLockTimeout(Duration.ofMinutes(5));
 * }</pre>
 *
 * @param refresh          incremental runs or full refresh (default {@link Refresh#INCREMENTAL})
 * @param threads          worker threads; 0 (default) = as many as the pool allows minus the lock's
 *                         connection, at most the number of processors
 * @param listener         progress events per model and check (default {@link ProgressListener#NONE})
 * @param lockTimeout      how long to wait for another run holding the warehouse lock (default 10 min)
 * @param failingRowsKept  failing rows stored per check in {@code fap_meta.check_failures} (default 100)
 */
public record BuildOptions(Refresh refresh, int threads, ProgressListener listener, Duration lockTimeout, int failingRowsKept) {
    public BuildOptions {
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (threads < 0) {
            throw FapException.invalidArgument("threads must be >= 0, was " + threads, "use 0 for automatic");
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw FapException.invalidArgument("lock timeout must be positive", "use e.g. Duration.ofMinutes(10)");
        }
        if (failingRowsKept < 0) {
            throw FapException.invalidArgument("failingRowsKept must be >= 0, was " + failingRowsKept, "use 0 to keep none");
        }
    }

    /** Incremental refresh, automatic threads, no listener, 10-minute lock wait, 100 failing rows kept. */
    public static BuildOptions defaults() {
        return new BuildOptions(Refresh.INCREMENTAL, 0, ProgressListener.NONE, Duration.ofMinutes(10), Check.DEFAULT_KEEP_ROWS);
    }

    public BuildOptions withRefresh(Refresh refresh) {
        return new BuildOptions(refresh, threads, listener, lockTimeout, failingRowsKept);
    }

    /** Shortcut for {@code withRefresh(Refresh.FULL)}. */
    public BuildOptions withFullRefresh() {
        return withRefresh(Refresh.FULL);
    }

    public BuildOptions withThreads(int threads) {
        return new BuildOptions(refresh, threads, listener, lockTimeout, failingRowsKept);
    }

    public BuildOptions withListener(ProgressListener listener) {
        return new BuildOptions(refresh, threads, listener, lockTimeout, failingRowsKept);
    }

    public BuildOptions withLockTimeout(Duration lockTimeout) {
        return new BuildOptions(refresh, threads, listener, lockTimeout, failingRowsKept);
    }

    public BuildOptions withFailingRowsKept(int failingRowsKept) {
        return new BuildOptions(refresh, threads, listener, lockTimeout, failingRowsKept);
    }
}
