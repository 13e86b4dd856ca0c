package dev.fap.model;

import java.util.Locale;

/**
 * How a {@link Model}'s SELECT becomes a relation in the database.
 *
 * <pre>{@code
 * Model.view("realtime_analytics", Layer.GOLD)        // VIEW
 * Model.incremental("fact_transactions", Layer.GOLD)  // INCREMENTAL
 * }</pre>
 */
public enum Materialization {
    /** {@code create view}: always current, no storage. Replaced atomically with its dependent views. */
    VIEW,
    /**
     * A table rebuilt from scratch: built beside the live one as {@code <name>__fap_new} and swapped in
     * within one transaction (dependent views recreated in the same transaction).
     */
    TABLE,
    /**
     * A table merged (upserted) on its unique key with the rows the model selects on incremental runs;
     * built like {@link #TABLE} on its first run and on a full refresh. See {@link Model#incremental}.
     */
    INCREMENTAL,
    /** A slowly changing dimension of type 2 kept across runs. See {@link Model#snapshot}. */
    SNAPSHOT,
    /**
     * The silver staging pattern: rules, quarantine, de-duplication, reconciliation counts; the valid
     * rows are swapped in like {@link #TABLE}. See {@link Model#staging}.
     */
    STAGING;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
