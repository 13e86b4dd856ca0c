package dev.fap.analytics;

/**
 * Classification counts on the test set at a threshold.
 *
 * @param threshold      predict positive when the probability is ≥ threshold (the Youden-optimal one on the training set)
 * @param truePositives  positives predicted positive
 * @param falsePositives negatives predicted positive
 * @param trueNegatives  negatives predicted negative
 * @param falseNegatives positives predicted negative
 * @param precision      TP / (TP + FP), 0 when nothing is predicted positive
 * @param recall         TP / (TP + FN)
 * @param specificity    TN / (TN + FP)
 */
public record ConfusionMatrix(double threshold, long truePositives, long falsePositives, long trueNegatives,
                              long falseNegatives, double precision, double recall, double specificity) {
}
