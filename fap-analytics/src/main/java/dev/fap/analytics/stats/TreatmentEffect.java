package dev.fap.analytics.stats;

/**
 * An estimated average treatment effect with its uncertainty.
 *
 * @param method         how it was estimated, e.g. {@code "inverse propensity weighting (Hajek), ATT"}
 * @param estimand       {@code "ATE"} or {@code "ATT"}
 * @param nTreated       treated units
 * @param nControl       control units
 * @param estimate       the effect on the outcome scale
 * @param standardError  standard error (bootstrap standard deviation for IPW)
 * @param interval       confidence interval (bootstrap percentile for IPW)
 * @param pValue         two-sided p-value of {@code H0: effect = 0} from {@code estimate/SE} (normal)
 * @param replicates     bootstrap replicates (0 when not bootstrapped)
 * @param seed           bootstrap seed
 * @param effectiveControlN Kish effective sample size of the weighted controls {@code (Σw)²/Σw²}
 */
public record TreatmentEffect(String method, String estimand, long nTreated, long nControl, double estimate,
                              double standardError, ConfidenceInterval interval, double pValue, int replicates,
                              long seed, double effectiveControlN) {
}
