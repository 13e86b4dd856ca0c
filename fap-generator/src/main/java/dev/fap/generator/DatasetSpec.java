package dev.fap.generator;

import dev.fap.core.FapException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

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
 *         .withPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
 *         .withLocale(Locale.GERMANY)                // German names and addresses, EUR
 *         .withFraudRate(0.02)                       // 2 % of card purchases are fraud
 *         .withDeclineRate(0.10)                     // 10 % of transactions declined
 *         .withChurnRate(0.25);                      // a quarter of the customers churn within a year
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
 * @param locale       names, addresses, phones and currency (see {@link #withLocale(Locale)}); default en-US
 * @param fraudRate    target share of purchases that are fraud (see {@link #withFraudRate(double)}); empty = the model's own
 * @param declineRate  target share of transactions declined (see {@link #withDeclineRate(double)}); empty = the model's own
 * @param churnRate    target annual churn (see {@link #withChurnRate(double)}); empty = the model's own
 */
public record DatasetSpec(long seed, int customers, long transactions, int merchants, int campaigns, LocalDate startDate,
                          LocalDate endDate, double dirtyRate, int threads, Locale locale, OptionalDouble fraudRate,
                          OptionalDouble declineRate, OptionalDouble churnRate) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    /** Default locale: United States English, US addresses, US dollars. */
    public static final Locale DEFAULT_LOCALE = Locale.US;

    /**
     * The locales the generator has reference data for, in this order: en-US, en-GB, de-DE, fr-FR,
     * es-ES, it-IT, nl-NL.
     */
    public static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.US, Locale.UK, Locale.GERMANY, Locale.FRANCE,
            Locale.forLanguageTag("es-ES"), Locale.ITALY, Locale.forLanguageTag("nl-NL"));

    /** Largest fraud rate {@link #withFraudRate(double)} accepts. */
    public static final double MAX_FRAUD_RATE = 0.5;
    /** Largest decline rate {@link #withDeclineRate(double)} accepts. */
    public static final double MAX_DECLINE_RATE = 0.5;
    /** Largest churn rate {@link #withChurnRate(double)} accepts. */
    public static final double MAX_CHURN_RATE = 0.9;

    public DatasetSpec {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(fraudRate, "fraudRate");
        Objects.requireNonNull(declineRate, "declineRate");
        Objects.requireNonNull(churnRate, "churnRate");
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
        locale = supportedLocale(locale);
        checkRate("fraud rate", fraudRate, MAX_FRAUD_RATE, "share of card purchases that are fraudulent",
                "--fraud-rate 0.02 (2 %); leave it out for the default of about 0.7 %");
        checkRate("decline rate", declineRate, MAX_DECLINE_RATE, "share of transactions declined",
                "--decline-rate 0.05 (5 %); leave it out for the default of about 3-5 %");
        checkRate("churn rate", churnRate, MAX_CHURN_RATE, "share of customers who churn within a year",
                "--churn-rate 0.15 (15 % a year); leave it out for the default of about 8 % a year");
    }

    private static Locale supportedLocale(Locale locale) {
        for (Locale l : SUPPORTED_LOCALES) {
            if (l.getLanguage().equals(locale.getLanguage()) && l.getCountry().equals(locale.getCountry())) {
                return l;
            }
        }
        throw FapException.invalidArgument("locale '" + locale.toLanguageTag() + "' is not supported",
                "use one of " + SUPPORTED_LOCALES.stream().map(Locale::toLanguageTag).collect(Collectors.joining(", "))
                        + " (language and country, e.g. --locale de-DE)");
    }

    private static void checkRate(String name, OptionalDouble rate, double max, String meaning, String example) {
        if (rate.isPresent() && !(rate.getAsDouble() >= 0 && rate.getAsDouble() <= max)) {
            throw FapException.invalidArgument(name + " must be in [0, " + max + "] (the " + meaning + "), was " + rate.getAsDouble(),
                    "pass a share, not a percentage, e.g. " + example);
        }
    }

    /** Seed 42, 1,000 customers, 50,000 transactions, 400 merchants, 12 campaigns, 2023-01-01..2024-12-31, clean, all cores. */
    public static DatasetSpec defaults() {
        return new DatasetSpec(DEFAULT_SEED, 1_000, 50_000, 400, 12, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31),
                0.0, Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors())), DEFAULT_LOCALE, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty());
    }

    public DatasetSpec withSeed(long seed) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale, fraudRate,
                declineRate, churnRate);
    }

    public DatasetSpec withCustomers(int customers) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale, fraudRate,
                declineRate, churnRate);
    }

    public DatasetSpec withTransactions(long transactions) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale, fraudRate,
                declineRate, churnRate);
    }

    public DatasetSpec withMerchants(int merchants) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale, fraudRate,
                declineRate, churnRate);
    }

    public DatasetSpec withCampaigns(int campaigns) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale, fraudRate,
                declineRate, churnRate);
    }

    /** The period, both days inclusive. */
    public DatasetSpec withPeriod(LocalDate startDate, LocalDate endDate) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale, fraudRate,
                declineRate, churnRate);
    }

    /** Share of rows of each table to spoil on purpose (see {@link DirtyManifest}); 0 = clean. */
    public DatasetSpec withDirtyRate(double dirtyRate) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale, fraudRate,
                declineRate, churnRate);
    }

    /** Worker threads; the output is byte-identical for any value. */
    public DatasetSpec withThreads(int threads) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale, fraudRate,
                declineRate, churnRate);
    }

    /**
     * The locale of names, addresses, phone numbers, national ids and money: customers live in
     * cities of the locale's country (with its regions, postal codes and phone numbering), most
     * merchants trade there, and accounts and transactions are in its currency (USD for en-US, GBP
     * for en-GB, EUR for the euro countries). Codes (segments, channels, transaction types) and
     * statement texts stay English, as the bronze contract defines them, and so do the columns of
     * {@code economic_indicators} (a generic monthly economy, the same in every locale). The models
     * and the planted effects are the same in every locale; the rows are not (other places, other
     * draws). Amounts are in the locale's currency at the same magnitudes.
     *
     * <pre>{@code
     * DatasetSpec german = DatasetSpec.defaults().withLocale(Locale.GERMANY);   // Berlin, 10115, +49 30 ..., EUR
     * }</pre>
     *
     * @throws FapException INVALID_ARGUMENT for a locale not in {@link #SUPPORTED_LOCALES}
     */
    public DatasetSpec withLocale(Locale locale) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale,
                fraudRate, declineRate, churnRate);
    }

    /**
     * Share of card purchases that are fraudulent, in [0, 0.5]. The generator calibrates the
     * intercept of the fraud model on a pilot run of this spec so that the share is met (within
     * sampling error); the planted odds ratios of the fraud drivers stay as documented in
     * {@link GroundTruth.Fraud}, which reports the calibrated intercept. Default (not set): the
     * intercept -5.7, about 0.7 % of purchases.
     *
     * <pre>{@code
     * DatasetSpec fraudHeavy = DatasetSpec.defaults().withFraudRate(0.02);     // 2 % of purchases
     * DataGenerator.of(fraudHeavy).groundTruth().fraud().intercept();         // about -4.6
     * }</pre>
     */
    public DatasetSpec withFraudRate(double fraudRate) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale,
                OptionalDouble.of(fraudRate), declineRate, churnRate);
    }

    /**
     * Share of all transactions that are declined ({@code decline_reason} set), in [0, 0.5].
     * Declines for insufficient funds and suspected fraud follow from balances and fraud scores; the
     * generator calibrates the rate of the remaining technical declines ("Invalid Card") on a pilot
     * run so that the total is met. A rate below what balances and fraud alone produce is refused
     * when generation starts, naming that floor (about 2.5-3 % for the default shape). Default (not
     * set): about 3-5 % of transactions.
     *
     * <pre>{@code
     * DatasetSpec strict = DatasetSpec.defaults().withDeclineRate(0.10);     // 10 % of transactions declined
     * }</pre>
     */
    public DatasetSpec withDeclineRate(double declineRate) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale,
                fraudRate, OptionalDouble.of(declineRate), churnRate);
    }

    /**
     * Annual churn: the expected share of customers who churn within one year of becoming exposed
     * (30 days after signup, or the start date), in [0, 0.9]. The generator scales the base hazard
     * of the proportional-hazards churn model so that the average over this spec's customers of
     * {@code 1 - exp(-365 · hazard)} equals the rate; the hazard ratios (tenure, satisfaction,
     * activity) stay as documented in {@link GroundTruth.Churn}, which reports the calibrated base
     * hazard. Default (not set): base hazard 0.0003 a day, about 8 % a year.
     *
     * <pre>{@code
     * DatasetSpec leaky = DatasetSpec.defaults().withChurnRate(0.25);        // a quarter churn within a year
     * }</pre>
     */
    public DatasetSpec withChurnRate(double churnRate) {
        return new DatasetSpec(seed, customers, transactions, merchants, campaigns, startDate, endDate, dirtyRate, threads, locale,
                fraudRate, declineRate, OptionalDouble.of(churnRate));
    }

    /** True when no business rate is set: the generator's own models, no calibration run. */
    public boolean naturalRates() {
        return fraudRate.isEmpty() && declineRate.isEmpty() && churnRate.isEmpty();
    }

    /** Number of days in the period. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    @Override
    public String toString() {
        return "DatasetSpec[seed=" + seed + ", customers=" + customers + ", transactions=" + transactions + ", merchants="
                + merchants + ", campaigns=" + campaigns + ", period=" + startDate + ".." + endDate
                + (dirtyRate > 0 ? ", dirtyRate=" + dirtyRate : "") + (locale.equals(DEFAULT_LOCALE) ? "" : ", locale=" + locale.toLanguageTag())
                + (fraudRate.isPresent() ? ", fraudRate=" + fraudRate.getAsDouble() : "")
                + (declineRate.isPresent() ? ", declineRate=" + declineRate.getAsDouble() : "")
                + (churnRate.isPresent() ? ", churnRate=" + churnRate.getAsDouble() : "") + ", threads=" + threads + "]";
    }
}
