package dev.fap.analytics;

/**
 * The offer with the highest expected value for one customer.
 *
 * @param customerId    customer
 * @param productId     product offered
 * @param probability   take-up probability
 * @param value         annual value to the bank if taken up
 * @param expectedValue probability · value
 */
public record NextBestOffer(String customerId, String productId, double probability, double value, double expectedValue) {
}
