package dev.fap.analytics.internal;

/**
 * Per-customer model outputs, aligned with {@link CustomerFeatures} rows.
 *
 * @param churnProbability   predicted churn probability
 * @param defaultProbability predicted probability of a late payment; NaN for customers without payments
 * @param fraudProbability   mean predicted fraud probability of the customer's purchases; NaN without purchases
 * @param lifetimeValue      CLV
 * @param riskCategory       Low / Medium / High / Very High
 */
public record Scores(double[] churnProbability, double[] defaultProbability, double[] fraudProbability, double[] lifetimeValue,
                     String[] riskCategory) {
}
