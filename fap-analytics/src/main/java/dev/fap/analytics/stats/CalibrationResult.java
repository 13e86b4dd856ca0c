package dev.fap.analytics.stats;

import java.util.List;

/**
 * Calibration of predicted probabilities against outcomes.
 *
 * @param method          {@code "calibration by quantile bins; Brier score; Hosmer-Lemeshow"}
 * @param n               observations
 * @param brierScore      {@code Σ(p_i - y_i)²/n}
 * @param bins            bins of (nearly) equal size ordered by predicted probability
 * @param hosmerLemeshow  {@code Σ_g (O_g - E_g)² / (E_g(1 - E_g/n_g))}
 * @param df              {@code bins - 2}
 * @param pValue          {@code P(χ²_df > HL)}
 */
public record CalibrationResult(String method, long n, double brierScore, List<CalibrationBin> bins,
                                double hosmerLemeshow, int df, double pValue) {
}
