package dev.fap.model.warehouse;

import dev.fap.core.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Content checksums of warehouse relations: md5 over every row's text, in a canonical order. */
final class GoldChecksums {
    static final List<String> GOLD_TABLES = List.of("dim_date", "dim_product", "dim_merchant", "dim_customer", "fact_transactions",
            "fact_account_daily_snapshot", "fact_customer_monthly");

    private GoldChecksums() {}

    /** md5 of the sorted row texts of {@code relation}. */
    static String of(Database db, String relation) {
        return db.dsl().fetchSingle("select md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) from " + relation + " r")
                .get(0, String.class);
    }

    /** Checksums of every gold table and every analytics view. */
    static Map<String, String> gold(Database db) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String t : GOLD_TABLES) {
            m.put(t, of(db, "gold." + t));
        }
        for (String v : FapWarehouse.ANALYTICS_VIEWS) {
            m.put(v, of(db, "gold." + v));
        }
        return m;
    }
}
