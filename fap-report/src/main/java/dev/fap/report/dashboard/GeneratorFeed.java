package dev.fap.report.dashboard;

import dev.fap.analytics.Analytics;
import dev.fap.analytics.RealtimeAnalysis;
import dev.fap.analytics.RealtimeWindow;
import dev.fap.core.Database;
import dev.fap.core.FapException;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.GenerateResult;
import dev.fap.report.internal.Money;
import dev.fap.report.internal.pages.RealtimePage;
import java.util.Currency;
import java.util.Objects;

/**
 * The real live feed: each update generates the next batch of synthetic data
 * ({@link DataGenerator#nextBatch(int)}), loads it into bronze and recomputes the real-time
 * analytics ({@link Analytics#realtime(RealtimeWindow)}) over the newest transactions.
 *
 * <pre>{@code
 * DataGenerator base = DataGenerator.of(DatasetSpec.defaults());
 * base.toDatabase(db);                                  // what bronze already holds
 * LiveFeed feed = GeneratorFeed.continuing(db, base).withDaysPerUpdate(1);
 * LiveDashboard dashboard = LiveDashboard.start(feed, DashboardOptions.defaults());
 * }</pre>
 *
 * <p>Not thread-safe: {@link LiveDashboard} calls it from one thread.
 */
public final class GeneratorFeed implements LiveFeed {
    private final Database db;
    private final int daysPerUpdate;
    private final RealtimeWindow window;
    private DataGenerator current;
    private long rowsLoaded;

    private GeneratorFeed(Database db, DataGenerator current, int daysPerUpdate, RealtimeWindow window) {
        this.db = db;
        this.current = current;
        this.daysPerUpdate = daysPerUpdate;
        this.window = window;
    }

    /**
     * A feed that continues after {@code loaded}, the generator whose rows bronze already holds
     * (the base dataset or a later batch).
     */
    public static GeneratorFeed continuing(Database db, DataGenerator loaded) {
        return new GeneratorFeed(Objects.requireNonNull(db, "db"), Objects.requireNonNull(loaded, "loaded"), 1, RealtimeWindow.defaults());
    }

    /** Simulated days of data loaded per update (default 1). */
    public GeneratorFeed withDaysPerUpdate(int days) {
        if (days < 1 || days > 366) {
            throw FapException.invalidArgument("days per update must be 1-366, was " + days, "use e.g. 1 for one simulated day per update");
        }
        return new GeneratorFeed(db, current, days, window);
    }

    /** The monitoring window of the real-time analytics. */
    public GeneratorFeed withWindow(RealtimeWindow window) {
        return new GeneratorFeed(db, current, daysPerUpdate, Objects.requireNonNull(window, "window"));
    }

    /** The generator of the newest batch loaded. */
    public DataGenerator current() {
        return current;
    }

    /** Rows loaded into bronze by this feed so far. */
    public long rowsLoaded() {
        return rowsLoaded;
    }

    @Override
    public LiveFrame next(long sequence) {
        String status;
        if (sequence == 0) {
            status = "data through " + current.to();
        } else {
            DataGenerator next = current.nextBatch(daysPerUpdate);
            GenerateResult loaded = next.toDatabase(db);
            long rows = loaded.rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
            rowsLoaded += rows;
            current = next;
            status = "batch " + next.batch() + " loaded " + rows + " rows, data through " + next.to();
        }
        RealtimeAnalysis realtime = Analytics.on(db).realtime(window);
        return LiveFrame.of(sequence, RealtimePage.kpis(realtime), RealtimePage.sections(realtime, money()), status);
    }

    /** The currency of the generated amounts: that of the dataset's locale (USD for en-US, EUR for de-DE, GBP for en-GB). */
    private Money money() {
        return Money.of(Currency.getInstance(current.spec().locale()).getCurrencyCode());
    }

    @Override
    public String toString() {
        return "GeneratorFeed[batch " + current.batch() + " through " + current.to() + ", " + rowsLoaded + " rows loaded]";
    }
}
