package dev.fap.analytics.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Corrections for testing many hypotheses at once.
 *
 * <pre>{@code
 * double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.2});
 * }</pre>
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /**
     * Benjamini–Hochberg adjusted p-values (false discovery rate), in the input order:
     * with p-values sorted ascending {@code p_(1) ≤ … ≤ p_(m)},
     * {@code q_(i) = min_{j ≥ i} min(1, m·p_(j)/j)}. Rejecting {@code q ≤ α} controls the FDR at α.
     */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw dev.fap.core.FapException.invalidArgument("p-values must lie in [0, 1], found " + v,
                        "pass the p-values of the individual tests");
            }
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            int i = order[r];
            running = Math.min(running, Math.min(1.0, p[i] * m / (r + 1)));
            q[i] = running;
        }
        return q;
    }
}
