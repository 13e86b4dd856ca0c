package dev.fap.analytics;

import dev.fap.analytics.stats.AucResult;
import dev.fap.analytics.stats.CalibrationResult;
import dev.fap.analytics.stats.LogisticModel;
import dev.fap.analytics.stats.RocCurve;
import java.util.List;

/**
 * A logistic model fitted on a seeded train split and evaluated on the held-out test split.
 *
 * @param target            what is predicted, e.g. {@code "churned"}
 * @param unit              what a row is, e.g. {@code "customer"} or {@code "transaction"}
 * @param population        rows available
 * @param sampled           true when only a sample of the rows was used; all rows are used in this version
 * @param trainN            training rows (a seeded 70%; for the fraud model the purchases of a seeded 70% of customers)
 * @param testN             test rows (the rest)
 * @param eventRate         share of positives over all rows used
 * @param model             the fitted model (coefficients with Wald tests and odds ratios)
 * @param trainAuc          AUC on the training rows
 * @param testAuc           AUC on the test rows, DeLong interval
 * @param calibration       calibration on the test rows
 * @param roc               ROC curve on the test rows (≤ 101 points)
 * @param confusion         confusion matrix on the test rows
 * @param importance        features ranked by |β·sd|
 */
public record ModelEvaluation(String target, String unit, long population, boolean sampled, long trainN, long testN,
                              double eventRate, LogisticModel model, AucResult trainAuc, AucResult testAuc,
                              CalibrationResult calibration, RocCurve roc, ConfusionMatrix confusion,
                              List<FeatureImportance> importance) {
}
