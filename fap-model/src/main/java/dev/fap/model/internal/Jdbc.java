package dev.fap.model.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Minimal JDBC statements on one connection: the engine runs dynamic DDL, so it talks JDBC directly. */
final class Jdbc {
    private Jdbc() {}

    static int exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            return s.getUpdateCount();
        }
    }

    /** Runs a script of several statements in one round trip; returns the update count of the last one that has one. */
    static int script(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            boolean isResult = s.execute(sql);
            int last = -1;
            while (true) {
                int count = isResult ? -1 : s.getUpdateCount();
                if (!isResult && count == -1) {
                    return last;
                }
                if (count >= 0) {
                    last = count;
                }
                isResult = s.getMoreResults();
            }
        }
    }

    static long longValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no row returned by: " + sql);
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? -1 : v;
        }
    }

    /** The first row of a query as strings, or an empty list if none. */
    static List<String> row(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getString(i));
                }
            }
            return out;
        }
    }

    /** All rows of a query as string arrays. */
    static List<String[]> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String[]> out = new ArrayList<>();
            while (rs.next()) {
                String[] r = new String[n];
                for (int i = 0; i < n; i++) {
                    r[i] = rs.getString(i + 1);
                }
                out.add(r);
            }
            return out;
        }
    }

    static String literal(String s) {
        return s == null ? "null" : "'" + s.replace("'", "''") + "'";
    }
}
