package dev.fap.analytics.stats;

/**
 * One coefficient of a linear regression.
 *
 * @param name          term name ({@code (intercept)} for the constant)
 * @param estimate      β
 * @param standardError square root of the diagonal of the chosen covariance estimator
 * @param t             {@code β / SE}
 * @param pValue        two-sided p-value from the t distribution with the model's inference df
 * @param interval      {@code β ± t_{1-α/2, df}·SE}
 */
public record RegressionCoefficient(String name, double estimate, double standardError, double t, double pValue,
                                    ConfidenceInterval interval) {
}
