package dev.fap.generator.internal;

import dev.fap.core.FapException;
import dev.fap.core.ProgressListener;
import dev.fap.generator.DatasetSpec;
import java.util.Locale;

/**
 * Finds the {@link Calibration} that meets the business rates a {@link DatasetSpec} asks for, by
 * moving only base rates (intercepts), so that every planted effect keeps its documented size.
 *
 * <ul>
 *   <li><b>Churn</b>: the base hazard {@code B} solves
 *       {@code mean_i(1 - exp(-365 · B · exp(lp_i))) = churnRate} over the spec's customers, whose
 *       linear predictors {@code lp_i} are known once the customers are drawn (they do not depend
 *       on {@code B}).</li>
 *   <li><b>Fraud</b>: a pilot run of the spec (all of it up to 100,000 transactions, else a random
 *       subset of its customers with the same transactions per customer) counts the purchases
 *       {@code n_k} of each of the 64 patterns of the fraud indicators; the intercept {@code b} solves
 *       {@code sum_k n_k · logistic(b + s_k) / sum_k n_k = fraudRate}, {@code s_k} the pattern's
 *       summed coefficients.</li>
 *   <li><b>Declines</b>: declines for insufficient funds and suspected fraud follow from balances and
 *       fraud scores; a pilot (with the calibrated fraud intercept) measures their share {@code o}
 *       among purchases, ATM withdrawals and transfers that were not declined as "Invalid Card", and
 *       the factor {@code m} on the technical-decline probabilities (1.2 % of purchases, 0.8 % of
 *       debits) solves {@code m·J + o·(E − m·J) = declineRate · N}, with {@code E} those
 *       transactions, {@code J} their expected technical declines at {@code m = 1} and {@code N}
 *       all transactions; a second pilot at that {@code m} corrects it by one secant step (declined
 *       transactions move no money, so fewer later ones fail for insufficient funds).</li>
 * </ul>
 * Deterministic: the pilot is itself a generated dataset of a derived spec.
 */
public final class Calibrator {
    /** Transactions of the pilot run at most. */
    static final long PILOT_TRANSACTIONS = 100_000;
    private static final double DAYS_PER_YEAR = 365;

    private Calibrator() {}

    /** The calibration of {@code spec}: {@link Calibration#NATURAL} when it sets no business rate. */
    public static Calibration calibrate(DatasetSpec spec) {
        Calibration c = Calibration.NATURAL;
        if (spec.naturalRates()) {
            return c;
        }
        if (spec.churnRate().isPresent()) {
            c = c.withChurnBaseHazard(churnBaseHazard(WorldBuilder.build(spec, c), spec.churnRate().getAsDouble()));
        }
        if (spec.fraudRate().isEmpty() && spec.declineRate().isEmpty()) {
            return c;
        }
        DatasetSpec pilot = pilotSpec(spec);
        SimulationStats s = pilot(pilot, c);
        if (spec.fraudRate().isPresent()) {
            c = c.withFraudIntercept(fraudIntercept(s.fraudPatterns, spec.fraudRate().getAsDouble()));
            if (spec.declineRate().isPresent()) {
                s = pilot(pilot, c);
            }
        }
        if (spec.declineRate().isPresent()) {
            double target = spec.declineRate().getAsDouble();
            double m = invalidCardFactor(s, target);
            if (m != 1.0 && s.transactions > 0) {
                // declined transactions move no money, so fewer accounts run dry: one secant step on a second pilot
                SimulationStats s1 = pilot(pilot, c.withInvalidCardFactor(m));
                double r0 = (double) s.declines / s.transactions;
                double r1 = (double) s1.declines / s1.transactions;
                if (r1 != r0) {
                    m = Math.max(0, Math.min(1 / Calibration.INVALID_CARD_PURCHASE, m + (target - r1) * (m - 1) / (r1 - r0)));
                }
            }
            c = c.withInvalidCardFactor(m);
        }
        return c;
    }

