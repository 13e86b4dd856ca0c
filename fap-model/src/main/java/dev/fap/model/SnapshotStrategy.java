package dev.fap.model;

import dev.fap.core.FapException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Materialization#SNAPSHOT} model detects that a row changed.
 *
 * <pre>{@code
 * SnapshotStrategy.timestamp("updated_at")                        // changed when updated_at moved forward
 * SnapshotStrategy.check("address", "city", "annual_income")      // changed when any listed column differs
 *                 .asOf("max(_loaded_at)")                        // versions start at the data's load time
 * SnapshotStrategy.checkAll()                                     // compare every non-key column
 * }</pre>
 *
 * <p>Validity bounds: with {@code timestamp}, a new version is valid from the row's timestamp; with
 * {@code check}, from the {@code asOf} expression evaluated over the source rows (an aggregate such as
 * {@code max(_loaded_at)}; default {@code transaction_timestamp()}, the build's start). A key missing
 * from the source (a delete) has its current version closed at that same time ({@code timestamp}:
 * the source's greatest timestamp), so "now" comes from the data whenever the data says it.
 */
public final class SnapshotStrategy {
    /** The two strategies. */
    public enum Kind {
        /** Compare the listed (or all) columns. */
        CHECK,
        /** Compare an updated-at column. */
        TIMESTAMP
    }

    private final Kind kind;
    private final List<String> checkColumns;
    private final String updatedAt;
    private final String asOf;

    private SnapshotStrategy(Kind kind, List<String> checkColumns, String updatedAt, String asOf) {
        this.kind = kind;
        this.checkColumns = List.copyOf(checkColumns);
        this.updatedAt = updatedAt;
        this.asOf = asOf;
    }

    /** Compare the given columns; an empty list means every column except the unique key. */
    public static SnapshotStrategy check(String... columns) {
        return new SnapshotStrategy(Kind.CHECK, List.of(columns), null, null);
    }

    /** Compare every column except the unique key and the load columns {@code _batch_id}, {@code _loaded_at}. */
    public static SnapshotStrategy checkAll() {
        return check();
    }

    /** A row changed when its {@code updatedAtColumn} is later than the current version's. */
    public static SnapshotStrategy timestamp(String updatedAtColumn) {
        Objects.requireNonNull(updatedAtColumn, "updatedAtColumn");
        return new SnapshotStrategy(Kind.TIMESTAMP, List.of(), updatedAtColumn, null);
    }

    /**
     * For {@code check}: the SQL expression, aggregated over the source rows, that gives the time at
     * which new versions start and deleted rows end, e.g. {@code max(_loaded_at)}.
     */
    public SnapshotStrategy asOf(String aggregateExpression) {
        if (kind != Kind.CHECK) {
            throw FapException.invalidArgument("asOf applies to the check strategy only",
                    "the timestamp strategy takes its times from the updated-at column");
        }
        return new SnapshotStrategy(kind, checkColumns, null, Objects.requireNonNull(aggregateExpression));
    }

    /** Which strategy. */
    public Kind kind() {
        return kind;
    }

    /** Columns compared by {@code check}; empty means all non-key columns. */
    public List<String> checkColumns() {
        return checkColumns;
    }

    /** The updated-at column of {@code timestamp}. */
    public Optional<String> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /** The as-of expression of {@code check}, if set. */
    public Optional<String> asOf() {
        return Optional.ofNullable(asOf);
    }

    @Override
    public String toString() {
        return kind == Kind.TIMESTAMP ? "timestamp(" + updatedAt + ")"
                : "check(" + (checkColumns.isEmpty() ? "*" : String.join(", ", checkColumns)) + ")"
                        + (asOf == null ? "" : " asOf " + asOf);
    }
}
