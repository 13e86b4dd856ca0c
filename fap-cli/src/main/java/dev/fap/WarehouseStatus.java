package dev.fap;

import dev.fap.core.Database;
import dev.fap.core.Roles;
import dev.fap.core.bronze.BronzeTable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the warehouse holds right now: server version, schemas, roles and rows per bronze table.
 *
 * <pre>{@code
 * WarehouseStatus s = WarehouseStatus.of(db);
 * s.totalBronzeRows();                 // 61234
 * s.layers().get("gold").rows();       // rows over all gold tables
 * }</pre>
 *
 * <p>Immutable. Part of every {@link RunResult}.
 *
 * @param server     PostgreSQL version, e.g. {@code 17.11}
 * @param schemas    FAP's schemas that exist
 * @param roles      FAP's roles that exist
 * @param bronzeRows rows per bronze table that exists, in contract order
 * @param layers     tables, rows and views per schema (bronze, silver, gold)
 */
public record WarehouseStatus(String server, List<String> schemas, List<String> roles, Map<BronzeTable, Long> bronzeRows,
                              Map<String, Layer> layers) {
    public WarehouseStatus {
        schemas = List.copyOf(schemas);
        roles = List.copyOf(roles);
        bronzeRows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bronzeRows));
        layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    /** Tables, their total rows and views in one schema. */
    public record Layer(int tables, long rows, int views) {
        @Override
        public String toString() {
            return String.format("%d tables, %,d rows%s", tables, rows, views == 0 ? "" : ", " + views + " views");
        }
    }

    /** Reads the status of {@code db} (a few catalog queries and one {@code count(*)} per table). */
    public static WarehouseStatus of(Database db) {
        return of(db, Map.of());
    }

    /**
     * Reads the status of {@code db}, taking the rows of the tables in {@code knownRows} (qualified names such
     * as {@code gold.fact_transactions}, e.g. what a full build just wrote) instead of counting them: on a large
     * warehouse each {@code count(*)} is a scan of millions of rows.
     */
    static WarehouseStatus of(Database db, Map<String, Long> knownRows) {
        var dsl = db.dsl();
        String server = dsl.fetchSingle("show server_version").get(0, String.class);
        List<String> schemas = dsl.fetch("select nspname from pg_namespace where nspname = any(?::text[]) order by array_position(?::text[], nspname::text)",
                Database.SCHEMAS.toArray(new String[0]), Database.SCHEMAS.toArray(new String[0])).getValues(0, String.class);
        List<String> roles = dsl.fetch("select rolname from pg_roles where rolname in (?, ?, ?) order by 1",
                Roles.LOADER, Roles.TRANSFORMER, Roles.ANALYST).getValues(0, String.class);
        Map<String, Long> counted = new HashMap<>(knownRows);
        Map<BronzeTable, Long> rows = new LinkedHashMap<>();
        Map<String, Layer> layers = new LinkedHashMap<>();
        for (String schema : List.of(Database.BRONZE, Database.SILVER, Database.GOLD)) {
            List<String> tables = dsl.fetch("select table_name from information_schema.tables where table_schema = ? "
                    + "and table_type = 'BASE TABLE' order by 1", schema).getValues(0, String.class);
            long total = 0;
            for (String t : tables) {
                total += counted.computeIfAbsent(schema + "." + t, name -> dsl.fetchSingle(
                        "select count(*) from " + schema + ".\"" + t.replace("\"", "\"\"") + "\"").get(0, Long.class));
            }
            int views = dsl.fetchSingle("select count(*) from information_schema.views where table_schema = ?", schema)
                    .get(0, Integer.class);
            layers.put(schema, new Layer(tables.size(), total, views));
        }
        for (BronzeTable t : BronzeTable.values()) {
            Long n = counted.get(Database.BRONZE + "." + t.tableName());
            if (n != null) {                                       // the table exists: it was listed above
                rows.put(t, n);
            }
        }
        return new WarehouseStatus(server, schemas, roles, rows, layers);
    }

    /** Rows over all bronze tables. */
    public long totalBronzeRows() {
        return bronzeRows.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return "PostgreSQL " + server + ", schemas " + schemas + ", roles " + roles + ", bronze " + bronzeRows.size()
                + " tables / " + totalBronzeRows() + " rows";
    }
}
