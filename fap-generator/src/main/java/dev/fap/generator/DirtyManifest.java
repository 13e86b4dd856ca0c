package dev.fap.generator;

import dev.fap.core.bronze.BronzeTable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Exactly which rows the generator spoiled on purpose ({@link DatasetSpec#withDirtyRate}), so that
 * the silver layer's quarantine can be tested row by row.
 *
 * <pre>{@code
 * DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withDirtyRate(0.01));
 * GenerateResult r = gen.toDatabase(db);
 * for (DirtyManifest.Entry e : r.dirty().entries()) {
 *     // e.table(), e.rowNumber(), e.key(), e.defect(), e.column()
 * }
 * r.dirty().count(BronzeTable.TRANSACTIONS, DirtyManifest.Defect.NEGATIVE_AMOUNT);
 * }</pre>
 *
 * @param entries one entry per spoiled row, in output order
 */
public record DirtyManifest(List<Entry> entries) {
    public DirtyManifest {
        entries = List.copyOf(entries);
    }

    /** The kinds of defect injected. */
    public enum Defect {
        /** The natural key is null. */
        MISSING_KEY,
        /** A money amount that must be positive is negative (or a signed amount has the wrong sign). */
        NEGATIVE_AMOUNT,
        /** An amount 1,000x larger than any real one. */
        ABSURD_AMOUNT,
        /** A code column holds a value outside its domain (e.g. channel {@code Telepathy}). */
        UNKNOWN_CODE,
        /** A date or timestamp later than the dataset's end (by 1-3 years). */
        FUTURE_DATE,
        /** An exact copy of the previous row of the same table (same key). */
        DUPLICATE,
        /** A reference (customer_id, account_id, merchant_id, ...) to a row that does not exist. */
        ORPHAN_REFERENCE,
        /** An email without a valid {@code local@domain.tld} shape. */
        MALFORMED_EMAIL,
        /** A phone number that is not 10 digits. */
        MALFORMED_PHONE,
        /** Leading/trailing whitespace around a text value. */
        STRAY_WHITESPACE,
        /** A code in the wrong letter case (e.g. {@code purchase}, {@code ONLINE}). */
        WRONG_CASE
    }

    /**
     * One spoiled row.
     *
     * @param table     the table
     * @param rowNumber 1-based position among the table's data rows in this output (CSV line = rowNumber + 1)
     * @param key       the row's natural key as generated (before spoiling)
     * @param defect    what was done
     * @param column    the column spoiled
     * @param detail    the spoiled value, readable
     */
    public record Entry(BronzeTable table, long rowNumber, String key, Defect defect, String column, String detail) {}

    /** No spoiled rows. */
    public static DirtyManifest empty() {
        return new DirtyManifest(List.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** Entries of one table. */
    public List<Entry> of(BronzeTable table) {
        return entries.stream().filter(e -> e.table() == table).toList();
    }

    /** Number of entries of a table and defect. */
    public long count(BronzeTable table, Defect defect) {
        return entries.stream().filter(e -> e.table() == table && e.defect() == defect).count();
    }

    /** Entries per table. */
    public Map<BronzeTable, Long> countsByTable() {
        return entries.stream().collect(Collectors.groupingBy(Entry::table, () -> new EnumMap<>(BronzeTable.class),
                Collectors.counting()));
    }

    @Override
    public String toString() {
        return "DirtyManifest[" + entries.size() + " rows " + countsByTable() + "]";
    }
}
