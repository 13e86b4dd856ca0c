package dev.fap.analytics.stats;

/**
 * One coefficient of a fitted logistic regression (Wald inference).
 *
 * @param name                 term name ({@code (intercept)} for the constant)
 * @param estimate             β on the log-odds scale
 * @param standardError        {@code √[(XᵀWX)⁻¹]_jj}
 * @param z                    {@code β / SE}
 * @param pValue               {@code 2·P(Z > |z|)}
 * @param interval             {@code β ± z_{1-α/2}·SE}
 * @param oddsRatio            {@code exp(β)}
 * @param oddsRatioInterval    {@code exp} of the interval
 */
public record LogisticCoefficient(String name, double estimate, double standardError, double z, double pValue,
                                  ConfidenceInterval interval, double oddsRatio, ConfidenceInterval oddsRatioInterval) {
}
