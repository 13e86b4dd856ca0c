package dev.fap.report.dashboard;

/**
 * Where the live dashboard's frames come from. {@link LiveDashboard} calls {@link #next()} once at
 * start and then once per interval, always from the same thread.
 *
 * <pre>{@code
 * LiveFeed feed = GeneratorFeed.continuing(db, DataGenerator.of(DatasetSpec.defaults()));
 * try (LiveDashboard dashboard = LiveDashboard.start(feed, DashboardOptions.defaults())) {
 *     System.out.println("open " + dashboard.uri());
 *     dashboard.awaitClose();
 * }
 * }</pre>
 */
public interface LiveFeed extends AutoCloseable {
    /**
     * Advances the stream by one step (for example loads the next batch of transactions) and
     * returns the state to show.
     *
     * @param sequence the number the returned frame should carry (0 for the first)
     */
    LiveFrame next(long sequence);

    /** Releases what the feed holds; called once when the dashboard closes. */
    @Override
    default void close() {
    }
}
