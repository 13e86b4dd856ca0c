package dev.fap.cli;

import dev.fap.core.Database;
import dev.fap.core.Roles;
import dev.fap.core.bronze.BronzeTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the warehouse holds right now: server version, schemas, roles and rows per bronze table.
 *
 * <pre>{@code
 * WarehouseStatus s = WarehouseStatus.of(db);
 * s.totalBronzeRows();   // 61234
 * }</pre>
 *
 * @param server     PostgreSQL version, e.g. {@code 17.11}
 * @param schemas    FAP's schemas that exist
 * @param roles      FAP's roles that exist
 * @param bronzeRows rows per bronze table that exists, in contract order
 */
record WarehouseStatus(String server, List<String> schemas, List<String> roles, Map<BronzeTable, Long> bronzeRows) {
    WarehouseStatus {
        schemas = List.copyOf(schemas);
        roles = List.copyOf(roles);
        bronzeRows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bronzeRows));
    }

    static WarehouseStatus of(Database db) {
        var dsl = db.dsl();
        String server = dsl.fetchSingle("show server_version").get(0, String.class);
        List<String> schemas = dsl.fetch("select nspname from pg_namespace where nspname = any(?::text[]) order by array_position(?::text[], nspname::text)",
                Database.SCHEMAS.toArray(new String[0]), Database.SCHEMAS.toArray(new String[0])).getValues(0, String.class);
        List<String> roles = dsl.fetch("select rolname from pg_roles where rolname in (?, ?, ?) order by 1",
                Roles.LOADER, Roles.TRANSFORMER, Roles.ANALYST).getValues(0, String.class);
        Map<BronzeTable, Long> rows = new LinkedHashMap<>();
        for (BronzeTable t : BronzeTable.values()) {
            boolean exists = dsl.fetchSingle("select to_regclass(?) is not null", Database.BRONZE + "." + t.tableName())
                    .get(0, Boolean.class);
            if (exists) {
                rows.put(t, dsl.fetchSingle("select count(*) from " + Database.BRONZE + "." + t.tableName()).get(0, Long.class));
            }
        }
        return new WarehouseStatus(server, schemas, roles, rows);
    }

    long totalBronzeRows() {
        return bronzeRows.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return "PostgreSQL " + server + ", schemas " + schemas + ", roles " + roles + ", bronze " + bronzeRows.size()
                + " tables / " + totalBronzeRows() + " rows";
    }
}
