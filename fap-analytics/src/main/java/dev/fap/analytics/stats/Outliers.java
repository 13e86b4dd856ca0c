package dev.fap.analytics.stats;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Outlier detection by Tukey's fences and robust z-scores.
 *
 * <pre>{@code
 * OutlierReport r = Outliers.detect("monthly_spend", spend);   // fences k = 1.5, |robust z| > 3.5
 * }</pre>
 *
 * <p>IQR: outside {@code [Q1 - 1.5·IQR, Q3 + 1.5·IQR]} (type-7 quartiles). Robust z:
 * {@code z = (x - median) / (1.482602…·median|x - median|)}, flagged when {@code |z| > 3.5}
 * (Iglewicz &amp; Hoaglin). The constant is {@code 1/Φ⁻¹(0.75)} (as {@code scipy.stats.median_abs_deviation(scale='normal')}).
 */
public final class Outliers {
    /** Tukey's fence multiplier. */
    public static final double TUKEY_K = 1.5;
    /** Iglewicz–Hoaglin cut-off. */
    public static final double ROBUST_Z_CUTOFF = 3.5;

    private Outliers() {
    }

    /** Detects outliers with the default multipliers. */
    public static OutlierReport detect(String variable, double[] x) {
        return detect(variable, x, TUKEY_K, ROBUST_Z_CUTOFF);
    }

    /** Detects outliers with fence multiplier {@code k} and robust-z cut-off {@code zCutoff}. */
    public static OutlierReport detect(String variable, double[] x, double k, double zCutoff) {
        Checks.minSize(x, 4, "outlier detection on " + variable);
        Checks.finite(x, variable);
        double[] s = x.clone();
        Arrays.sort(s);
        double q1 = Quantiles.ofSorted(s, 0.25);
        double med = Quantiles.ofSorted(s, 0.5);
        double q3 = Quantiles.ofSorted(s, 0.75);
        double lo = q1 - k * (q3 - q1);
        double hi = q3 + k * (q3 - q1);
        int[] iqr = IntStream.range(0, x.length).filter(i -> x[i] < lo || x[i] > hi).toArray();
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - med);
        }
        double mad = Quantiles.of(dev, 0.5) / Distributions.normalQuantile(0.75);
        int[] robust = mad > 0
                ? IntStream.range(0, x.length).filter(i -> Math.abs(x[i] - med) / mad > zCutoff).toArray()
                : new int[0];
        return new OutlierReport(variable, x.length, q1, med, q3, lo, hi, iqr.length, mad, zCutoff, robust.length, iqr, robust);
    }

    /** Robust z-scores {@code (x - median)/MAD_scaled}; all 0 when the MAD is 0. */
    public static double[] robustZ(double[] x) {
        Checks.minSize(x, 1, "robust z-scores");
        double med = Quantiles.of(x, 0.5);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - med);
        }
        double mad = Quantiles.of(dev, 0.5) / Distributions.normalQuantile(0.75);
        double[] z = new double[x.length];
        if (mad > 0) {
            for (int i = 0; i < x.length; i++) {
                z[i] = (x[i] - med) / mad;
            }
        }
        return z;
    }
}
