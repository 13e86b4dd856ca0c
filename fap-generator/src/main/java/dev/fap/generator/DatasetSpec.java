package dev.fap.generator;

import dev.fap.core.FapException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to generate: seed, sizes, period, rates. Immutable; every {@code with...} returns a copy, and
 * bad values are rejected at once with a {@link FapException} ({@code INVALID_ARGUMENT}) naming the
 * fix.
 *
 * <pre>{@code
 * DatasetSpec spec = DatasetSpec.defaults()          // seed 42, 1,000 customers, 50,000 transactions,
 *         .withSeed(7)                               // 2023-01-01 .. 2024-12-31
 *         .withCustomers(200)
 *         .withTransactions(10_000)
 *         .withPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
 * }</pre>
 *
 * <p>The period is inclusive at both ends: every dated event lies in {@code [startDate, endDate]}.
 * Customers and transactions are exact counts; the other tables follow from the simulation (see
 * {@link DataGenerator}). {@code threads} changes only the speed, never the output.
 *
 * @param seed         seed of every random stream
 * @param customers    number of customers in the base dataset (exact), 1 - 9,999,999
 * @param transactions number of transactions in the base dataset (exact), 0 - 999,999,999
 * @param merchants    number of merchants (exact), 10 - 99,999
 * @param campaigns    number of marketing campaigns (exact), 0 - 9,999
 * @param startDate    first day of the data
 * @param endDate      last day of the data (inclusive)
 * @param dirtyRate    share of rows of each table spoiled on purpose, in [0, 0.5]; 0 = clean
 * @param threads      worker threads, 1 - 256 (output does not depend on it)
 */
public record DatasetSpec(long seed, int customers, long transactions, int merchants, int campaigns, LocalDate startDate,
                          LocalDate endDate, double dirtyRate, int threads) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    public DatasetSpec {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (customers < 1 || customers > 9_999_999) {
            throw FapException.invalidArgument("customers must be between 1 and 9,999,999, was " + customers,
                    "pass a positive number of customers, e.g. --customers 1000");
        }
        if (transactions < 0 || transactions > 999_999_999L) {
            throw FapException.invalidArgument("transactions must be between 0 and 999,999,999, was " + transactions,
                    "pass a non-negative number of transactions, e.g. --transactions 50000");
        }
        if (merchants < 10 || merchants > 99_999) {
            throw FapException.invalidArgument("merchants must be between 10 and 99,999, was " + merchants,
                    "use the default (400) or a value such as 1000");
        }
        if (campaigns < 0 || campaigns > 9_999) {
            throw FapException.invalidArgument("campaigns must be between 0 and 9,999, was " + campaigns,
                    "use the default (12) or 0 for none");
        }
        if (endDate.isBefore(startDate)) {
            throw FapException.invalidArgument("end date " + endDate + " is before start date " + startDate,
                    "pass an end date on or after the start date, e.g. --start 2023-01-01 --end 2024-12-31");
        }
        if (startDate.getYear() < 1950 || endDate.getYear() > 2200) {
            throw FapException.invalidArgument("period " + startDate + ".." + endDate + " is outside 1950-2200",
                    "use dates between 1950 and 2200");
        }
        if (ChronoUnit.DAYS.between(startDate, endDate) > 366L * 50) {
            throw FapException.invalidArgument("period " + startDate + ".." + endDate + " is longer than 50 years",
                    "generate at most 50 years at once; continue with DataGenerator.nextBatch(days)");
        }
        if (!(dirtyRate >= 0 && dirtyRate <= 0.5)) {
            throw FapException.invalidArgument("dirty rate must be in [0, 0.5], was " + dirtyRate,
                    "pass a share such as 0.01 (1 % of the rows of each table spoiled), or 0 for clean data");
        }
        if (threads < 1 || threads > 256) {
            throw FapException.invalidArgument("threads must be between 1 and 256, was " + threads,
                    "use the number of cores, e.g. Runtime.getRuntime().availableProcessors()");
        }
    }

    /** Seed 42, 1,000 customers, 50,000 transactions, 400 merchants, 12 campaigns, 2023-01-01..2024-12-31, clean, all cores. */
    public static DatasetSpec defaults() {
        return new DatasetSpec(DEFAULT_SEED, 1_000, 50_000, 400, 12, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31),
                0.0, Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors())));
    }

    public DatasetSpec withSeed(long seed) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads);
    }

    public DatasetSpec withCustomers(int customers) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads);
    }

    public DatasetSpec withTransactions(long transactions) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads);
    }

    public DatasetSpec withMerchants(int merchants) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads);
    }

    public DatasetSpec withCampaigns(int campaigns) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads);
    }

    /** The period, both days inclusive. */
    public DatasetSpec withPeriod(LocalDate startDate, LocalDate endDate) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads);
    }

    /** Share of rows of each table to spoil on purpose (see {@link DirtyManifest}); 0 = clean. */
    public DatasetSpec withDirtyRate(double dirtyRate) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads);
    }

    /** Worker threads; the output is byte-identical for any value. */
    public DatasetSpec withThreads(int threads) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads);
    }

    /** Number of days in the period. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    @Override
    public String toString() {
        return "DatasetSpec[seed=" + seed + ", customers=" + customers + ", transactions=" + transactions + ", merchants="
                + merchants + ", campaigns=" + campaigns + ", period=" + startDate + ".." + endDate
                + (dirtyRate > 0 ? ", dirtyRate=" + dirtyRate : "") + ", threads=" + threads + "]";
    }
}
