package dev.fap.core.bronze;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.internal.SqlErrors;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One atomic bronze load: every row written through it carries the same {@code _batch_id}, and
 * either all tables of the batch become visible together on {@link #commit()} (with a row in
 * {@code fap_meta.load_batches}) or none do.
 *
 * <p>The first table opened with {@link #table(BronzeTable)} streams straight into PostgreSQL with
 * {@code COPY ... FROM STDIN}; tables opened while another one is streaming are spooled to a
 * temporary file and copied at commit, all on one connection and in one transaction. Memory stays
 * constant whatever the number of rows.
 *
 * <p>One big table can be loaded over several connections at once with {@link #parallel(BronzeTable, int)}
 * (PostgreSQL parses COPY on one core per connection). The batch stays atomic through two-phase
 * commit: at {@link #commit()} the extra connections {@code PREPARE TRANSACTION}, the main connection
 * commits the rows of the batch registry (the decision), then the prepared transactions are committed.
 * If the process dies between the two steps, the next {@link BronzeLoader#begin} finishes the batch
 * (registry row present) or rolls its prepared parts back (absent). Without prepared transactions on
 * the server ({@code max_prepared_transactions = 0}) or without a spare pooled connection, the table
 * gets one writer on the main connection instead.
 *
 * <pre>{@code
 * try (BronzeBatch batch = BronzeLoader.begin(db, "my feed")) {
 *     BronzeRowWriter w = batch.table(BronzeTable.PRODUCTS);
 *     w.text("P01").text("Checking").text("Deposit").decimal(0.05).money(0).money(12)
 *      .money(500).text("Basic").bool(false).endRow();
 *     BronzeLoadResult r = batch.commit();
 * }   // closing without commit rolls back
 * }</pre>
 *
 * <p>Not thread-safe: write from one thread.
 */
public final class BronzeBatch implements AutoCloseable {
    /** Prefix of the prepared transactions of parallel writers: {@code fap_bronze_<batch>_<lane>}. */
    static final String GID_PREFIX = "fap_bronze_";
    /** First key of the session advisory lock a batch with parallel writers holds on its batch id. */
    static final int LANE_LOCK = 0x46415042;

    private final Database db;
    private final Connection connection;
    private final long batchId;
    private final String source;
    private final long started = System.nanoTime();
    private final Map<BronzeTable, BronzeRowWriter> writers = new EnumMap<>(BronzeTable.class);
    private final Map<BronzeTable, Path> spools = new EnumMap<>(BronzeTable.class);
    private final Map<BronzeTable, Long> copied = new EnumMap<>(BronzeTable.class);
    private final java.util.List<Lane> extraLanes = new java.util.ArrayList<>();
    private final java.util.List<String> prepared = new java.util.ArrayList<>();
    private BronzeTable live;
    private boolean lanesLocked;
    private boolean finished;

    /** An extra connection copying rows of one table; {@code gid} is its prepared transaction's name. */
    private record Lane(Connection connection, BronzeTable table, BronzeRowWriter writer, String gid) {}

    BronzeBatch(Database db, Connection connection, long batchId, String source) {
        this.db = db;
        this.connection = connection;
        this.batchId = batchId;
        this.source = source;
    }

    /** The id stamped into {@code _batch_id} of every row of this batch. */
    public long batchId() {
        return batchId;
    }

    /**
     * The writer for {@code table}'s rows (COPY binary format), data columns in contract order (the
     * batch id is appended by the writer). Calling again for the same table returns the same writer.
     */
    public BronzeRowWriter table(BronzeTable table) {
        checkOpen();
        BronzeRowWriter w = writers.get(table);
        if (w != null) {
            return w;
        }
        byte[] suffix = int8Fields(batchId);
        try {
            if (live == null) {
                live = table;
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                PGCopyOutputStream out = new PGCopyOutputStream(copy.copyIn(copySql(table, "binary")), 1 << 16);
                w = BronzeRowWriter.copyBinary(out, table.columns(), suffix, 1);
            } else {
                Path spool = Files.createTempFile("fap-bronze-" + table.tableName() + "-", ".copy");
                spools.put(table, spool);
                w = BronzeRowWriter.copyBinary(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16), table.columns(), suffix, 1);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "starting COPY into bronze." + table.tableName());
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot create a spool file for bronze." + table.tableName()
                    + ": " + e.getMessage(), "check free space in java.io.tmpdir", e);
        }
        writers.put(table, w);
        return w;
    }

    /**
     * Writers for {@code table} over up to {@code lanes} connections at once, for producers that
     * write from several threads: each writer belongs to one thread at a time, different writers
     * may be written concurrently. The first is {@link #table(BronzeTable)} on the main connection;
     * the others run on extra pooled connections in transactions that are prepared and committed
     * with the batch (see the class comment). Every row carries the same {@code _batch_id} and
     * {@code _loaded_at}. Returns a single writer when two-phase commit is not available (server
     * setting {@code max_prepared_transactions} = 0, no free slot, or no spare connection).
     *
     * <pre>{@code
     * List<BronzeRowWriter> ws = batch.parallel(BronzeTable.TRANSACTIONS, 2);   // open before other tables
     * }</pre>
     *
     * @param lanes 1-8
     * @throws IllegalStateException when {@code table} was already opened, or another table holds the
     *                               main connection's live COPY (open the parallel table first)
     */
    public java.util.List<BronzeRowWriter> parallel(BronzeTable table, int lanes) {
        checkOpen();
        if (lanes < 1 || lanes > 8) {
            throw new IllegalArgumentException("lanes must be 1-8, was " + lanes);
        }
        if (writers.containsKey(table) || copied.containsKey(table) || live != null) {
            throw new IllegalStateException("open bronze." + table.tableName() + " for parallel writers before any other table");
        }
        // the queries run before the main connection starts its COPY (a connection in COPY takes no query)
        int extra = lanes - 1 == 0 ? 0 : freePreparedSlots(lanes - 1);
        long loadedAt = 0;
        if (extra > 0) {
            // now() in microseconds since 2000-01-01 UTC, a timestamptz's binary form
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select (extract(epoch from now()) * 1000000)::bigint - 946684800000000, pg_try_advisory_lock("
                         + LANE_LOCK + ", " + (int) batchId + ")")) {
                rs.next();
                loadedAt = rs.getLong(1);
                lanesLocked = rs.getBoolean(2);
            } catch (SQLException e) {
                throw SqlErrors.translate(e, "starting parallel COPY into bronze." + table.tableName());
            }
        }
        java.util.List<BronzeRowWriter> result = new java.util.ArrayList<>();
        result.add(table(table));
        for (int i = 1; i <= extra; i++) {
            if (!spareConnection()) {
                break; // fewer lanes rather than waiting for the pool's timeout
            }
            Connection c;
            try {
                c = db.connection();
            } catch (FapException noSpare) {
                break; // the pool is exhausted: fewer lanes
            }
            try {
                c.setAutoCommit(false);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                String sql = "copy " + Database.BRONZE + "." + table.tableName() + " (" + String.join(", ", table.columnNames()) + ", "
                        + BronzeTable.BATCH_ID_COLUMN + ", " + BronzeTable.LOADED_AT_COLUMN + ") from stdin with (format binary)";
                PGCopyOutputStream out = new PGCopyOutputStream(copy.copyIn(sql), 1 << 16);
                BronzeRowWriter w = BronzeRowWriter.copyBinary(out, table.columns(), int8Fields(batchId, loadedAt), 2);
                extraLanes.add(new Lane(c, table, w, gid(batchId, i)));
                result.add(w);
            } catch (SQLException e) {
                closeQuietly(c);
                throw SqlErrors.translate(e, "starting parallel COPY into bronze." + table.tableName());
            }
        }
        return java.util.List.copyOf(result);
    }

    /** False when FAP's own pool is at its maximum size with no idle connection (an application's DataSource is just asked). */
    private boolean spareConnection() {
        if (db.dataSource() instanceof com.zaxxer.hikari.HikariDataSource h && h.getHikariPoolMXBean() != null) {
            var pool = h.getHikariPoolMXBean();
            return pool.getIdleConnections() > 0 || pool.getTotalConnections() < h.getMaximumPoolSize();
        }
        return true;
    }

    /** Up to {@code wanted} prepared-transaction slots the server has free; 0 when it has none. */
    private int freePreparedSlots(int wanted) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('max_prepared_transactions')::int - (select count(*) from pg_prepared_xacts)")) {
            rs.next();
            return Math.max(0, Math.min(wanted, rs.getInt(1)));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "reading max_prepared_transactions");
        }
    }

    /** The prepared transaction name of lane {@code lane} of batch {@code batchId}. */
    static String gid(long batchId, int lane) {
        return GID_PREFIX + batchId + "_" + lane;
    }

    /**
     * Copies a CSV file with a header row into {@code table} within this batch. {@code columns} are
     * the file's columns in file order (already validated against the contract by the caller).
     */
    long copyCsv(BronzeTable table, java.util.List<String> columns, Path file) {
        checkOpen();
        if (writers.containsKey(table) || copied.containsKey(table)) {
            throw FapException.invalidArgument("bronze." + table.tableName() + " is loaded twice in one batch",
                    "put each table's rows into one file");
        }
        String sql = "copy " + Database.BRONZE + "." + table.tableName() + " (" + String.join(", ", columns) + ", "
                + BronzeTable.BATCH_ID_COLUMN + ") from stdin with (format csv, header true)";
        try (InputStream in = new CopyCsvStamper(new BufferedInputStream(Files.newInputStream(file), 1 << 16), "," + batchId)) {
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in, 1 << 16);
            copied.put(table, rows);
            return rows;
        } catch (SQLException e) {
            throw new FapException(ErrorCode.INVALID_ARGUMENT, "cannot load " + file + " into bronze." + table.tableName()
                    + ": " + e.getMessage(), "fix the value named above (types follow BronzeTable." + table.name()
                    + ".columns()) and load again; nothing of this batch was kept", e);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(),
                    "check that the file exists and is readable", e);
        }
    }

    /**
     * Finishes every table, records the batch in {@code fap_meta.load_batches} and commits.
     *
     * @return rows per table and the elapsed time
     */
    public BronzeLoadResult commit() {
        checkOpen();
        Map<BronzeTable, Long> rows = new EnumMap<>(BronzeTable.class);
        rows.putAll(copied);
        try {
            if (live != null) {
                BronzeRowWriter w = writers.get(live);
                w.close();
                rows.put(live, w.rows());
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<BronzeTable, Path> e : spools.entrySet()) {
                BronzeRowWriter w = writers.get(e.getKey());
                w.close();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(e.getValue()), 1 << 16)) {
                    copy.copyIn(copySql(e.getKey(), "binary"), in, 1 << 16);
                }
                rows.put(e.getKey(), w.rows());
            }
            for (Lane lane : extraLanes) {
                lane.writer().close();
                rows.merge(lane.table(), lane.writer().rows(), Long::sum);
            }
            for (Lane lane : extraLanes) {
                try (Statement s = lane.connection().createStatement()) {
                    s.execute("prepare transaction '" + lane.gid() + "'");
                }
                prepared.add(lane.gid());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            try (PreparedStatement ps = connection.prepareStatement("insert into " + Database.META
                    + ".load_batches (batch_id, source, rows_per_table, total_rows, millis) values (?, ?, ?::jsonb, ?, ?)")) {
                ps.setLong(1, batchId);
                ps.setString(2, source);
                ps.setString(3, rows.entrySet().stream().map(x -> "\"" + x.getKey().tableName() + "\": " + x.getValue())
                        .collect(Collectors.joining(", ", "{", "}")));
                ps.setLong(4, rows.values().stream().mapToLong(Long::longValue).sum());
                ps.setLong(5, millis);
                ps.executeUpdate();
            }
            connection.commit();
            finished = true;
            commitPrepared();
            summarizeBatchIndexes(rows);
            return new BronzeLoadResult(batchId, source, rows, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "committing bronze load batch " + batchId);
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot read a spool file of batch " + batchId + ": " + e.getMessage(),
                    "check free space in java.io.tmpdir", e);
        } finally {
            if (!finished) {
                close();
            }
        }
    }

    /**
     * After the decision (the registry row) is committed: commits the prepared parts. A failure here
     * leaves them prepared; {@link BronzeLoader#begin} of the next batch commits them.
     */
    private void commitPrepared() {
        try {
            endPrepared("commit prepared");
        } catch (SQLException e) {
            throw new FapException(ErrorCode.INTERNAL, "bronze batch " + batchId + " is committed but its parallel parts "
                    + prepared + " could not be committed yet: " + e.getMessage(),
                    "they stay prepared and are committed by the next bronze load (BronzeLoader.begin)", e);
        }
    }

    /**
     * After the commit: summarizes the pages the batch appended in each table's BRIN batch index
     * ({@link BronzeTable#batchIndexName()}), so that the next incremental build's {@code _batch_id > N} skips every page
     * of the earlier batches (an unsummarized page range always has to be read). Reads only the new pages, which are
     * still in the buffer cache. A failure here loses nothing: the rows are committed, and the next batch's
     * summarization covers these pages too.
     */
    private void summarizeBatchIndexes(Map<BronzeTable, Long> rows) {
        String indexes = rows.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "'" + Database.BRONZE + "." + e.getKey().batchIndexName() + "'").collect(Collectors.joining(", "));
        if (indexes.isEmpty()) {
            return;
        }
        try {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("select brin_summarize_new_values(i) from unnest(array[" + indexes + "]) n, to_regclass(n) i where i is not null");
            }
        } catch (SQLException ignored) {
            // an optimisation only (see above): the batch is committed either way
        }
    }

    /** Rolls back unless committed, deletes spool files and returns the connection. */
    @Override
    public void close() {
        try {
            if (!finished) {
                finished = true;
                for (BronzeRowWriter w : writers.values()) {
                    try {
                        w.close();
                    } catch (RuntimeException ignored) {
                        // the batch is abandoned; the rollback below discards whatever reached the server
                    }
                }
                for (Lane lane : extraLanes) {
                    try {
                        lane.writer().close();
                    } catch (RuntimeException ignored) {
                        // abandoned like the main writers
                    }
                }
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is discarded below either way
                }
                for (Lane lane : extraLanes) {
                    try {
                        lane.connection().rollback();
                    } catch (SQLException ignored) {
                        // a prepared lane is rolled back below; a broken one is discarded
                    }
                }
                rollbackPrepared();
            }
        } finally {
            for (Lane lane : extraLanes) {
                closeQuietly(lane.connection());
            }
            extraLanes.clear();
            for (Path p : spools.values()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
            spools.clear();
            try {
                connection.setAutoCommit(true);
                if (lanesLocked) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("select pg_advisory_unlock(" + LANE_LOCK + ", " + (int) batchId + ")");
                    }
                }
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: the pool evicts it (and the session lock goes with it)
                closeQuietly(connection);
            }
        }
    }

    /** Ends every prepared part with {@code command} ({@code commit prepared} or {@code rollback prepared}). */
    private void endPrepared(String command) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            for (String gid : prepared) {
                s.execute(command + " '" + gid + "'");
            }
        }
        prepared.clear();
    }

    private void rollbackPrepared() {
        if (prepared.isEmpty()) {
            return;
        }
        try {
            endPrepared("rollback prepared");
        } catch (SQLException ignored) {
            // left prepared: the next BronzeLoader.begin rolls them back (no registry row for this batch)
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do with a broken connection
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("bronze batch " + batchId + " is already committed or closed");
        }
    }

    /** COPY binary fields of 8-byte integers (an int8, or a timestamptz in microseconds): length 8, big-endian value. */
    private static byte[] int8Fields(long... values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 * values.length);
        for (long v : values) {
            b.putInt(8).putLong(v);
        }
        return b.array();
    }

    private static String copySql(BronzeTable table, String format) {
        return "copy " + Database.BRONZE + "." + table.tableName() + " (" + String.join(", ", table.columnNames()) + ", "
                + BronzeTable.BATCH_ID_COLUMN + ") from stdin with (format " + format + ")";
    }
}
