package dev.fap.analytics;

/**
 * One month of activity.
 *
 * @param month            {@code YYYY-MM}
 * @param transactions     transactions in the month
 * @param volume           approved volume
 * @param averageTicket    approved volume / approved transactions (0 without approved transactions)
 * @param activeCustomers  distinct customers with a transaction
 * @param fraudRate        fraud share of the month's transactions
 * @param declineRate      declined share of the month's transactions
 * @param volumeGrowth     volume change against the previous month as a fraction; null for the first month
 */
public record MonthlyTrend(String month, long transactions, double volume, double averageTicket, long activeCustomers,
                           double fraudRate, double declineRate, Double volumeGrowth) {
}
