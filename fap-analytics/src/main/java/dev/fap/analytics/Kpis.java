package dev.fap.analytics;

import dev.fap.analytics.stats.MeanEstimate;
import dev.fap.analytics.stats.ProportionEstimate;

/**
 * Headline figures over all of {@code gold.fact_transactions}.
 *
 * @param transactions        all transactions
 * @param approvedTransactions transactions not declined
 * @param volume              approved money moved, {@code Σ approved_amount_abs}
 * @param averageTicket       mean of {@code transaction_amount_abs} over approved transactions, t interval
 * @param customers           customers (current versions of dim_customer)
 * @param activeCustomers     customers with an approved transaction in the last 90 days before the as-of date
 * @param fraudRate           share of transactions with {@code is_fraud}, Wilson interval
 * @param declineRate         share of declined transactions, Wilson interval
 * @param fraudAmount         {@code Σ fraud_amount_abs}
 */
public record Kpis(long transactions, long approvedTransactions, double volume, MeanEstimate averageTicket, long customers,
                   long activeCustomers, ProportionEstimate fraudRate, ProportionEstimate declineRate, double fraudAmount) {
}
