package dev.fap.model;

import java.util.Locale;

/**
 * Whether incremental models merge new rows or are rebuilt ({@code --full-refresh}).
 *
 * <pre>{@code
 * wh.build(Selection.all(), BuildOptions.defaults().withRefresh(Refresh.FULL));
 * }</pre>
 *
 * <p>Snapshots ({@link Materialization#SNAPSHOT}) keep their history under both: their history
 * cannot be recomputed from the source. Drop the table to restart a snapshot.
 */
public enum Refresh {
    /** Incremental models merge the rows their incremental filter selects (default). */
    INCREMENTAL,
    /** Incremental models are rebuilt from all rows, like tables. */
    FULL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
