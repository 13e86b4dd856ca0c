package dev.fap.generator.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.rows.BronzeRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes one {@code <table>.csv} per bronze table into a folder. Rows go to hidden temporary files
 * first; only {@link #commit()} renames them into place, so a crash never leaves a complete-looking
 * half-written file.
 */
public final class CsvSink implements RowSink, AutoCloseable {
    private final Path dir;
    private final Map<BronzeTable, BronzeRowWriter> writers = new EnumMap<>(BronzeTable.class);
    private final Map<BronzeTable, Path> temps = new EnumMap<>(BronzeTable.class);
    private boolean committed;

    public CsvSink(Path dir) {
        this.dir = dir;
        try {
            for (BronzeTable t : BronzeTable.values()) {
                Path tmp = dir.resolve("." + t.tableName() + ".csv.tmp");
                temps.put(t, tmp);
                BronzeRowWriter w = BronzeRowWriter.csv(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
                w.header(t.columnNames());
                writers.put(t, w);
            }
        } catch (IOException e) {
            close();
            throw new FapException(ErrorCode.IO_ERROR, "cannot write CSV files in " + dir + ": " + e.getMessage(),
                    "choose a folder you can write to (--out DIR)", e);
        }
    }

    @Override
    public void accept(BronzeRecord row) {
        row.writeTo(writers.get(row.table()));
    }

    /** Rows written per table. */
    public Map<BronzeTable, Long> counts() {
        Map<BronzeTable, Long> m = new EnumMap<>(BronzeTable.class);
        writers.forEach((t, w) -> m.put(t, w.rows()));
        return m;
    }

    /** Closes the files and moves them to their final names. */
    public void commit() {
        for (BronzeRowWriter w : writers.values()) {
            w.close();
        }
        try {
            for (Map.Entry<BronzeTable, Path> e : temps.entrySet()) {
                Path target = dir.resolve(e.getKey().tableName() + ".csv");
                try {
                    Files.move(e.getValue(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            committed = true;
        } catch (IOException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot rename CSV files in " + dir + ": " + e.getMessage(),
                    "check the folder's permissions", e);
        }
    }

    /** Without commit: deletes the temporary files. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (BronzeRowWriter w : writers.values()) {
            try {
                w.close();
            } catch (RuntimeException ignored) {
                // abandoning the output
            }
        }
        for (Path p : temps.values()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
