package dev.fap.generator;

import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one generation wrote: the batch and period, rows per table, the time it took, the bronze
 * batch id (database sink only) and the manifest of deliberately spoiled rows.
 *
 * <pre>{@code
 * GenerateResult r = DataGenerator.of(DatasetSpec.defaults()).toCsv(Path.of("data"));
 * r.rows(BronzeTable.TRANSACTIONS);   // 50000
 * System.out.println(r);             // batch 0 2023-01-01..2024-12-31: 13 tables, 66012 rows in 812 ms [...]
 * }</pre>
 *
 * @param batch        0 for the base dataset, n for the n-th {@link DataGenerator#nextBatch(int)}
 * @param from         first day of the data
 * @param to           last day of the data
 * @param rowsPerTable rows written per table (every table present, possibly 0)
 * @param millis       wall time in milliseconds
 * @param bronzeBatchId the {@code _batch_id} stamped in bronze, or -1 when not written to a database
 * @param dirty        the spoiled rows (empty when the dirty rate is 0)
 */
public record GenerateResult(int batch, LocalDate from, LocalDate to, Map<BronzeTable, Long> rowsPerTable, long millis,
                             long bronzeBatchId, DirtyManifest dirty) {
    public GenerateResult {
        EnumMap<BronzeTable, Long> copy = new EnumMap<>(BronzeTable.class);
        for (BronzeTable t : BronzeTable.values()) {
            copy.put(t, rowsPerTable.getOrDefault(t, 0L));
        }
        rowsPerTable = Collections.unmodifiableMap(copy);
    }

    /** Rows written to {@code table}. */
    public long rows(BronzeTable table) {
        return rowsPerTable.get(table);
    }

    /** Rows over all tables. */
    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return "batch " + batch + " " + from + ".." + to + ": " + rowsPerTable.size() + " tables, " + totalRows() + " rows in "
                + millis + " ms" + (bronzeBatchId >= 0 ? " (bronze batch " + bronzeBatchId + ")" : "")
                + (dirty.isEmpty() ? "" : ", " + dirty.size() + " spoiled rows")
                + rowsPerTable.entrySet().stream().map(e -> e.getKey().tableName() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", " [", "]"));
    }
}
