package dev.fap.model.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads PostgreSQL's catalog: relation kinds, columns with types, dependent views. */
final class Catalog {
    private Catalog() {}

    /** A column and its SQL type as {@code format_type} prints it. */
    record ColumnInfo(String name, String type) {}

    /** A view depending (transitively) on a relation, with what is needed to recreate it. */
    record DependentView(String schema, String name, char kind, String definition, String comment, List<String[]> columnComments,
                         int level) {
        String qualified() {
            return schema + "." + name;
        }
    }

    /** {@code r} (table), {@code v} (view), {@code m} (materialized view), ... or 0 if absent. */
    static char relkind(Connection c, String schema, String name) throws SQLException {
        List<String> r = Jdbc.row(c, "select c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = "
                + Jdbc.literal(schema) + " and c.relname = " + Jdbc.literal(name));
        return r.isEmpty() ? 0 : r.get(0).charAt(0);
    }

    /** Columns of a relation in order; {@code schema} may be {@code pg_temp} for the session's temp tables. */
    static List<ColumnInfo> columns(Connection c, String schema, String name) throws SQLException {
        String rel = "pg_temp".equals(schema) ? "pg_temp." + name : schema + "." + name;
        List<ColumnInfo> out = new ArrayList<>();
        for (String[] r : Jdbc.rows(c, "select attname, format_type(atttypid, atttypmod) from pg_attribute where attrelid = "
                + Jdbc.literal(rel) + "::regclass and attnum > 0 and not attisdropped order by attnum")) {
            out.add(new ColumnInfo(r[0], r[1]));
        }
        return out;
    }

    /** Views and materialized views depending on the relation, those with fewer levels of indirection first. */
    static List<DependentView> dependentViews(Connection c, String schema, String name) throws SQLException {
        String rel = Jdbc.literal(schema + "." + name) + "::regclass";
        String sql = "with recursive deps(oid, lvl) as ("
                + " select distinct r.ev_class, 1 from pg_depend d join pg_rewrite r on r.oid = d.objid"
                + " where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass and d.refobjid = " + rel
                + " and r.ev_class <> " + rel
                + " union select distinct r.ev_class, deps.lvl + 1 from deps join pg_depend d on d.refobjid = deps.oid"
                + " and d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass"
                + " join pg_rewrite r on r.oid = d.objid where r.ev_class <> deps.oid and deps.lvl < 50)"
                + " select n.nspname, cl.relname, cl.relkind, pg_get_viewdef(cl.oid), obj_description(cl.oid, 'pg_class'), max(lvl), cl.oid"
                + " from deps join pg_class cl on cl.oid = deps.oid join pg_namespace n on n.oid = cl.relnamespace"
                + " group by 1, 2, 3, 4, 5, 7 order by 6, 1, 2";
        List<DependentView> out = new ArrayList<>();
        for (String[] r : Jdbc.rows(c, sql)) {
            List<String[]> colComments = Jdbc.rows(c, "select attname, col_description(attrelid, attnum) from pg_attribute where attrelid = "
                    + r[6] + " and attnum > 0 and col_description(attrelid, attnum) is not null order by attnum");
            out.add(new DependentView(r[0], r[1], r[2].charAt(0), r[3], r[4], colComments, Integer.parseInt(r[5])));
        }
        return out;
    }

    static String quoteIdent(String s) {
        return s.matches("[a-z_][a-z0-9_]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
