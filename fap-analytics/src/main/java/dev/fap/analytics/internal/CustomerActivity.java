package dev.fap.analytics.internal;

import java.time.LocalDate;
import java.util.Map;

/**
 * The data's clock and customer activity: the first and last transaction days, the number of distinct
 * customers with transactions in each month ({@code yyyymm}), and the customers with an approved
 * transaction in the 90 days up to the last day. The counts come from the per-customer features' pass
 * over {@code gold.fact_transactions} (each customer's months as a bit set and last approved day, see
 * {@link CustomerFeatures}), not from a month × customer pass of their own.
 *
 * @param startDate        first transaction day
 * @param asOfDate         last transaction day, the data's "now"
 * @param customersByMonth distinct customers per month, by {@code yyyymm}
 * @param activeCustomers  customers with an approved transaction after {@code asOfDate - 90 days}
 */
public record CustomerActivity(LocalDate startDate, LocalDate asOfDate, Map<Integer, Long> customersByMonth, long activeCustomers) {
    /** Days back from the as-of date within which an approved transaction makes a customer active. */
    static final int ACTIVE_DAYS = 90;
}
