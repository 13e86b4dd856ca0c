package dev.fap.analytics;

/**
 * How often a product is the next best offer.
 *
 * @param productId          product
 * @param productName        name
 * @param customers          customers for whom it is the best offer
 * @param meanProbability    mean take-up probability among them
 * @param annualValue        annual value of the product to the bank if taken up
 * @param totalExpectedValue Σ probability·value over those customers
 */
public record OfferSummary(String productId, String productName, long customers, double meanProbability, double annualValue,
                           double totalExpectedValue) {
}
