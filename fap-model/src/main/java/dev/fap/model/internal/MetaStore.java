package dev.fap.model.internal;

import dev.fap.core.Database;
import dev.fap.model.CheckResult;
import dev.fap.model.Model;
import dev.fap.model.ModelResult;
import dev.fap.model.StagingCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Run metadata in schema {@code fap_meta}: {@code runs}, {@code model_results}, {@code check_results},
 * {@code check_failures}, {@code table_rows}; and the staging quarantine table {@code silver.quarantine}.
 */
final class MetaStore {
    static final String RUNS = Database.META + ".runs";
    static final String MODEL_RESULTS = Database.META + ".model_results";
    static final String CHECK_RESULTS = Database.META + ".check_results";
    static final String CHECK_FAILURES = Database.META + ".check_failures";
    /**
     * The row count of each incremental model's table as its last build left it, with the table's oid and file
     * node: a merge then knows the new count without counting the table (a rewrite, truncate or replacement
     * changes the file node, and the count is taken again).
     */
    static final String TABLE_ROWS = Database.META + ".table_rows";

    private MetaStore() {}

    /** Creates the tables if missing; call under the warehouse lock (concurrent DDL would collide). */
    static void ensure(Connection c) throws SQLException {
        Jdbc.exec(c, String.join(";\n",
                "create table if not exists " + RUNS + " (run_id bigserial primary key, command text not null, selection text,"
                        + " refresh text, status text not null, started_at timestamptz not null, finished_at timestamptz, millis bigint,"
                        + " lock_wait_ms bigint, items int)",
                "create table if not exists " + MODEL_RESULTS + " (run_id bigint not null, model text not null, materialization text,"
                        + " status text not null, rows bigint, inserted bigint, updated bigint, source_rows bigint, valid_rows bigint,"
                        + " quarantined_rows bigint, duplicate_rows bigint, millis bigint, message text,"
                        + " finished_at timestamptz not null default now(), primary key (run_id, model))",
                "create table if not exists " + CHECK_RESULTS + " (run_id bigint not null, check_id text not null, model text,"
                        + " kind text, description text, severity text, status text not null, failures bigint, millis bigint, message text,"
                        + " sql text, primary key (run_id, check_id))",
                "create table if not exists " + CHECK_FAILURES + " (run_id bigint not null, check_id text not null, row_no int not null,"
                        + " row jsonb, primary key (run_id, check_id, row_no))",
                "create table if not exists " + TABLE_ROWS + " (relation text primary key, relid oid not null, filenode oid not null,"
                        + " rows bigint not null, run_id bigint not null)",
                "create table if not exists " + Model.QUARANTINE + " (model text not null, rule text not null, reason text not null,"
                        + " unique_key text, raw jsonb, batch_id bigint, run_id bigint not null, quarantined_at timestamptz not null)",
                "create index if not exists quarantine_model_rule on " + Model.QUARANTINE + " (model, rule)",
                "comment on table " + Model.QUARANTINE + " is 'Rows of staging models that broke a rule or were removed as"
                        + " duplicates (rule = duplicate), with the reason and the raw bronze row; holds the latest full build of each"
                        + " model plus its incremental runs since'"));
    }

    /**
     * The row count stored for {@code relation} by the transaction that last wrote it, or -1 if none is stored or
     * the relation is no longer the table it was stored for (other oid or file node).
     */
    static long storedRows(Connection c, String relation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select r.rows from " + TABLE_ROWS + " r join pg_class t on t.oid = r.relid"
                + " where r.relation = ? and t.oid = to_regclass(?) and t.relfilenode = r.filenode")) {
            ps.setString(1, relation);
            ps.setString(2, relation);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /**
     * Stores {@code rows} as the row count of {@code relation} (under that name once published, if {@code table}
     * is its new table beside it), in the caller's transaction: the count commits or rolls back with the rows.
     */
    static void storeRows(Connection c, String relation, String table, long rows, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + TABLE_ROWS + " (relation, relid, filenode, rows, run_id)"
                + " select ?, t.oid, t.relfilenode, ?, ? from pg_class t where t.oid = to_regclass(?)"
                + " on conflict (relation) do update set relid = excluded.relid, filenode = excluded.filenode, rows = excluded.rows,"
                + " run_id = excluded.run_id")) {
            ps.setString(1, relation);
            ps.setLong(2, rows);
            ps.setLong(3, runId);
            ps.setString(4, table);
            ps.executeUpdate();
        }
    }

    static long startRun(Connection c, String command, String selection, String refresh, long lockWaitMs, int items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + RUNS
                + " (command, selection, refresh, status, started_at, lock_wait_ms, items) values (?, ?, ?, 'running', now(), ?, ?) returning run_id")) {
            ps.setString(1, command);
            ps.setString(2, selection);
            ps.setString(3, refresh);
            ps.setLong(4, lockWaitMs);
            ps.setInt(5, items);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void finishRun(Connection c, long runId, String status, long millis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update " + RUNS + " set status = ?, finished_at = now(), millis = ? where run_id = ?")) {
            ps.setString(1, status);
            ps.setLong(2, millis);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    static void recordModel(Connection c, long runId, ModelResult r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + MODEL_RESULTS + " (run_id, model, materialization, status, rows,"
                + " inserted, updated, source_rows, valid_rows, quarantined_rows, duplicate_rows, millis, message)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setString(2, r.model());
            ps.setString(3, r.materialization().toString());
            ps.setString(4, r.status().toString());
            ps.setLong(5, r.rows());
            ps.setLong(6, r.inserted());
            ps.setLong(7, r.updated());
            StagingCounts s = r.staging();
            for (int i = 0; i < 4; i++) {
                if (s == null) {
                    ps.setNull(8 + i, Types.BIGINT);
                }
            }
            if (s != null) {
                ps.setLong(8, s.source());
                ps.setLong(9, s.valid());
                ps.setLong(10, s.quarantined());
                ps.setLong(11, s.duplicates());
            }
            ps.setLong(12, r.millis());
            ps.setString(13, r.message());
            ps.executeUpdate();
        }
    }

    /** Records check results in one round trip (a batch). */
    static void recordChecks(Connection c, long runId, List<CheckResult> results) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into " + CHECK_RESULTS + " (run_id, check_id, model, kind, description,"
                + " severity, status, failures, millis, message, sql) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CheckResult r : results) {
                ps.setLong(1, runId);
                ps.setString(2, r.id());
                ps.setString(3, r.model());
                ps.setString(4, r.kind().id());
                ps.setString(5, r.description());
                ps.setString(6, r.severity().toString());
                ps.setString(7, r.status().toString());
                ps.setLong(8, r.failures());
                ps.setLong(9, r.millis());
                ps.setString(10, r.message());
                ps.setString(11, r.sql());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
