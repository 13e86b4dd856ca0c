package dev.fap.analytics;

/**
 * An analysis (or part of one) that could not be computed on this data, and why.
 *
 * @param analysis which analysis, e.g. {@code "causal"} or {@code "predictive.creditDefault"}
 * @param code     the {@link dev.fap.core.ErrorCode} name
 * @param message  what was wrong
 * @param hint     what to do
 */
public record AnalysisFailure(String analysis, String code, String message, String hint) {
}
