package dev.fap.analytics.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Pearson's chi-square test of independence (no continuity correction), with Cramér's V and adjusted
 * standardized residuals (Haberman 1973), as {@code scipy.stats.chi2_contingency(t, correction=False)}.
 *
 * <pre>{@code
 * long[][] t = {{120, 30}, {80, 70}};            // rows: channel, columns: fraud yes/no
 * ChiSquareResult r = ChiSquareTest.independence(List.of("Online", "POS"), List.of("fraud", "genuine"), t);
 * }</pre>
 */
public final class ChiSquareTest {
    private ChiSquareTest() {
    }

    /** The test with default labels {@code r0, r1, ...} and {@code c0, c1, ...}. */
    public static ChiSquareResult independence(long[][] table) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            rows.add("r" + i);
        }
        List<String> cols = new ArrayList<>();
        for (int j = 0; j < (table.length == 0 ? 0 : table[0].length); j++) {
            cols.add("c" + j);
        }
        return independence(rows, cols, table);
    }

    /**
     * The test. Rows and columns whose total is zero carry no information and are dropped first.
     *
     * @throws dev.fap.core.FapException ANALYSIS_FAILED when fewer than 2 non-empty rows or columns remain
     */
    public static ChiSquareResult independence(List<String> rowLabels, List<String> columnLabels, long[][] table) {
        if (table.length != rowLabels.size()) {
            throw dev.fap.core.FapException.invalidArgument("table has " + table.length + " rows but " + rowLabels.size() + " labels",
                    "pass one label per row");
        }
        int c0 = columnLabels.size();
        for (long[] row : table) {
            if (row.length != c0) {
                throw dev.fap.core.FapException.invalidArgument("ragged contingency table", "every row needs " + c0 + " counts");
            }
            for (long v : row) {
                if (v < 0) {
                    throw dev.fap.core.FapException.invalidArgument("negative count " + v + " in a contingency table",
                            "pass frequencies");
                }
            }
        }
        List<Integer> keepR = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            long s = 0;
            for (long v : table[i]) {
                s += v;
            }
            if (s > 0) {
                keepR.add(i);
            }
        }
        List<Integer> keepC = new ArrayList<>();
        for (int j = 0; j < c0; j++) {
            long s = 0;
            for (long[] row : table) {
                s += row[j];
            }
            if (s > 0) {
                keepC.add(j);
            }
        }
        if (keepR.size() < 2 || keepC.size() < 2) {
            throw Checks.failure("chi-square test needs at least 2 non-empty rows and 2 non-empty columns, had "
                            + keepR.size() + "×" + keepC.size() + " (labels " + rowLabels + " × " + columnLabels + ")",
                    "the outcome or the factor does not vary in this data (e.g. no fraud at all)");
        }
        int r = keepR.size();
        int c = keepC.size();
        long[][] o = new long[r][c];
        double[] rs = new double[r];
        double[] cs = new double[c];
        double n = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                o[i][j] = table[keepR.get(i)][keepC.get(j)];
                rs[i] += o[i][j];
                cs[j] += o[i][j];
                n += o[i][j];
            }
        }
        double[][] e = new double[r][c];
        double[][] res = new double[r][c];
        double chi2 = 0;
        double minE = Double.POSITIVE_INFINITY;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                e[i][j] = rs[i] * cs[j] / n;
                double d = o[i][j] - e[i][j];
                chi2 += d * d / e[i][j];
                res[i][j] = d / Math.sqrt(e[i][j] * (1 - rs[i] / n) * (1 - cs[j] / n));
                minE = Math.min(minE, e[i][j]);
            }
        }
        int df = (r - 1) * (c - 1);
        double v = Math.sqrt(chi2 / (n * (Math.min(r, c) - 1)));
        return new ChiSquareResult("Pearson chi-square test of independence",
                keepR.stream().map(rowLabels::get).toList(), keepC.stream().map(columnLabels::get).toList(),
                (long) n, chi2, df, Distributions.chiSquareUpper(chi2, df), v, o, e, res, minE);
    }
}
