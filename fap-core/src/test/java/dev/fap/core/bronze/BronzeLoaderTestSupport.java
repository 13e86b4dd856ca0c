package dev.fap.core.bronze;

import dev.fap.core.Database;

/** Small helpers for the bronze tests. */
final class BronzeLoaderTestSupport {
    private BronzeLoaderTestSupport() {}

    static long count(Database db, String table) {
        BronzeLoader.ensureTables(db);
        return db.dsl().fetchSingle("select count(*) from bronze." + table).get(0, Long.class);
    }
}
