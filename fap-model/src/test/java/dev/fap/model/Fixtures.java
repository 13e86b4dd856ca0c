package dev.fap.model;

import dev.fap.core.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for database tests: run statements, read values. */
final class Fixtures {
    private Fixtures() {}

    static void exec(Database db, String... statements) {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static long count(Database db, String sql) {
        return Long.parseLong(value(db, sql));
    }

    static String value(Database db, String sql) {
        List<List<String>> r = rows(db, sql);
        return r.isEmpty() ? null : r.get(0).get(0);
    }

    /** Rows as lists of strings (PostgreSQL's text form). */
    static List<List<String>> rows(Database db, String sql) {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Drops the warehouse schemas' contents so a test starts clean. */
    static void reset(Database db) {
        exec(db, "drop schema if exists bronze cascade", "drop schema if exists silver cascade", "drop schema if exists gold cascade",
                "drop schema if exists fap_meta cascade", "create schema bronze", "create schema silver", "create schema gold",
                "create schema fap_meta");
    }
}
