package dev.fap.analytics;

/**
 * Spending in one category or region.
 *
 * @param label         category or region
 * @param transactions  approved debit transactions
 * @param customers     distinct customers
 * @param volume        approved debit volume
 * @param averageTicket volume / transactions
 * @param volumePerCustomer volume / customers
 */
public record CategorySpend(String label, long transactions, long customers, double volume, double averageTicket,
                            double volumePerCustomer) {
}