    /** Base hazard per day with {@code mean(1 - exp(-365 · B · exp(lp_i))) = rate} over the world's customers. */
    static double churnBaseHazard(World w, double rate) {
        int n = w.customers.size();
        double[] relative = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerProfile p = w.customers.get(i);
            relative[i] = p.churnHazard / w.calibration.churnBaseHazard();
        }
        if (rate <= 0) {
            return 0;
        }
        // annual churn is increasing in B: bisection on log B
        double lo = StrictMath.log(1e-12);
        double hi = StrictMath.log(10.0);
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            double b = StrictMath.exp(mid);
            double sum = 0;
            for (double e : relative) {
                sum += -StrictMath.expm1(-DAYS_PER_YEAR * b * e);
            }
            if (sum / n < rate) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return StrictMath.exp((lo + hi) / 2);
    }

    /** Intercept b with {@code sum_k n_k logistic(b + s_k) = rate · sum_k n_k}; the natural intercept without purchases. */
    static double fraudIntercept(long[] patterns, double rate) {
        long total = 0;
        for (long n : patterns) {
            total += n;
        }
        if (total == 0) {
            return Planted.FRAUD_INTERCEPT;
        }
        if (rate <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double lo = -50;
        double hi = 50;
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            double sum = 0;
            for (int k = 0; k < patterns.length; k++) {
                sum += patterns[k] * Rng.logistic(mid + Planted.fraudSignal(k));
            }
            if (sum < rate * total) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Factor m on the technical-decline probabilities that makes declines {@code rate} of all transactions. */
    static double invalidCardFactor(SimulationStats s, double rate) {
        if (s.transactions == 0) {
            return 1.0;
        }
        double eligible = s.purchases + s.debits;
        double expectedInvalid = s.purchases * Calibration.INVALID_CARD_PURCHASE + s.debits * Calibration.INVALID_CARD_DEBIT;
        double others = s.declines - s.invalidCardDeclines;
        double otherShare = others / Math.max(1, eligible - s.invalidCardDeclines);
        double floor = otherShare * eligible / s.transactions;
        double maxFactor = 1 / Calibration.INVALID_CARD_PURCHASE;
        double ceiling = (maxFactor * expectedInvalid + otherShare * (eligible - maxFactor * expectedInvalid)) / s.transactions;
        if (rate < floor) {
            throw FapException.invalidArgument(String.format(Locale.ROOT,
                    "decline rate %.4f is below the %.4f of transactions that this dataset declines for insufficient funds and"
                            + " suspected fraud alone", rate, floor),
                    String.format(Locale.ROOT, "ask for a decline rate of at least %.3f, or leave it out (default)", Math.ceil(floor * 1000) / 1000));
        }
        double m = (rate * s.transactions - otherShare * eligible) / (expectedInvalid * (1 - otherShare));
        if (m > maxFactor) {
            throw FapException.invalidArgument(String.format(Locale.ROOT,
                    "decline rate %.4f is more than this dataset can decline (%.4f: every purchase and most debits)",
                    rate, ceiling), "ask for a lower decline rate, e.g. 0.10");
        }
        return m;
    }

    /** The spec itself up to 100,000 transactions, else its first customers with the same transactions per customer. */
    static DatasetSpec pilotSpec(DatasetSpec spec) {
        DatasetSpec natural = DatasetSpec.defaults().withSeed(spec.seed()).withCustomers(spec.customers())
                .withTransactions(spec.transactions()).withMerchants(spec.merchants()).withCampaigns(spec.campaigns())
                .withPeriod(spec.startDate(), spec.endDate()).withThreads(spec.threads()).withLocale(spec.locale());
        if (spec.transactions() <= PILOT_TRANSACTIONS) {
            return natural;
        }
        int customers = (int) Math.max(Math.min(spec.customers(), 200),
                Math.round(spec.customers() * (double) PILOT_TRANSACTIONS / spec.transactions()));
        long transactions = Math.round((double) spec.transactions() * customers / spec.customers());
        return natural.withCustomers(customers).withTransactions(transactions);
    }

    private static SimulationStats pilot(DatasetSpec pilot, Calibration c) {
        World w = WorldBuilder.build(pilot, c);
        return Simulation.run(w, new Window(0, pilot.startDate().toEpochDay(), pilot.endDate().toEpochDay(), pilot.transactions(), 0),
                row -> { }, pilot.threads(), ProgressListener.NONE);
    }
}
