package dev.fap.analytics.internal;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs analysis SQL and reads typed values, translating failures into {@link FapException}s. */
public final class Sql {
    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);
    private final Database db;

    public Sql(Database db) {
        this.db = db;
    }

    public Database db() {
        return db;
    }

    /** Runs a query; a missing gold/silver relation becomes ANALYSIS_FAILED with the fix. */
    public List<Record> fetch(String sql, Object... binds) {
        long t0 = System.nanoTime();
        try {
            List<Record> rows = db.dsl().fetch(sql, binds);
            log(t0, rows.size(), sql);
            return rows;
        } catch (DataAccessException e) {
            throw translate(e, sql);
        }
    }

    /** {@code work_mem} for the few statements that hash-aggregate per customer (see {@link #fetchWithWorkMem}). */
    static final String LARGE_WORK_MEM = "256MB";

    /**
     * Runs a query in its own transaction with {@code SET LOCAL work_mem} raised to {@value #LARGE_WORK_MEM},
     * so a hash aggregate with one group per customer × category stays in memory on large data instead of
     * spilling to disk; the setting ends with the transaction.
     */
    public List<Record> fetchWithWorkMem(String sql, Object... binds) {
        return fetchWith("set local work_mem = '" + LARGE_WORK_MEM + "'", sql, binds);
    }

    /**
     * Runs a grouping query in its own transaction with {@code SET LOCAL enable_sort = off}, so PostgreSQL
     * aggregates in a hash table instead of sorting every row. For passes grouped by many columns of the fact
     * table: the planner multiplies the columns' distinct counts into an estimate of millions of groups (the
     * combinations that occur are thousands) and would sort the 10M rows to disk (at 10M transactions 45 s
     * against 15 s of CPU for the fraud factor combinations).
     */
    public List<Record> fetchHashed(String sql, Object... binds) {
        return fetchWith("set local enable_sort = off", sql, binds);
    }

    private List<Record> fetchWith(String setting, String sql, Object... binds) {
        long t0 = System.nanoTime();
        try {
            List<Record> rows = db.dsl().transactionResult(cfg -> {
                cfg.dsl().execute(setting);
                return cfg.dsl().fetch(sql, binds);
            });
            log(t0, rows.size(), sql);
            return rows;
        } catch (DataAccessException e) {
            throw translate(e, sql);
        }
    }

    private static void log(long t0, int rows, String sql) {
        if (LOG.isDebugEnabled()) {
            String flat = sql.strip().replaceAll("\\s+", " ");
            LOG.debug("{} ms, {} rows: {}", (System.nanoTime() - t0) / 1_000_000, rows, flat.substring(0, Math.min(140, flat.length())));
        }
    }

    /** Runs a statement. */
    public int execute(String sql, Object... binds) {
        try {
            return db.dsl().execute(sql, binds);
        } catch (DataAccessException e) {
            throw translate(e, sql);
        }
    }

    /** The single row of a query. */
    public Record one(String sql, Object... binds) {
        List<Record> r = fetch(sql, binds);
        if (r.size() != 1) {
            throw new FapException(ErrorCode.INTERNAL, "expected one row, got " + r.size() + " from: " + sql, "report this as a bug");
        }
        return r.get(0);
    }

    static FapException translate(DataAccessException e, String sql) {
        String state = e.sqlState();
        Throwable cause = e.getCause();
        String msg = cause instanceof SQLException s ? s.getMessage() : e.getMessage();
        if ("42P01".equals(state) || "3F000".equals(state) || "42703".equals(state)) {
            return new FapException(ErrorCode.ANALYSIS_FAILED, "the warehouse is missing a table or column the analytics read: " + msg,
                    "build the warehouse first (./fap build, or Warehouse.on(db, project).build(...))", e);
        }
        return new FapException(ErrorCode.DB_ERROR, "analytics query failed: " + msg, "check the database; query: "
                + sql.substring(0, Math.min(200, sql.length())), e);
    }

    public static double d(Record r, String field) {
        Object v = r.get(field);
        return v == null ? 0.0 : ((Number) v).doubleValue();
    }

    public static Double dOrNull(Record r, String field) {
        Object v = r.get(field);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public static long l(Record r, String field) {
        Object v = r.get(field);
        if (v == null) {
            return 0L;
        }
        if (v instanceof BigDecimal b) {
            return b.longValue();
        }
        return ((Number) v).longValue();
    }

    public static String s(Record r, String field) {
        Object v = r.get(field);
        return v == null ? "(none)" : v.toString();
    }

    public static boolean b(Record r, String field) {
        Object v = r.get(field);
        return v != null && (Boolean) v;
    }
}
