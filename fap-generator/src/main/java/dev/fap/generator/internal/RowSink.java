package dev.fap.generator.internal;

import dev.fap.generator.rows.BronzeRecord;
import dev.fap.generator.rows.Transaction;
import java.util.List;

/** Receives generated rows in output order, from one thread. */
@FunctionalInterface
public interface RowSink {
    void accept(BronzeRecord row);

    /**
     * Offered each chunk's transactions on the worker thread that simulated them, concurrently with
     * other workers: a sink whose table order does not matter writes them there (in parallel) and
     * returns true; they are then not passed to {@link #accept}. The default declines: every row
     * arrives through {@link #accept} in output order.
     */
    default boolean takeTransactions(List<Transaction> transactions) {
        return false;
    }
}
