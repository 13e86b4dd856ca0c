package dev.fap.model.warehouse;

import dev.fap.core.Database;

/**
 * Fingerprints of a table for tests that compare an incremental build with a full one.
 *
 * <pre>{@code
 * String built = TableChecksum.md5(db, "gold.fact_customer_monthly", "customer_id, month_start");
 * long rows = TableChecksum.count(db, "select count(*) from gold.fact_customer_monthly");
 * }</pre>
 */
final class TableChecksum {
    private TableChecksum() {
    }

    /** md5 over the md5 of each row's text, in {@code keyOrder} (the unique index's order: no sort of the row texts). */
    static String md5(Database db, String table, String keyOrder) {
        return db.dsl().fetchSingle("select md5(string_agg(md5(t::text), '' order by " + keyOrder + ")) from " + table + " t")
                .get(0, String.class);
    }

    /** The single number {@code sql} returns. */
    static long count(Database db, String sql) {
        return db.dsl().fetchSingle(sql).get(0, Long.class);
    }
}
