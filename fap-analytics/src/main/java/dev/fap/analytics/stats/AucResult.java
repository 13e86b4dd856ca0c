package dev.fap.analytics.stats;

/**
 * Area under the ROC curve with DeLong's standard error.
 *
 * @param method        {@code "ROC AUC (Mann-Whitney), DeLong interval"}
 * @param nPositive     number of positives
 * @param nNegative     number of negatives
 * @param auc           {@code P(score⁺ > score⁻) + ½·P(score⁺ = score⁻)}
 * @param standardError DeLong standard error
 * @param interval      {@code auc ± z·SE}, clipped to [0, 1]
 * @param pValue        two-sided p-value of {@code H0: AUC = 0.5} from {@code (auc - 0.5)/SE}
 */
public record AucResult(String method, long nPositive, long nNegative, double auc, double standardError,
                        ConfidenceInterval interval, double pValue) {
}
