package dev.fap.generator;

import dev.fap.core.Database;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.core.bronze.BronzeBatch;
import dev.fap.core.bronze.BronzeLoadResult;
import dev.fap.core.bronze.BronzeLoader;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.internal.Calibration;
import dev.fap.generator.internal.Calibrator;
import dev.fap.generator.internal.CsvSink;
import dev.fap.generator.internal.DatabaseSink;
import dev.fap.generator.internal.DirtyInjector;
import dev.fap.generator.internal.Planted;
import dev.fap.generator.internal.RowSink;
import dev.fap.generator.internal.Simulation;
import dev.fap.generator.internal.SimulationStats;
import dev.fap.generator.internal.Window;
import dev.fap.generator.internal.World;
import dev.fap.generator.internal.WorldBuilder;
import dev.fap.generator.rows.BronzeRecord;
import dev.fap.generator.rows.CampaignContact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The synthetic bank: generates all bronze tables from a {@link DatasetSpec}, deterministically and
 * streaming, into PostgreSQL (COPY), CSV files or memory. The one entry point of fap-generator.
 *
 * <pre>{@code
 * DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withSeed(7).withCustomers(200).withTransactions(10_000));
 * GenerateResult r = gen.toDatabase(db);      // bronze.* via COPY, one atomic batch
 * gen.toCsv(Path.of("data"));                 // data/<table>.csv, header row, atomic
 * FinancialDataset ds = gen.inMemory();       // typed rows for tests
 * GroundTruth truth = gen.groundTruth();      // the planted effects
 * DataGenerator next = gen.nextBatch(7);      // the following week: new transactions, customers, changes
 * }</pre>
 *
 * <h2>What is simulated</h2>
 * Customers with joint demographics (age → education, employment → income → credit score, segment,
 * life stage, home ownership), accounts opened at or after signup through credit applications for
 * credit products, transactions on open accounts only with weekday/month/hour rhythms, heavy-tailed
 * amounts by merchant category, balances that follow the transactions (declines for insufficient
 * funds), fraud with real drivers, alerts, service interactions tied to problems, churn, amortised
 * loans with risk-driven late payments, campaigns with randomised contacts, monthly economic series,
 * and dated customer changes. {@link GroundTruth} states the planted effects.
 *
 * <h2>Determinism (stability promise)</h2>
 * For a given FAP version, the same {@link DatasetSpec} (ignoring {@code threads}) produces
 * byte-identical CSV files and identical rows on every machine, operating system, JVM vendor and
 * thread count: all randomness comes from a SplitMix64 stream derived from (seed, table, entity,
 * batch), floating-point functions use {@link StrictMath}, numbers are formatted from integers, and
 * chunks run in parallel are emitted in a fixed order. A new FAP version may change the data for a
 * seed; its release notes say so.
 *
 * <h2>Output order and ids</h2>
 * Ids carry a prefix and zero padding and start at 1 ({@code C0000001}, {@code T000000001}, ...).
 * Transactions are numbered by customer, then time (customers are simulated independently), so
 * {@code transaction_id} order is not time order; sort by {@code transaction_date} for time.
 * {@code economic_indicators} covers 24 months before the start date as well (for lagged effects).
 * {@code customers} holds the tracked attributes (address, income, segment, loyalty tier) as at the
 * start (or signup), their later values are in {@code customer_changes}; {@code is_active} and
 * {@code last_login_date} are as at the end. In a {@link #nextBatch(int)} batch, customers who
 * churned and accounts whose balance or status changed appear again: the row of the later batch is
 * current.
 *
 * <h2>Memory</h2>
 * O(customers + merchants + accounts) plus a bounded window of in-flight chunks (about 16k
 * transactions per worker), whatever the number of transactions. {@link #inMemory()} is the
 * exception: it keeps every row.
 *
 * <p>Thread-safe and immutable from the outside; generation of a batch may be repeated and always
 * gives the same rows.
 */
public final class DataGenerator {
    private static final double NEW_CUSTOMER_SHARE = 0.25;
    private static final long PARALLEL_COPY_MIN_TRANSACTIONS = 20_000;

    private final DatasetSpec spec;
    private final DataGenerator parent;
    private final Window window;
    private final long cumulativeBatchDays;
    private Calibration calibration;
    private World endState;
    private SimulationStats stats;
    private List<DirtyManifest.Entry> dirtyEntries;

    private DataGenerator(DatasetSpec spec, DataGenerator parent, Window window, long cumulativeBatchDays) {
        this.spec = spec;
        this.parent = parent;
        this.window = window;
        this.cumulativeBatchDays = cumulativeBatchDays;
    }

    /** A generator for the base dataset of {@code spec}. Cheap: nothing is generated until asked. */
    public static DataGenerator of(DatasetSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new DataGenerator(spec, null, new Window(0, spec.startDate().toEpochDay(), spec.endDate().toEpochDay(),
                spec.transactions(), 0), 0);
    }

    /** The spec. */
    public DatasetSpec spec() {
        return spec;
    }

    /** 0 for the base dataset, n for the n-th continuation batch. */
    public int batch() {
        return window.batch();
    }

    /** First day this generator's rows cover. */
    public LocalDate from() {
        return LocalDate.ofEpochDay(window.fromDay());
    }

    /** Last day this generator's rows cover. */
    public LocalDate to() {
        return LocalDate.ofEpochDay(window.toDay());
    }

    /**
     * The next {@code days} days after this one: new transactions (the base rate of
     * {@code transactions / days}), new customers (a quarter of the base customers per base period)
     * with their accounts and applications, attribute changes, alerts, interactions, loan payments,
     * the economic months that start in the period, and re-issued rows of customers who churned
     * and of accounts whose balance or status changed (bronze keeps both; the later batch is
     * current). Ids continue where this one stopped.
     *
     * @throws FapException INVALID_ARGUMENT when {@code days} is not in 1..3660
     */
    public DataGenerator nextBatch(int days) {
        if (days < 1 || days > 3660) {
            throw FapException.invalidArgument("batch length must be 1-3660 days, was " + days,
                    "pass the number of days to continue, e.g. nextBatch(1) for one day");
        }
        long cum = cumulativeBatchDays + days;
        double txRate = (double) spec.transactions() / spec.days();
        long tx = Math.round(txRate * cum) - Math.round(txRate * cumulativeBatchDays);
        double custRate = NEW_CUSTOMER_SHARE * spec.customers() / spec.days();
        int newCustomers = (int) (Math.round(custRate * cum) - Math.round(custRate * cumulativeBatchDays));
        long from = window.toDay() + 1;
        return new DataGenerator(spec, this, new Window(window.batch() + 1, from, from + days - 1, tx, newCustomers), cum);
    }

    /**
     * Writes every table into the bronze schema with COPY, as one atomic load batch (tables are
     * created from the contract if missing; rows are stamped with the batch id).
     */
    public GenerateResult toDatabase(Database db) {
        return toDatabase(db, ProgressListener.NONE);
    }

    /** {@link #toDatabase(Database)} reporting progress. */
    public GenerateResult toDatabase(Database db, ProgressListener progress) {
        Objects.requireNonNull(db, "db");
        long t0 = System.nanoTime();
        calibration(); // a business rate this dataset cannot meet fails here, before the load begins
        try (BronzeBatch batch = BronzeLoader.begin(db, "generator " + spec + " batch " + window.batch())) {
            // clean data: transactions go over parallel connections, written by the workers; spoiled
            // data keeps the output order the dirty manifest refers to, on one connection
            RowSink sink = spec.dirtyRate() > 0 ? row -> row.writeTo(batch.table(row.table()))
                    : new DatabaseSink(batch, copyLanes());
            List<DirtyManifest.Entry> dirty = run(sink, progress);
            BronzeLoadResult r = batch.commit();
            return new GenerateResult(window.batch(), from(), to(), r.rowsPerTable(), millisSince(t0), r.batchId(),
                    new DirtyManifest(dirty));
        }
    }

    /** Writes {@code <table>.csv} (header row, RFC 4180) for every table into {@code dir}, atomically. */
    public GenerateResult toCsv(Path dir) {
        return toCsv(dir, ProgressListener.NONE);
    }

    /** {@link #toCsv(Path)} reporting progress. */
    public GenerateResult toCsv(Path dir, ProgressListener progress) {
        Objects.requireNonNull(dir, "dir");
        checkWritable(dir);
        long t0 = System.nanoTime();
        calibration(); // a business rate this dataset cannot meet fails here, before any file is opened
        try (CsvSink sink = new CsvSink(dir)) {
            List<DirtyManifest.Entry> dirty = run(sink, progress);
            sink.commit();
            return new GenerateResult(window.batch(), from(), to(), sink.counts(), millisSince(t0), -1, new DirtyManifest(dirty));
        }
    }

    /** Every row in memory (small datasets: test fixtures). */
    public FinancialDataset inMemory() {
        Map<BronzeTable, List<BronzeRecord>> rows = new EnumMap<>(BronzeTable.class);
        for (BronzeTable t : BronzeTable.values()) {
            rows.put(t, new ArrayList<>());
        }
        List<DirtyManifest.Entry> dirty = run(row -> rows.get(row.table()).add(row), ProgressListener.NONE);
        return new FinancialDataset(spec, rows, new DirtyManifest(dirty));
    }

    /**
     * Streams every row, in output order, to {@code consumer} on the calling thread, without
     * keeping them: the building block for custom sinks.
     *
     * @return rows per table
     */
    public GenerateResult forEachRow(Consumer<BronzeRecord> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        long t0 = System.nanoTime();
        long[] n = new long[BronzeTable.values().length];
        List<DirtyManifest.Entry> dirty = run(row -> {
            n[row.table().ordinal()]++;
            consumer.accept(row);
        }, ProgressListener.NONE);
        Map<BronzeTable, Long> counts = new EnumMap<>(BronzeTable.class);
        for (BronzeTable t : BronzeTable.values()) {
            counts.put(t, n[t.ordinal()]);
        }
        return new GenerateResult(window.batch(), from(), to(), counts, millisSince(t0), -1, new DirtyManifest(dirty));
    }

    /** The spoiled rows of this batch (generates into a null sink if not generated yet). */
    public DirtyManifest dirtyManifest() {
        ensureRun();
        synchronized (this) {
            return new DirtyManifest(dirtyEntries);
        }
    }

    /**
     * The effects planted in the base dataset, with realised rates (generates the base dataset into
     * a null sink if it was not generated yet).
     */
    public GroundTruth groundTruth() {
        DataGenerator base = this;
        while (base.parent != null) {
            base = base.parent;
        }
        base.ensureRun();
        SimulationStats s;
        World w;
        synchronized (base) {
            s = base.stats;
            w = base.endState;
        }
        Calibration cal = w.calibration;
        long treated = 0;
        long control = 0;
        for (CampaignContact c : w.contacts) {
            if ("Treatment".equals(c.assignment())) {
                treated++;
            } else {
                control++;
            }
        }
        long churned = w.customers.stream().filter(p -> p.churnDay <= spec.endDate().toEpochDay()).count();
        double months = Planted.UPLIFT_DAYS / 30.4375;
        return new GroundTruth(spec,
                new GroundTruth.Fraud(cal.fraudIntercept(), Planted.FRAUD_NIGHT, Planted.FRAUD_ONLINE, Planted.FRAUD_HIGH_AMOUNT,
                        Planted.FRAUD_VELOCITY, Planted.FRAUD_FAR, Planted.FRAUD_RISKY_MERCHANT, ratio(s.purchaseFrauds, s.purchases)),
                new GroundTruth.Campaign(Planted.CAMPAIGN_UPLIFT, Planted.UPLIFT_DAYS, Planted.PRE_PERIOD_DAYS,
                        Planted.PROPENSITY_INTERCEPT, Planted.PROPENSITY_LOG_INCOME, treated, control,
                        treated == 0 ? 0 : s.upliftCents / 100.0 / (treated * months)),
                new GroundTruth.Unemployment(Planted.UNEMPLOYMENT_SEMI_ELASTICITY, Planted.UNEMPLOYMENT_LAG_MONTHS,
                        Planted.UNEMPLOYMENT_REF),
                new GroundTruth.Churn(cal.churnBaseHazard(), Planted.CHURN_TENURE, Planted.CHURN_SATISFACTION,
                        Planted.CHURN_ACTIVITY, ratio(churned, w.customers.size())),
                new GroundTruth.LatePayment(Planted.LATE_INTERCEPT, Planted.LATE_SCORE, Planted.LATE_UNEMPLOYMENT,
                        ratio(s.latePayments, s.payments)),
                new GroundTruth.Rates(ratio(s.purchaseFrauds, s.purchases), ratio(s.declines, s.transactions),
                        ratio(s.alertsOnFraud, s.frauds), s.alerts, s.alerts - s.alertsOnFraud, cal.invalidCardPurchase(),
                        cal.invalidCardDebit()));
    }

    /**
     * Connections for {@code bronze.transactions}: PostgreSQL parses COPY on one core per connection,
     * so as many as there are worker threads (at most 4), when there are enough transactions to pay
     * for an extra connection and a two-phase commit.
     */
    private int copyLanes() {
        return window.transactions() < PARALLEL_COPY_MIN_TRANSACTIONS ? 1 : Math.min(4, spec.threads());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private void ensureRun() {
        synchronized (this) {
            if (endState != null) {
                return;
            }
        }
        run(row -> { }, ProgressListener.NONE);
    }

    /** Runs the simulation of this batch from a fresh copy of the starting world. */
    private List<DirtyManifest.Entry> run(RowSink sink, ProgressListener progress) {
        World w = startWorld();
        DirtyInjector dirty = spec.dirtyRate() > 0 ? new DirtyInjector(spec, window, sink, w) : null;
        SimulationStats s = Simulation.run(w, window, dirty == null ? sink : dirty, spec.threads(), progress);
        List<DirtyManifest.Entry> entries = dirty == null ? List.of() : dirty.finish();
        synchronized (this) {
            if (endState == null) {
                endState = w;
                stats = s;
                dirtyEntries = entries;
            }
        }
        return entries;
    }

    /** The base rates of this dataset's models, calibrated once to the spec's business rates (see {@link Calibrator}). */
    private Calibration calibration() {
        if (parent != null) {
            return parent.calibration();
        }
        synchronized (this) {
            if (calibration == null) {
                calibration = Calibrator.calibrate(spec);
            }
            return calibration;
        }
    }

    private World startWorld() {
        if (parent == null) {
            // built afresh for every run (cheap and deterministic): only one world is alive at a time
            return WorldBuilder.build(spec, calibration());
        }
        parent.ensureRun();
        synchronized (parent) {
            return parent.endState.copy();
        }
    }

    private static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new FapException(ErrorCode.IO_ERROR, "cannot create output folder " + dir.toAbsolutePath() + ": " + e.getMessage(),
                    "choose a folder you can write to (--out DIR)", e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new FapException(ErrorCode.IO_ERROR, "output folder " + dir.toAbsolutePath() + " is not writable",
                    "choose a folder you can write to (--out DIR)");
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public String toString() {
        return "DataGenerator[" + spec + ", batch " + window.batch() + " " + from() + ".." + to() + "]";
    }
}
