package dev.fap.generator.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.generator.rows.Account;
import dev.fap.generator.rows.CreditApplication;
import dev.fap.generator.rows.Customer;
import dev.fap.generator.rows.CustomerChange;
import dev.fap.generator.rows.CustomerInteraction;
import dev.fap.generator.rows.EconomicIndicator;
import dev.fap.generator.rows.FraudAlert;
import dev.fap.generator.rows.LoanPayment;
import dev.fap.generator.rows.Transaction;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one {@link Window} of a {@link World} and streams its rows to a {@link RowSink} in a fixed
 * order: reference tables, customers, credit applications, then per run of customers their changes,
 * transactions, alerts, interactions and loan payments, and finally the accounts with their end
 * balances. Customers are simulated in parallel chunks with independent streams; chunks are emitted
 * in customer order, so the output is the same for any number of threads. Memory holds the world
 * plus at most {@code 2 x threads} chunks of ~16k transactions.
 */
public final class Simulation {
    private static final int CHUNK_TRANSACTIONS = 16_384;
    private static final int CHUNK_CUSTOMERS = 512;

    private Simulation() {}

    public static SimulationStats run(World w, Window win, RowSink sink, int threads, ProgressListener progress) {
        if (win.isBase()) {
            Catalog.PRODUCTS.forEach(sink::accept);
            w.merchants.forEach(sink::accept);
            for (EconomicIndicator e : w.economy.range(w.economy.origin(), YearMonth.from(LocalDate.ofEpochDay(win.toDay())))) {
                sink.accept(e);
            }
            w.campaigns.forEach(sink::accept);
            w.contacts.forEach(sink::accept);
        } else {
            for (long d = win.fromDay(); d <= win.toDay(); d++) {
                LocalDate day = LocalDate.ofEpochDay(d);
                if (day.getDayOfMonth() == 1) {
                    sink.accept(w.economy.month(YearMonth.from(day)));
                }
            }
        }
        int firstNewCustomer = win.isBase() ? 0 : w.customers.size();
        int firstNewAccount = win.isBase() ? 0 : w.accounts.size();
        int firstNewApplication = win.isBase() ? 0 : w.applications.size();
        for (int i = 0; i < win.newCustomers(); i++) {
            WorldBuilder.addCustomer(w, w.customers.size(), win.fromDay(), win.toDay(), false);
        }
        for (int i = 0; i < w.customers.size(); i++) {
            CustomerProfile p = w.customers.get(i);
            boolean churnedNow = p.churnDay >= win.fromDay() && p.churnDay <= win.toDay();
            if (i >= firstNewCustomer || churnedNow) {
                sink.accept(customerRow(p, win.toDay()));
            }
        }
        for (int i = firstNewApplication; i < w.applications.size(); i++) {
            CreditApplication a = w.applications.get(i);
            sink.accept(a);
        }
        long[] balancesBefore = new long[w.accounts.size()];
        long[] closeBefore = new long[w.accounts.size()];
        for (int i = 0; i < balancesBefore.length; i++) {
            balancesBefore[i] = w.accounts.get(i).balanceCents;
            closeBefore[i] = w.accounts.get(i).closeDay;
        }
        double[] dayCum = CustomerSimulator.dayWeights(win);
        double[] macro = CustomerSimulator.macroMultipliers(w, win);
        CustomerSimulator sim = new CustomerSimulator(w, win, dayCum, macro);
        long[] counts = allocate(w, win, sim);
        SimulationStats stats = new SimulationStats();
        progress.stepStarted("generate:transactions", win.transactions());
        long t0 = System.nanoTime();
        runChunks(w, win, sim, counts, sink, threads, stats, progress);
        progress.stepFinished("generate:transactions", win.transactions(), (System.nanoTime() - t0) / 1_000_000);
        for (AccountState a : w.accounts) {
            boolean changed = a.index >= firstNewAccount && a.index >= balancesBefore.length
                    || a.index < balancesBefore.length && (balancesBefore[a.index] != a.balanceCents || closeBefore[a.index] != a.closeDay
                    && a.closeDay <= win.toDay());
            if (win.isBase() || changed || a.index >= balancesBefore.length) {
                sink.accept(accountRow(a, win.toDay(), w.locale.currency));
            }
        }
        w.lastDay = win.toDay();
        w.batch = win.batch();
        return stats;
    }

