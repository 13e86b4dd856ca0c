package dev.fap.analytics;

/**
 * A merchant ranked by approved volume.
 *
 * @param merchantId   natural key
 * @param merchantName trading name
 * @param category     merchant category
 * @param transactions transactions at the merchant
 * @param volume       approved volume
 * @param fraudRate    fraud share of its transactions
 */
public record MerchantRank(String merchantId, String merchantName, String category, long transactions, double volume,
                           double fraudRate) {
}
