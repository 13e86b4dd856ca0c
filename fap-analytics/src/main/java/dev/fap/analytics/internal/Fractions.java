package dev.fap.analytics.internal;

/** Safe ratios for report figures. */
final class Fractions {
    private Fractions() {
    }

    /** {@code a / b}, or 0 when b is 0. */
    static double ratio(double a, double b) {
        return b == 0 ? 0.0 : a / b;
    }
}
