package dev.fap.analytics;

/**
 * One category of a breakdown: its count, its share of the total and a summed value.
 *
 * @param label category, e.g. {@code "Online"} or {@code "25-34"}
 * @param count number of units (transactions, customers, accounts) in the category
 * @param share {@code count / total count}
 * @param value summed money value of the category (e.g. approved volume), 0 when not applicable
 */
public record Slice(String label, long count, double share, double value) {
}
