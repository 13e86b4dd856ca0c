package dev.fap.core.bronze;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.internal.SqlErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads raw data into the bronze schema with PostgreSQL {@code COPY}: from a folder of CSV files
 * ({@code ./fap load --from DIR}) or row by row from a producer such as the generator.
 *
 * <p>Every load is one atomic batch ({@link BronzeBatch}): the bronze tables are created from the
 * contract ({@link BronzeTable#createTableSql}) if missing, each row is stamped with the batch's
 * {@code _batch_id} and {@code _loaded_at} (the transaction time), and the batch is recorded in
 * {@code fap_meta.load_batches} (batch_id, source, rows_per_table as JSON, total_rows, millis,
 * loaded_at) in the same transaction. Bronze only appends: loading twice keeps both batches.
 *
 * <pre>{@code
 * BronzeLoadResult r = BronzeLoader.loadCsv(db, Path.of("data/raw"));
 * System.out.println(r);   // batch 1 (data/raw): 13 tables, 61234 rows in 380 ms [...]
 * }</pre>
 *
 * <p>CSV files are named {@code <table>.csv} (e.g. {@code transactions.csv}), UTF-8, with a header
 * row naming the contract's columns in any order; every column of the contract must be present and
 * no other. All files are validated before anything is loaded.
 */
public final class BronzeLoader {
    /** The batch registry. */
    public static final String BATCHES_TABLE = Database.META + ".load_batches";

    private BronzeLoader() {}

    /**
     * Opens a new batch on its own connection; write rows through {@link BronzeBatch#table} and
     * finish with {@link BronzeBatch#commit()}.
     *
     * @param source a short description recorded with the batch
     */
    public static BronzeBatch begin(Database db, String source) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(source, "source");
        ensureTables(db);
        Connection c = db.connection();
        try {
            long id;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select nextval('" + Database.META + ".load_batch_seq')")) {
                rs.next();
                id = rs.getLong(1);
            }
            resolveAbandonedParts(c);
            c.setAutoCommit(false);
            return new BronzeBatch(db, c, id, source);
        } catch (SQLException e) {
            closeQuietly(c);
            throw SqlErrors.translate(e, "starting a bronze load batch");
        }
    }

    /**
     * Loads every {@code <table>.csv} of {@code dir} as one batch, after checking all headers.
     *
     * @throws FapException {@link ErrorCode#INVALID_ARGUMENT} for a missing folder, no CSV file, a file
     *                      that names no bronze table, or a header with a missing, unknown or repeated
     *                      column; {@link ErrorCode#IO_ERROR} when a file cannot be read
     */
    public static BronzeLoadResult loadCsv(Database db, Path dir) {
        Objects.requireNonNull(db, "db");
        Map<BronzeTable, Path> files = findFiles(dir);
        Map<BronzeTable, List<String>> headers = new EnumMap<>(BronzeTable.class);
        for (Map.Entry<BronzeTable, Path> e : files.entrySet()) {
            headers.put(e.getKey(), validateHeader(e.getKey(), e.getValue()));
        }
        try (BronzeBatch batch = begin(db, dir.toAbsolutePath().normalize().toString())) {
            for (Map.Entry<BronzeTable, Path> e : files.entrySet()) {
                batch.copyCsv(e.getKey(), headers.get(e.getKey()), e.getValue());
            }
            return batch.commit();
        }
    }

    /**
     * Checks a CSV file's header against {@code table}'s contract and returns its columns in file order.
     *
     * @throws FapException {@link ErrorCode#INVALID_ARGUMENT} naming missing, unknown or repeated columns
     */
    public static List<String> validateHeader(BronzeTable table, Path file) {
        String line;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = r.readLine();
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(),
                    "check that the file exists and is readable", e);
        }
        if (line == null || line.isBlank()) {
            throw FapException.invalidArgument(file + " is empty: expected a header row",
                    "the first line must name the columns: " + String.join(",", table.columnNames()));
        }
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        List<String> names = new ArrayList<>();
        for (String raw : line.split(",", -1)) {
            String n = raw.trim();
            if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
                n = n.substring(1, n.length() - 1);
            }
            names.add(n.toLowerCase(Locale.ROOT));
        }
        Set<String> seen = new HashSet<>();
        List<String> repeated = names.stream().filter(n -> !seen.add(n)).toList();
        Set<String> expected = new LinkedHashSet<>(table.columnNames());
        List<String> missing = expected.stream().filter(n -> !names.contains(n)).toList();
        List<String> extra = names.stream().filter(n -> !expected.contains(n)).toList();
        if (!missing.isEmpty() || !extra.isEmpty() || !repeated.isEmpty()) {
            StringBuilder msg = new StringBuilder(file.getFileName() + " does not match bronze." + table.tableName() + ":");
            if (!missing.isEmpty()) {
                msg.append(" missing column(s) ").append(missing);
            }
            if (!extra.isEmpty()) {
                msg.append(" unknown column(s) ").append(extra);
            }
            if (!repeated.isEmpty()) {
                msg.append(" repeated column(s) ").append(repeated);
            }
            throw FapException.invalidArgument(msg.toString(),
                    "the header must name exactly these columns (any order): " + String.join(",", table.columnNames()));
        }
        return List.copyOf(names);
    }

    private static Map<BronzeTable, Path> findFiles(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw FapException.invalidArgument("no such folder: " + dir.toAbsolutePath(),
                    "pass a folder holding <table>.csv files, e.g. the output of ./fap generate --out DIR");
        }
        Map<BronzeTable, Path> files = new EnumMap<>(BronzeTable.class);
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".csv") || !Files.isRegularFile(p)) {
                    continue;
                }
                String table = name.substring(0, name.length() - 4).toLowerCase(Locale.ROOT);
                BronzeTable t = Stream.of(BronzeTable.values()).filter(x -> x.tableName().equals(table)).findFirst().orElse(null);
                if (t == null) {
                    unknown.add(name);
                } else {
                    files.put(t, p);
                }
            }
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot list " + dir + ": " + e.getMessage(),
                    "check the folder's permissions", e);
        }
        if (!unknown.isEmpty()) {
            throw FapException.invalidArgument("file(s) " + unknown + " in " + dir + " name no bronze table",
                    "rename or move them; tables are " + Stream.of(BronzeTable.values()).map(BronzeTable::tableName)
                            .collect(Collectors.joining(", ")));
        }
        if (files.isEmpty()) {
            throw FapException.invalidArgument("no <table>.csv file in " + dir.toAbsolutePath(),
                    "generate some with ./fap generate --out " + dir + " or copy your extracts there");
        }
        return files;
    }

    /**
     * Creates the bronze tables (with their {@linkplain BronzeTable#batchIndexName() batch index}), the batch sequence and
     * the batch registry if they do not exist. A bronze table of an earlier version without the batch index gets it
     * here (built and summarized once, then only checked by name).
     */
    public static void ensureTables(Database db) {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            for (BronzeTable t : BronzeTable.values()) {
                boolean exists;
                boolean indexed;
                try (ResultSet rs = s.executeQuery("select to_regclass('" + Database.BRONZE + "." + t.tableName() + "') is not null, to_regclass('"
                        + Database.BRONZE + "." + t.batchIndexName() + "') is not null")) {
                    rs.next();
                    exists = rs.getBoolean(1);
                    indexed = rs.getBoolean(2);
                }
                if (!exists) {
                    s.execute(t.createTableSql(Database.BRONZE));
                    for (String comment : t.commentSql(Database.BRONZE)) {
                        s.addBatch(comment);
                    }
                    s.executeBatch();
                }
                if (!indexed) {
                    s.execute(t.createBatchIndexSql(Database.BRONZE));
                }
            }
            s.execute("create sequence if not exists " + Database.META + ".load_batch_seq");
            s.execute("create table if not exists " + BATCHES_TABLE + " (batch_id bigint primary key, source text not null, "
                    + "rows_per_table jsonb not null, total_rows bigint not null, millis bigint not null, "
                    + "loaded_at timestamptz not null default now())");
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "creating the bronze tables");
        }
    }

    /**
     * Finishes the parallel parts (prepared transactions) of batches whose process died during the
     * commit: committed when the batch's registry row exists, rolled back when not. Parts of a batch
     * still in progress are left alone (their session holds the batch's advisory lock).
     */
    private static void resolveAbandonedParts(Connection c) throws SQLException {
        List<String> gids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select gid from pg_prepared_xacts where database = "
                + "current_database() and gid like '" + BronzeBatch.GID_PREFIX.replace("_", "\\_") + "%'")) {
            while (rs.next()) {
                gids.add(rs.getString(1));
            }
        }
        for (String gid : gids) {
            String[] parts = gid.substring(BronzeBatch.GID_PREFIX.length()).split("_");
            long batch;
            try {
                batch = Long.parseLong(parts[0]);
            } catch (NumberFormatException notOurs) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                boolean free;
                try (ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + BronzeBatch.LANE_LOCK + ", " + (int) batch + ")")) {
                    rs.next();
                    free = rs.getBoolean(1);
                }
                if (!free) {
                    continue;
                }
                try {
                    boolean decided;
                    try (ResultSet rs = s.executeQuery("select exists (select 1 from " + BATCHES_TABLE + " where batch_id = " + batch + ")")) {
                        rs.next();
                        decided = rs.getBoolean(1);
                    }
                    s.execute((decided ? "commit" : "rollback") + " prepared '" + gid + "'");
                } finally {
                    s.execute("select pg_advisory_unlock(" + BronzeBatch.LANE_LOCK + ", " + (int) batch + ")");
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do with a broken connection
        }
    }
}
