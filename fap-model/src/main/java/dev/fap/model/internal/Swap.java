package dev.fap.model.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Replaces a relation within the caller's transaction: drops the live one, lets the caller put the new
 * one in place (rename a {@code __fap_new} table, or create a view), and recreates every view that
 * depended on the old one. PostgreSQL binds views to table OIDs, so without the recreation the
 * dependent views would block the drop (or, with cascade, vanish).
 */
final class Swap {
    /** Puts the new relation in place. */
    interface Creation {
        void run() throws SQLException;
    }

    private Swap() {}

    /** Replaces {@code schema.name}; returns the number of dependent views recreated. */
    static int replace(Connection c, String schema, String name, Creation creation) throws SQLException {
        char kind = Catalog.relkind(c, schema, name);
        List<Catalog.DependentView> deps = kind == 0 ? List.of() : Catalog.dependentViews(c, schema, name);
        if (kind != 0) {
            Jdbc.exec(c, "drop " + kindWord(kind) + " " + schema + "." + name + " cascade");
        }
        creation.run();
        for (Catalog.DependentView v : deps) {
            if (Catalog.relkind(c, v.schema(), v.name()) != 0) {
                continue; // recreated already (e.g. by the creation step)
            }
            String def = v.definition().strip();
            if (def.endsWith(";")) {
                def = def.substring(0, def.length() - 1);
            }
            String what = v.kind() == 'm' ? "materialized view" : "view";
            Jdbc.exec(c, "create " + what + " " + v.schema() + "." + Catalog.quoteIdent(v.name()) + " as " + def);
            if (v.comment() != null) {
                Jdbc.exec(c, "comment on " + what + " " + v.schema() + "." + Catalog.quoteIdent(v.name()) + " is " + Jdbc.literal(v.comment()));
            }
            for (String[] cc : v.columnComments()) {
                Jdbc.exec(c, "comment on column " + v.schema() + "." + Catalog.quoteIdent(v.name()) + "." + Catalog.quoteIdent(cc[0])
                        + " is " + Jdbc.literal(cc[1]));
            }
        }
        return deps.size();
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
