package dev.fap.model;

/**
 * What an {@link Materialization#INCREMENTAL} or {@link Materialization#SNAPSHOT} model does when the
 * columns its SQL returns differ from the existing table's.
 *
 * <pre>{@code
 * Model.incremental("fact_transactions", Layer.GOLD).onSchemaChange(OnSchemaChange.APPEND_NEW_COLUMNS)
 * }</pre>
 *
 * <p>Under both policies a column whose type changed, or a column of the table that the SQL no longer
 * returns, fails the model with a hint to run with {@link Refresh#FULL}: silently nulling or
 * re-typing history would corrupt it.
 */
public enum OnSchemaChange {
    /** Any new column fails the model, with a hint to run a full refresh (default). */
    FAIL,
    /**
     * New columns are added to the table ({@code alter table add column}); existing rows get
     * {@code null} in them, new and updated rows get values.
     */
    APPEND_NEW_COLUMNS
}
