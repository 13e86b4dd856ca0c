package dev.fap.cli;

import dev.fap.generator.DatasetSpec;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The generator's options shared by {@code run} and {@code generate}; unset ones keep {@link DatasetSpec#defaults()}. */
final class DatasetOptions {
    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random stream (default 42): same seed, same data.")
    Long seed;

    @Option(names = "--customers", paramLabel = "N", description = "Customers in the dataset (default 1,000).")
    Integer customers;

    @Option(names = "--transactions", paramLabel = "N", description = "Transactions in the dataset (default 50,000).")
    Long transactions;

    @Option(names = "--merchants", paramLabel = "N", description = "Merchants (default 400).")
    Integer merchants;

    @Option(names = "--campaigns", paramLabel = "N", description = "Marketing campaigns (default 12).")
    Integer campaigns;

    @Option(names = "--start", paramLabel = "DATE", description = "First day of the data, e.g. 2023-01-01.")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", description = "Last day of the data (inclusive), e.g. 2024-12-31.")
    LocalDate end;

    @Option(names = "--dirty-rate", paramLabel = "R",
            description = "Share of rows spoiled on purpose to exercise the quarantine, 0 - 0.5 (default: the spec's).")
    Double dirtyRate;

    @Option(names = "--threads", paramLabel = "N", description = "Generator threads; changes speed, never the data.")
    Integer threads;

    DatasetSpec spec() {
        DatasetSpec s = DatasetSpec.defaults();
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (customers != null) {
            s = s.withCustomers(customers);
        }
        if (transactions != null) {
            s = s.withTransactions(transactions);
        }
        if (merchants != null) {
            s = s.withMerchants(merchants);
        }
        if (campaigns != null) {
            s = s.withCampaigns(campaigns);
        }
        if (start != null || end != null) {
            s = s.withPeriod(start != null ? start : s.startDate(), end != null ? end : s.endDate());
        }
        if (dirtyRate != null) {
            s = s.withDirtyRate(dirtyRate);
        }
        if (threads != null) {
            s = s.withThreads(threads);
        }
        return s;
    }
}
