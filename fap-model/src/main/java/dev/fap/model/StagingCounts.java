package dev.fap.model;

/**
 * Reconciliation counts of a {@link Materialization#STAGING} model: every source row is either valid
 * (in the silver table), quarantined (broke a rule) or a removed duplicate; the engine fails the
 * model if {@code source != valid + quarantined + duplicates}.
 *
 * <pre>{@code
 * StagingCounts c = build.model("stg_customers").staging();
 * assert c.source() == c.valid() + c.quarantined() + c.duplicates();
 * }</pre>
 *
 * @param source      rows the model's SQL returned (normally the bronze table's rows)
 * @param valid       rows written to the silver table (incremental runs: its net growth)
 * @param quarantined rows that broke a rule
 * @param duplicates  valid rows removed because a later row has the same unique key (incremental runs:
 *                    including rows of silver displaced by a later row of the new batch)
 */
public record StagingCounts(long source, long valid, long quarantined, long duplicates) {
    /** True when the counts add up. */
    public boolean reconciles() {
        return source == valid + quarantined + duplicates;
    }

    @Override
    public String toString() {
        return source + " source = " + valid + " valid + " + quarantined + " quarantined + " + duplicates + " duplicates";
    }
}
