package dev.fap.analytics;

import dev.fap.analytics.stats.ChiSquareResult;
import java.util.List;

/**
 * Does a binary outcome (fraud, churn, late payment …) depend on a factor? Rates and lift per level
 * and a chi-square test of independence, with a Benjamini–Hochberg adjusted p-value across the
 * analysis' tests.
 *
 * @param outcome     e.g. {@code "is_fraud"}
 * @param factor      e.g. {@code "channel"}
 * @param overallRate outcome rate over all levels
 * @param levels      one entry per level
 * @param test        chi-square test of the levels × outcome table
 * @param qValue      BH-adjusted p-value over all factor tests of the analysis
 */
public record FactorTest(String outcome, String factor, double overallRate, List<GroupRate> levels, ChiSquareResult test,
                         double qValue) {
}
