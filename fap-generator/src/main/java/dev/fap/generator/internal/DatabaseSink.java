package dev.fap.generator.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.bronze.BronzeBatch;
import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.rows.BronzeRecord;
import dev.fap.generator.rows.Transaction;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Streams rows into one bronze batch. Transactions are written by the simulation's workers, each
 * chunk over whichever of the batch's parallel COPY connections ({@link BronzeBatch#parallel}) is
 * free, so formatting, sending and PostgreSQL's parsing of the big table run on all cores; the other
 * tables arrive in output order on the calling thread. Row order inside {@code bronze.transactions}
 * then depends on timing (the rows themselves do not).
 */
public final class DatabaseSink implements RowSink {
    private final BronzeBatch batch;
    private final BlockingQueue<BronzeRowWriter> free;

    /** Opens {@code bronze.transactions} over up to {@code lanes} connections; call before any other table is written. */
    public DatabaseSink(BronzeBatch batch, int lanes) {
        this.batch = batch;
        List<BronzeRowWriter> writers = batch.parallel(BronzeTable.TRANSACTIONS, lanes);
        this.free = new ArrayBlockingQueue<>(writers.size(), false, writers);
    }

    /** How many connections carry the transactions. */
    public int lanes() {
        return free.remainingCapacity() + free.size();
    }

    @Override
    public void accept(BronzeRecord row) {
        row.writeTo(batch.table(row.table()));
    }

    @Override
    public boolean takeTransactions(List<Transaction> transactions) {
        BronzeRowWriter w;
        try {
            w = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FapException(ErrorCode.INTERNAL, "loading transactions was interrupted", "run the load again", e);
        }
        try {
            for (Transaction t : transactions) {
                t.writeTo(w);
            }
        } finally {
            free.add(w);
        }
        return true;
    }
}
