package dev.fap.generator.internal;

import dev.fap.generator.rows.CustomerChange;
import dev.fap.generator.rows.CustomerInteraction;
import dev.fap.generator.rows.FraudAlert;
import dev.fap.generator.rows.LoanPayment;
import dev.fap.generator.rows.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a run of consecutive customers, produced by one worker. Alerts, interactions,
 * payments and changes get their ids when the chunks are emitted in customer order, so ids do not
 * depend on threads.
 */
final class ChunkOutput {
    final List<CustomerChange> changes = new ArrayList<>();
    final List<Transaction> transactions = new ArrayList<>();
    final List<FraudAlert> alerts = new ArrayList<>();
    final List<CustomerInteraction> interactions = new ArrayList<>();
    final List<LoanPayment> payments = new ArrayList<>();
    final SimulationStats stats = new SimulationStats();
    /** Transactions of the chunk, also when a sink took them on the worker ({@link RowSink#takeTransactions}). */
    long transactionCount;
}
