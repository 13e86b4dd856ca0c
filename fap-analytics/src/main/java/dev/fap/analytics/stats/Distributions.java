package dev.fap.analytics.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Tail probabilities and critical values used throughout (Commons Statistics distributions). */
final class Distributions {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Distributions() {
    }

    /** Two-sided p-value of a standard normal statistic: {@code 2·P(Z > |z|)}. */
    static double normalTwoSided(double z) {
        return Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    /** {@code Φ⁻¹(p)}. */
    static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** {@code Φ(z)}. */
    static double normalCdf(double z) {
        return STANDARD_NORMAL.cumulativeProbability(z);
    }

    /** Two-sided critical value {@code z_{1-(1-level)/2}}. */
    static double normalCritical(double level) {
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }

    /** Two-sided p-value of a t statistic with {@code df} degrees of freedom. */
    static double tTwoSided(double t, double df) {
        return Math.min(1.0, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
    }

    /** Two-sided critical value {@code t_{1-(1-level)/2, df}}. */
    static double tCritical(double level, double df) {
        return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
    }

    /** Upper tail {@code P(χ²_df > x)}. */
    static double chiSquareUpper(double x, double df) {
        return ChiSquaredDistribution.of(df).survivalProbability(x);
    }
}
