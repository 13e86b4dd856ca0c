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
import java.sql.SQLException;
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
    private final Connection connection;
    private final long batchId;
    private final String source;
    private final long started = System.nanoTime();
    private final Map<BronzeTable, BronzeRowWriter> writers = new EnumMap<>(BronzeTable.class);
    private final Map<BronzeTable, Path> spools = new EnumMap<>(BronzeTable.class);
    private final Map<BronzeTable, Long> copied = new EnumMap<>(BronzeTable.class);
    private BronzeTable live;
    private boolean finished;

    BronzeBatch(Connection connection, long batchId, String source) {
        this.connection = connection;
        this.batchId = batchId;
        this.source = source;
    }

    /** The id stamped into {@code _batch_id} of every row of this batch. */
    public long batchId() {
        return batchId;
    }

    /**
     * The writer for {@code table}'s rows, in COPY text format, data columns in contract order (the
     * batch id is appended by the writer). Calling again for the same table returns the same writer.
     */
    public BronzeRowWriter table(BronzeTable table) {
        checkOpen();
        BronzeRowWriter w = writers.get(table);
        if (w != null) {
            return w;
        }
        String suffix = "\t" + batchId;
        try {
            if (live == null) {
                live = table;
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                PGCopyOutputStream out = new PGCopyOutputStream(copy.copyIn(copySql(table, "text")), 1 << 16);
                w = BronzeRowWriter.withRowSuffix(out, BronzeRowWriter.Format.COPY_TEXT, suffix);
            } else {
                Path spool = Files.createTempFile("fap-bronze-" + table.tableName() + "-", ".copy");
                spools.put(table, spool);
                w = BronzeRowWriter.withRowSuffix(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16),
                        BronzeRowWriter.Format.COPY_TEXT, suffix);
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
                    copy.copyIn(copySql(e.getKey(), "text"), in, 1 << 16);
                }
                rows.put(e.getKey(), w.rows());
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
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is discarded below either way
                }
            }
        } finally {
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
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: the pool evicts it
            }
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("bronze batch " + batchId + " is already committed or closed");
        }
    }

    private static String copySql(BronzeTable table, String format) {
        return "copy " + Database.BRONZE + "." + table.tableName() + " (" + String.join(", ", table.columnNames()) + ", "
                + BronzeTable.BATCH_ID_COLUMN + ") from stdin with (format " + format + ")";
    }
}
