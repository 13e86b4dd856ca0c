package dev.fap.cli;

import dev.fap.generator.DatasetSpec;
import java.time.LocalDate;
import java.util.Locale;
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

    @Option(names = "--locale", paramLabel = "TAG",
            description = "Names, addresses, phones and currency: en-US (default), en-GB, de-DE, fr-FR, es-ES, it-IT or nl-NL.")
    String locale;

    @Option(names = "--fraud-rate", paramLabel = "R",
            description = "Share of card purchases that are fraud, 0 - 0.5 (default: the generator's own, about 0.007).")
    Double fraudRate;

    @Option(names = "--decline-rate", paramLabel = "R",
            description = "Share of transactions declined, 0 - 0.5 (default: the generator's own, about 0.03 - 0.05).")
    Double declineRate;

    @Option(names = "--churn-rate", paramLabel = "R",
            description = "Share of customers who churn within a year, 0 - 0.9 (default: the generator's own, about 0.08).")
    Double churnRate;

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
        if (locale != null) {
            s = s.withLocale(Locale.forLanguageTag(locale));
        }
        if (fraudRate != null) {
            s = s.withFraudRate(fraudRate);
        }
        if (declineRate != null) {
            s = s.withDeclineRate(declineRate);
        }
        if (churnRate != null) {
            s = s.withChurnRate(churnRate);
        }
        return s;
    }
}
