package dev.fap.analytics.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Pearson and Spearman correlation matrices, as {@code scipy.stats.pearsonr} / {@code spearmanr}.
 *
 * <pre>{@code
 * CorrelationMatrix m = Correlations.pearson(List.of("income", "spend"), new double[][] {income, spend});
 * double r = m.r("income", "spend");
 * }</pre>
 *
 * <p>Pearson: {@code r = Σ(x-x̄)(y-ȳ) / √(Σ(x-x̄)² Σ(y-ȳ)²)}. Spearman: Pearson's r of the average
 * ranks. p-value: {@code 2·P(T_{n-2} > |r|√((n-2)/(1-r²)))} (exact for Pearson under normality; the
 * usual large-sample approximation for Spearman, as scipy). Constant variables are rejected.
 */
public final class Correlations {
    private Correlations() {
    }

    /** Pearson correlation of the columns {@code data[v]} (one array per variable, equal lengths). */
    public static CorrelationMatrix pearson(List<String> names, double[][] data) {
        return matrix("Pearson", names, data);
    }

    /** Spearman rank correlation (average ranks for ties). */
    public static CorrelationMatrix spearman(List<String> names, double[][] data) {
        validate(names, data);
        double[][] ranked = new double[data.length][];
        for (int v = 0; v < data.length; v++) {
            ranked[v] = Ranks.average(data[v]);
        }
        return matrix("Spearman", names, ranked);
    }

    private static void validate(List<String> names, double[][] data) {
        if (names.size() != data.length || data.length < 2) {
            throw dev.fap.core.FapException.invalidArgument("a correlation matrix needs ≥ 2 variables with one name each, had "
                    + data.length + " columns and " + names.size() + " names", "pass matching names and columns");
        }
        for (int v = 0; v < data.length; v++) {
            if (data[v].length != data[0].length) {
                throw dev.fap.core.FapException.invalidArgument("variable " + names.get(v) + " has " + data[v].length
                        + " values, expected " + data[0].length, "pass complete rows");
            }
            Checks.finite(data[v], "variable " + names.get(v));
        }
        if (data[0].length < 3) {
            throw Checks.failure("correlation needs at least 3 observations, had " + data[0].length,
                    "collect more data");
        }
    }

    private static CorrelationMatrix matrix(String method, List<String> names, double[][] data) {
        validate(names, data);
        int k = data.length;
        int n = data[0].length;
        double[][] centred = new double[k][n];
        double[] norm = new double[k];
        List<String> constant = new ArrayList<>();
        for (int v = 0; v < k; v++) {
            double mean = Moments.of(data[v]).mean();
            double ss = 0;
            for (int i = 0; i < n; i++) {
                centred[v][i] = data[v][i] - mean;
                ss += centred[v][i] * centred[v][i];
            }
            norm[v] = Math.sqrt(ss);
            if (!(norm[v] > 0)) {
                constant.add(names.get(v));
            }
        }
        if (!constant.isEmpty()) {
            throw Checks.failure("correlation is undefined for constant variables " + constant,
                    "drop variables that do not vary in this data");
        }
        double[][] r = new double[k][k];
        double[][] p = new double[k][k];
        for (int a = 0; a < k; a++) {
            r[a][a] = 1.0;
            for (int b = a + 1; b < k; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += centred[a][i] * centred[b][i];
                }
                double rv = Math.max(-1.0, Math.min(1.0, s / (norm[a] * norm[b])));
                r[a][b] = rv;
                r[b][a] = rv;
                double pv = Math.abs(rv) == 1.0 ? 0.0
                        : Distributions.tTwoSided(rv * Math.sqrt((n - 2) / (1 - rv * rv)), n - 2);
                p[a][b] = pv;
                p[b][a] = pv;
            }
        }
        return new CorrelationMatrix(method, List.copyOf(names), n, r, p);
    }
}
