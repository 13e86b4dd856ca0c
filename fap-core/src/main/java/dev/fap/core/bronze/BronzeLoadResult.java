package dev.fap.core.bronze;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one bronze load batch wrote: its id, the rows per table and how long it took.
 *
 * <pre>{@code
 * BronzeLoadResult r = BronzeLoader.loadCsv(db, Path.of("data"));
 * r.rows(BronzeTable.TRANSACTIONS); // 50000
 * System.out.println(r);           // batch 3: 13 tables, 61234 rows in 412 ms
 * }</pre>
 *
 * @param batchId      the {@code _batch_id} stamped on every row of the batch
 * @param source       where the rows came from (a folder, {@code generator seed=42}, ...)
 * @param rowsPerTable rows loaded per table (tables not loaded are absent)
 * @param millis       wall time of the load in milliseconds
 */
public record BronzeLoadResult(long batchId, String source, Map<BronzeTable, Long> rowsPerTable, long millis) {
    public BronzeLoadResult {
        EnumMap<BronzeTable, Long> copy = new EnumMap<>(BronzeTable.class);
        copy.putAll(rowsPerTable);
        rowsPerTable = Collections.unmodifiableMap(copy);
    }

    /** Rows loaded into {@code table}, 0 if none. */
    public long rows(BronzeTable table) {
        return rowsPerTable.getOrDefault(table, 0L);
    }

    /** Rows loaded over all tables. */
    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return "batch " + batchId + " (" + source + "): " + rowsPerTable.size() + " tables, " + totalRows() + " rows in "
                + millis + " ms " + rowsPerTable.entrySet().stream()
                        .map(e -> e.getKey().tableName() + "=" + e.getValue()).collect(Collectors.joining(", ", "[", "]"));
    }
}
