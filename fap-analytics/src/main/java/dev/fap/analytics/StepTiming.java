package dev.fap.analytics;

/**
 * Wall time of one analysis.
 *
 * @param analysis name, e.g. {@code "descriptive"}
 * @param millis   elapsed milliseconds
 */
public record StepTiming(String analysis, long millis) {
}
