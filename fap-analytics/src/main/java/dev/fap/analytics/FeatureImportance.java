package dev.fap.analytics;

/**
 * Importance of one feature in a logistic model: its coefficient per standard deviation.
 *
 * @param feature            feature name
 * @param coefficientPerSd   β·sd(x): change in log-odds for a one-SD increase
 * @param oddsRatioPerSd     {@code exp(β·sd(x))}
 * @param pValue             Wald p-value of β
 * @param rank               1 = most important by |coefficientPerSd|
 */
public record FeatureImportance(String feature, double coefficientPerSd, double oddsRatioPerSd, double pValue, int rank) {
}
