package dev.fap.core;

/**
 * Receives progress of long-running steps (generate, load, build, test, analyze, report).
 *
 * <p>Implementations must be thread-safe: steps may run in parallel. All methods default to no-ops.
 *
 * <pre>{@code
 * ProgressListener log = new ProgressListener() {
 *     public void stepFinished(String step, long rows, long millis) {
 *         System.out.printf("%s: %d rows in %d ms%n", step, rows, millis);
 *     }
 * };
 * }</pre>
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {};

    /**
     * A step has started.
     *
     * @param step          a short name such as {@code generate:transactions} or {@code build:dim_customer}
     * @param expectedTotal expected number of units (rows, models), or -1 if unknown
     */
    default void stepStarted(String step, long expectedTotal) {}

    /** Units done so far within a step (cumulative, not a delta). */
    default void progress(String step, long done) {}

    /** A step has finished with {@code rows} units processed in {@code millis} milliseconds. */
    default void stepFinished(String step, long rows, long millis) {}
}
