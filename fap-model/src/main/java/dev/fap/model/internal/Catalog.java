package dev.fap.model.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** The kind of a relation (0 if absent) and the views depending on it, fewer levels of indirection first. */
    record Dependents(char kind, List<DependentView> views) {}

    /** Reads {@link Dependents} in one query. */
    static Dependents dependents(Connection c, String schema, String name) throws SQLException {
        String dep = " d on d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass join pg_rewrite r on r.oid = d.objid";
        String cols = " from pg_attribute a where a.attrelid = cl.oid and a.attnum > 0 and col_description(cl.oid, a.attnum) is not null order by a.attnum";
        String sql = "with recursive target as (select oid, relkind from pg_class where oid = to_regclass(" + Jdbc.literal(schema + "." + name) + ")),"
                + " deps(oid, lvl) as (select distinct r.ev_class, 1 from target t join pg_depend" + dep + " and d.refobjid = t.oid"
                + " where r.ev_class <> t.oid"
                + " union select distinct r.ev_class, deps.lvl + 1 from deps join pg_depend" + dep + " and d.refobjid = deps.oid"
                + " where r.ev_class <> deps.oid and deps.lvl < 50),"
                + " views as (select oid, max(lvl) as lvl from deps group by oid)"
                + " select t.relkind, n.nspname, cl.relname, cl.relkind, pg_get_viewdef(cl.oid), obj_description(cl.oid, 'pg_class'), v.lvl,"
                + " array(select a.attname::text" + cols + "), array(select col_description(cl.oid, a.attnum)" + cols + ")"
                + " from target t left join views v on true left join pg_class cl on cl.oid = v.oid"
                + " left join pg_namespace n on n.oid = cl.relnamespace order by v.lvl, n.nspname, cl.relname";
        char kind = 0;
        List<DependentView> views = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                kind = rs.getString(1).charAt(0);
                if (rs.getString(2) == null) {
                    continue;
                }
                String[] names = (String[]) rs.getArray(8).getArray();
                String[] comments = (String[]) rs.getArray(9).getArray();
                List<String[]> colComments = new ArrayList<>();
                for (int i = 0; i < names.length; i++) {
                    colComments.add(new String[] {names[i], comments[i]});
                }
                views.add(new DependentView(rs.getString(2), rs.getString(3), rs.getString(4).charAt(0), rs.getString(5), rs.getString(6),
                        colComments, rs.getInt(7)));
            }
        }
        return new Dependents(kind, views);
    }

    static String quoteIdent(String s) {
        return s.matches("[a-z_][a-z0-9_]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
