package dev.fap.analytics.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of probabilities: Brier score, a binned reliability table with Wilson intervals and the
 * Hosmer–Lemeshow goodness-of-fit test.
 *
 * <pre>{@code
 * CalibrationResult c = Calibration.of(predicted, outcome, 10);
 * }</pre>
 *
 * <p>Observations are sorted by predicted probability and split into {@code g} consecutive groups of
 * sizes ⌊n/g⌋ or ⌈n/g⌉ (the first {@code n mod g} groups get one more). In group k with {@code O_k}
 * events and {@code E_k = Σp}: {@code HL = Σ (O_k - E_k)²/(E_k(1 - E_k/n_k))}, χ² with g - 2 df.
 */
public final class Calibration {
    private Calibration() {
    }

    /** Calibration with {@code bins} groups (2 < bins ≤ n). */
    public static CalibrationResult of(double[] predicted, double[] outcome, int bins) {
        int n = predicted.length;
        if (outcome.length != n) {
            throw dev.fap.core.FapException.invalidArgument("predicted and outcome differ in length", "pass one outcome per prediction");
        }
        if (bins < 3 || bins > n) {
            throw Checks.failure("calibration needs 3 ≤ bins ≤ n, had bins=" + bins + ", n=" + n, "use fewer bins or more data");
        }
        double brier = 0;
        for (int i = 0; i < n; i++) {
            if (!(predicted[i] >= 0 && predicted[i] <= 1) || !(outcome[i] == 0 || outcome[i] == 1)) {
                throw dev.fap.core.FapException.invalidArgument("probabilities must lie in [0,1] and outcomes be 0/1, row " + i,
                        "pass fitted probabilities and 0/1 outcomes");
            }
            brier += (predicted[i] - outcome[i]) * (predicted[i] - outcome[i]);
        }
        int[] order = SortOrder.ascending(predicted);
        List<CalibrationBin> out = new ArrayList<>();
        double hl = 0;
        int start = 0;
        for (int g = 0; g < bins; g++) {
            int size = n / bins + (g < n % bins ? 1 : 0);
            double e = 0;
            double o = 0;
            for (int k = start; k < start + size; k++) {
                e += predicted[order[k]];
                o += outcome[order[k]];
            }
            start += size;
            double denom = e * (1 - e / size);
            if (denom > 0) {
                hl += (o - e) * (o - e) / denom;
            }
            out.add(new CalibrationBin(size, e / size, o, Proportions.wilson((long) o, size, 0.95)));
        }
        int df = bins - 2;
        return new CalibrationResult("calibration by quantile bins; Brier score; Hosmer-Lemeshow", n, brier / n,
                List.copyOf(out), hl, df, Distributions.chiSquareUpper(hl, df));
    }
}
