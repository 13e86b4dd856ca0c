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
 * {@code check_failures}, {@code table_rows}, {@code views}; and the staging quarantine table {@code silver.quarantine}.
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
    /**
     * Each view model as the engine last published or verified it: the view's oid, the transaction id that wrote its
     * rewrite rule, a fingerprint of the model's definition (SQL, description, column descriptions) and the state of the
     * relations it reads (their oids and catalog rows' xmin). An incremental
     * run finds an unchanged view here without re-creating it as a probe; any re-creation (a swap of a relation under
     * it, {@code create or replace view} by hand) changes the oid or the rule's xmin, and the probe runs again.
     */
    static final String VIEWS = Database.META + ".views";

    /**
     * What the last build stored for a table: its row count and, for staging models, the greatest {@code _batch_id}
     * it has processed ({@code -1} if not stored).
     */
    record Stored(long rows, long maxBatch) {}

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
                        + " rows bigint not null, run_id bigint not null, max_batch_id bigint)",
                "alter table " + TABLE_ROWS + " add column if not exists max_batch_id bigint",
                "create table if not exists " + VIEWS + " (relation text primary key, relid oid not null, rule_xmin text not null,"
                        + " fingerprint text not null, run_id bigint not null, inputs text)",
                "alter table " + VIEWS + " add column if not exists inputs text",
                "create table if not exists " + Model.QUARANTINE + " (model text not null, rule text not null, reason text not null,"
                        + " unique_key text, raw jsonb, batch_id bigint, run_id bigint not null, quarantined_at timestamptz not null)",
                "create index if not exists quarantine_model_rule on " + Model.QUARANTINE + " (model, rule)",
                "comment on table " + Model.QUARANTINE + " is 'Rows of staging models that broke a rule or were removed as"
                        + " duplicates (rule = duplicate), with the reason and the raw bronze row; holds the latest full build of each"
                        + " model plus its incremental runs since'"));
    }

    /**
     * What is stored for {@code relation} by the transaction that last wrote it, or null if nothing is stored or the
     * relation is no longer the table it was stored for (other oid or file node).
     */
    static Stored stored(Connection c, String relation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select r.rows, coalesce(r.max_batch_id, -1) from " + TABLE_ROWS
                + " r join pg_class t on t.oid = r.relid where r.relation = ? and t.oid = to_regclass(?) and t.relfilenode = r.filenode")) {
            ps.setString(1, relation);
            ps.setString(2, relation);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Stored(rs.getLong(1), rs.getLong(2)) : null;
            }
        }
    }

    /**
     * Stores {@code rows} as the row count of {@code relation} (under that name once published, if {@code table}
     * is its new table beside it) and {@code maxBatch} as the greatest load batch it has processed (-1: unknown), in
     * the caller's transaction: they commit or roll back with the rows.
     */
    static void storeRows(Connection c, String relation, String table, long rows, long maxBatch, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + TABLE_ROWS + " (relation, relid, filenode, rows, run_id, max_batch_id)"
                + " select ?, t.oid, t.relfilenode, ?, ?, ? from pg_class t where t.oid = to_regclass(?)"
                + " on conflict (relation) do update set relid = excluded.relid, filenode = excluded.filenode, rows = excluded.rows,"
                + " run_id = excluded.run_id, max_batch_id = excluded.max_batch_id")) {
            ps.setString(1, relation);
            ps.setLong(2, rows);
            ps.setLong(3, runId);
            if (maxBatch < 0) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, maxBatch);
            }
            ps.setString(5, table);
            ps.executeUpdate();
        }
    }

    /**
     * True if {@code relation} is the view stored in {@link #VIEWS} with this {@code fingerprint}: same oid, rewrite
     * rule written by the same transaction; and {@code alsoTrue}, an SQL condition checked in the same round trip.
     */
    static boolean viewUnchanged(Connection c, String relation, String fingerprint, String alsoTrue) throws SQLException {
        List<String> r = Jdbc.row(c, "select exists (select 1 from " + VIEWS + " v join pg_rewrite w on w.ev_class = v.relid and w.rulename = '_RETURN'"
                + " where v.relation = " + Jdbc.literal(relation) + " and v.relid = to_regclass(" + Jdbc.literal(relation) + ")"
                + " and v.rule_xmin = w.xmin::text and v.fingerprint = " + Jdbc.literal(fingerprint) + " and v.inputs is not distinct from " + INPUTS + ") and " + alsoTrue);
        return "t".equals(r.get(0));
    }

    /**
     * The relations a view's rule {@code w} reads, each as its oid and the transaction that last wrote its catalog row:
     * a column added to one of them ({@code alter table ... add column}: a {@code select *} view would have it if
     * created now), or a replacement, changes it; statistics and row changes do not (analyze updates the row in place).
     */
    private static final String INPUTS = "(select string_agg(c.oid::text || ':' || c.xmin::text, ',' order by c.oid) from pg_class c"
            + " where c.oid in (select d.refobjid from pg_depend d where d.classid = 'pg_rewrite'::regclass and d.objid = w.oid"
            + " and d.refclassid = 'pg_class'::regclass and d.refobjid <> w.ev_class))";

    /** The statement that stores {@code relation}, a view as it is now in the transaction, with {@code fingerprint}. */
    static String storeViewStatement(String relation, String fingerprint, long runId) {
        return "insert into " + VIEWS + " (relation, relid, rule_xmin, fingerprint, run_id, inputs) select " + Jdbc.literal(relation) + ", w.ev_class,"
                + " w.xmin::text, " + Jdbc.literal(fingerprint) + ", " + runId + ", " + INPUTS + " from pg_rewrite w where w.ev_class = to_regclass("
                + Jdbc.literal(relation) + ") and w.rulename = '_RETURN' on conflict (relation) do update set relid = excluded.relid,"
                + " rule_xmin = excluded.rule_xmin, fingerprint = excluded.fingerprint, run_id = excluded.run_id, inputs = excluded.inputs";
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
