package dev.fap.model.internal;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Columns and types of every relation in bronze, silver and gold, read once for the manifest and docs. */
final class CatalogSnapshot {
    private final Map<String, List<Catalog.ColumnInfo>> columns;
    private final Map<String, Character> kinds;

    private CatalogSnapshot(Map<String, List<Catalog.ColumnInfo>> columns, Map<String, Character> kinds) {
        this.columns = columns;
        this.kinds = kinds;
    }

    static CatalogSnapshot read(Database db) {
        Map<String, List<Catalog.ColumnInfo>> cols = new LinkedHashMap<>();
        Map<String, Character> kinds = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            for (String[] r : Jdbc.rows(c, "select n.nspname || '.' || cl.relname, cl.relkind, a.attname, format_type(a.atttypid, a.atttypmod)"
                    + " from pg_class cl join pg_namespace n on n.oid = cl.relnamespace join pg_attribute a on a.attrelid = cl.oid"
                    + " where n.nspname in ('bronze', 'silver', 'gold') and cl.relkind in ('r', 'v', 'm', 'p') and a.attnum > 0"
                    + " and not a.attisdropped order by 1, a.attnum")) {
                cols.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new Catalog.ColumnInfo(r[2], r[3]));
                kinds.put(r[0], r[1].charAt(0));
            }
        } catch (SQLException e) {
            throw new FapException(ErrorCode.DB_ERROR, "cannot read the catalog: " + e.getMessage(), "check the database connection", e);
        }
        return new CatalogSnapshot(cols, kinds);
    }

    /** Columns of {@code schema.name}, empty if it does not exist. */
    List<Catalog.ColumnInfo> columns(String relation) {
        return columns.getOrDefault(relation, List.of());
    }

    boolean exists(String relation) {
        return kinds.containsKey(relation);
    }
}