    /** Exact apportionment of the window's transactions over customers (largest remainder). */
    private static long[] allocate(World w, Window win, CustomerSimulator sim) {
        int n = w.customers.size();
        double[] weight = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            CustomerProfile p = w.customers.get(i);
            weight[i] = p.activity * sim.exposure(p);
            total += weight[i];
        }
        long[] counts = new long[n];
        if (win.transactions() == 0) {
            return counts;
        }
        if (total <= 0) {
            throw new FapException(ErrorCode.INVALID_ARGUMENT, "no customer is active between " + LocalDate.ofEpochDay(win.fromDay())
                    + " and " + LocalDate.ofEpochDay(win.toDay()) + " to carry " + win.transactions() + " transactions",
                    "generate more customers or a longer period");
        }
        double[] frac = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            double q = win.transactions() * weight[i] / total;
            counts[i] = (long) Math.floor(q);
            frac[i] = q - counts[i];
            assigned += counts[i];
        }
        long remaining = win.transactions() - assigned;
        if (remaining > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> frac[a] != frac[b] ? Double.compare(frac[b], frac[a]) : Integer.compare(a, b));
            for (int k = 0; k < remaining; k++) {
                int i = order[k % n];
                if (weight[i] > 0) {
                    counts[i]++;
                } else {
                    remaining++;
                }
            }
        }
        return counts;
    }

    private record Chunk(int from, int to, long firstTx) {}

    private static void runChunks(World w, Window win, CustomerSimulator sim, long[] counts, RowSink sink, int threads,
                                  SimulationStats stats, ProgressListener progress) {
        List<Chunk> chunks = new ArrayList<>();
        long tx = w.nextTransaction;
        int from = 0;
        long inChunk = 0;
        long chunkFirst = tx;
        for (int i = 0; i < counts.length; i++) {
            inChunk += counts[i];
            tx += counts[i];
            if (inChunk >= CHUNK_TRANSACTIONS || i - from + 1 >= CHUNK_CUSTOMERS || i == counts.length - 1) {
                chunks.add(new Chunk(from, i + 1, chunkFirst));
                from = i + 1;
                inChunk = 0;
                chunkFirst = tx;
            }
        }
        w.nextTransaction = tx;
        long done = 0;
        if (threads <= 1 || chunks.size() <= 1) {
            for (Chunk c : chunks) {
                ChunkOutput out = simulateChunk(w, sim, counts, c, sink);
                emit(w, out, sink, stats);
                done += out.transactionCount;
                progress.progress("generate:transactions", done);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fap-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<ChunkOutput>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < chunks.size() || !inFlight.isEmpty()) {
                while (next < chunks.size() && inFlight.size() < threads * 2) {
                    Chunk c = chunks.get(next++);
                    inFlight.add(pool.submit(() -> simulateChunk(w, sim, counts, c, sink)));
                }
                ChunkOutput out = inFlight.removeFirst().get();
                emit(w, out, sink, stats);
                done += out.transactionCount;
                progress.progress("generate:transactions", done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FapException(ErrorCode.INTERNAL, "generation interrupted", "run it again", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new FapException(ErrorCode.INTERNAL, "generation failed: " + cause, "report this as a bug", cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ChunkOutput simulateChunk(World w, CustomerSimulator sim, long[] counts, Chunk c, RowSink sink) {
        ChunkOutput out = new ChunkOutput();
        long tx = c.firstTx();
        for (int i = c.from(); i < c.to(); i++) {
            sim.simulate(w.customers.get(i), (int) counts[i], tx, out);
            tx += counts[i];
        }
        out.transactionCount = out.transactions.size();
        if (sink.takeTransactions(out.transactions)) {
            out.transactions.clear();
        }
        return out;
    }

    private static void emit(World w, ChunkOutput out, RowSink sink, SimulationStats stats) {
        for (CustomerChange c : out.changes) {
            sink.accept(new CustomerChange(Ids.id('H', w.nextChange++, 7), c.customerId(), c.changeDate(),
                    c.attribute(), c.oldValue(), c.newValue()));
        }
        for (Transaction t : out.transactions) {
            sink.accept(t);
        }
        for (FraudAlert a : out.alerts) {
            sink.accept(new FraudAlert(Ids.id('F', w.nextAlert++, 7), a.transactionId(), a.customerId(), a.accountId(),
                    a.alertDate(), a.alertType(), a.alertSeverity(), a.investigationStatus(), a.resolutionDate(), a.amountRecovered(),
                    a.assignedTo(), a.notes()));
        }
        for (CustomerInteraction i : out.interactions) {
            sink.accept(new CustomerInteraction(Ids.id('I', w.nextInteraction++, 7), i.customerId(),
                    i.interactionDate(), i.interactionType(), i.reason(), i.durationMinutes(), i.sentimentScore(),
                    i.satisfactionRating(), i.resolved(), i.escalated(), i.agentId(), i.notes()));
        }
        for (LoanPayment p : out.payments) {
            sink.accept(new LoanPayment(Ids.id('Y', w.nextPayment++, 9), p.accountId(), p.customerId(),
                    p.scheduledDate(), p.actualDate(), p.scheduledAmount(), p.actualAmount(), p.isLate(), p.daysLate(), p.lateFee(),
                    p.paymentMethod(), p.outstandingBalance()));
        }
        stats.add(out.stats);
    }

    /** The customers row as of {@code endDay}: demographics as at start/signup, activity flags as at the end. */
    static Customer customerRow(CustomerProfile p, long endDay) {
        Customer c = p.row;
        boolean active = p.churnDay > endDay;
        if (active == c.isActive()) {
            return c;
        }
        LocalDate lastLogin = active ? c.lastLoginDate() : LocalDate.ofEpochDay(Math.max(p.signupDay,
                Math.min(c.lastLoginDate().toEpochDay(), p.churnDay - 1)));
        return new Customer(c.customerId(), c.firstName(), c.lastName(), c.email(), c.phone(), c.dateOfBirth(), c.age(), c.ssn(),
                c.address(), c.city(), c.state(), c.zipCode(), c.country(), c.signupDate(), c.creditScore(), c.annualIncome(),
                c.employmentStatus(), c.employer(), c.jobTitle(), c.educationLevel(), c.maritalStatus(), c.numberOfDependents(),
                c.homeOwnership(), c.customerSegment(), c.lifeStage(), c.riskSegment(), active, c.preferredChannel(),
                c.marketingOptIn(), c.loyaltyTier(), c.customerLifetimeValue(), c.churnRiskScore(), lastLogin, c.acquisitionChannel());
    }

    /** The accounts row as of {@code endDay}. */
    static Account accountRow(AccountState a, long endDay, String currency) {
        boolean closed = a.closeDay <= endDay;
        boolean card = Catalog.isCard(a.product);
        boolean loan = Catalog.isLoan(a.product);
        String status;
        if (closed) {
            status = "Closed";
        } else if (!loan && a.openDay < endDay - 90 && a.lastActivityDay < endDay - 90
                && a.product != Catalog.INVESTMENT && a.product != Catalog.MONEY_MARKET && a.product != Catalog.SAVINGS) {
            status = "Dormant";
        } else {
            status = "Active";
        }
        double balance = a.balanceCents / 100.0;
        double available = closed ? 0 : card ? (a.creditLimitCents + a.balanceCents) / 100.0
                : loan ? 0 : (a.balanceCents + a.overdraftCents) / 100.0;
        Double minimum = null;
        LocalDate due = null;
        LocalDate end = LocalDate.ofEpochDay(endDay);
        if (card) {
            long owed = Math.max(0, -a.balanceCents);
            minimum = closed ? 0.0 : Math.min(owed, Math.max(2500, Math.round(owed * 0.02))) / 100.0;
            due = closed ? null : end.plusMonths(end.getDayOfMonth() >= 25 ? 1 : 0).withDayOfMonth(25);
        } else if (loan) {
            minimum = closed ? 0.0 : a.paymentCents / 100.0;
            due = closed ? null : LocalDate.ofEpochDay(a.openDay).plusMonths(a.nextPaymentNo);
        }
        LocalDate statement = end.withDayOfMonth(1);
        if (closed) {
            statement = LocalDate.ofEpochDay(a.closeDay).withDayOfMonth(1);
        }
        if (statement.toEpochDay() < a.openDay) {
            statement = null;
        }
        return new Account(a.id, Ids.id('C', a.customer + 1, 7), Catalog.PRODUCTS.get(a.product).productId(),
                a.accountNumber, status, LocalDate.ofEpochDay(a.openDay), closed ? LocalDate.ofEpochDay(a.closeDay) : null, balance,
                available, card ? a.creditLimitCents / 100.0 : null, currency, a.interestRate, minimum, due, statement, a.autopay,
                a.overdraftProtection, a.primary);
    }
}
