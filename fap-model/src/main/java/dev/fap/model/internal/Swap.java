package dev.fap.model.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces a relation within the caller's transaction: drops the views depending on the live one and
 * the live one, lets the caller put the new one in place (rename a {@code __fap_new} table, or create a
 * view), and recreates the dependent views. PostgreSQL binds views to table OIDs, so without the
 * re-creation the dependent views would block the drop (or, with cascade, vanish).
 */
final class Swap {
    private Swap() {}

    /**
     * The statements that replace {@code schema.name} by what {@code creation} puts in place: drop the
     * live relation (if any), the creation, the re-creation of every dependent view with its comments.
     * Reads the catalog in one query; the caller runs the statements in its transaction.
     */
    static List<String> plan(Connection c, String schema, String name, Duration lockTimeout, List<String> creation) throws SQLException {
        List<String> script = new ArrayList<>();
        script.add("set local lock_timeout = '" + lockTimeout.toMillis() + "ms'");
        Catalog.Dependents deps = Catalog.dependents(c, schema, name);
        if (deps.kind() != 0) {
            // Readers of a view lock the view, then the relations under it. Dropping the dependent
            // views first (outermost first) and the relation last takes the locks in that same order,
            // so a swap waits for readers instead of deadlocking with them; and it locks nothing else
            // (LOCK TABLE on a view would also lock every table under it, some of which parallel
            // builds are reading). No cascade: an unexpected dependent fails the swap, it is never
            // dropped silently.
            for (int i = deps.views().size() - 1; i >= 0; i--) {
                Catalog.DependentView v = deps.views().get(i);
                script.add("drop " + (v.kind() == 'm' ? "materialized view" : "view") + " if exists " + v.schema() + "."
                        + Catalog.quoteIdent(v.name()));
            }
            script.add("drop " + kindWord(deps.kind()) + " " + schema + "." + name);
        }
        script.addAll(creation);
        for (Catalog.DependentView v : deps.views()) {
            String def = v.definition().strip();
            if (def.endsWith(";")) {
                def = def.substring(0, def.length() - 1);
            }
            String what = v.kind() == 'm' ? "materialized view" : "view";
            String q = v.schema() + "." + Catalog.quoteIdent(v.name());
            script.add("create " + what + " " + q + " as " + def);
            if (v.comment() != null) {
                script.add("comment on " + what + " " + q + " is " + Jdbc.literal(v.comment()));
            }
            for (String[] cc : v.columnComments()) {
                script.add("comment on column " + q + "." + Catalog.quoteIdent(cc[0]) + " is " + Jdbc.literal(cc[1]));
            }
        }
        return script;
    }

    static String kindWord(char kind) {
        return switch (kind) {
            case 'v' -> "view";
            case 'm' -> "materialized view";
            case 'f' -> "foreign table";
            default -> "table";
        };
    }
}
