package dev.fap.analytics.stats;

import java.util.List;

/**
 * Pearson's chi-square test of independence on an r×c contingency table.
 *
 * @param method                 {@code "Pearson chi-square test of independence"}
 * @param rowLabels              labels of the rows kept (rows with a zero total are dropped)
 * @param columnLabels           labels of the columns kept
 * @param n                      grand total
 * @param statistic              {@code χ² = Σ (O - E)² / E}
 * @param df                     {@code (r - 1)(c - 1)}
 * @param pValue                 {@code P(χ²_df > statistic)}
 * @param cramersV               {@code √(χ² / (n·(min(r, c) - 1)))}
 * @param observed               observed counts O
 * @param expected               expected counts {@code E = row·col / n}
 * @param standardizedResiduals  adjusted residuals {@code (O - E) / √(E(1 - row/n)(1 - col/n))}, ~N(0,1) under H0
 * @param minExpected            smallest expected count (the χ² approximation wants ≥ 5)
 */
public record ChiSquareResult(String method, List<String> rowLabels, List<String> columnLabels, long n, double statistic,
                              int df, double pValue, double cramersV, long[][] observed, double[][] expected,
                              double[][] standardizedResiduals, double minExpected) {
}
