package dev.fap.analytics.stats;

/**
 * A two-sided confidence interval {@code [lower, upper]} at confidence {@code level} (e.g. 0.95).
 *
 * <pre>{@code
 * ConfidenceInterval ci = TTests.meanInterval(x, 0.95).interval();
 * boolean covers = ci.contains(0.0);
 * }</pre>
 *
 * @param lower  lower bound
 * @param upper  upper bound
 * @param level  confidence level in (0, 1)
 */
public record ConfidenceInterval(double lower, double upper, double level) {

    /** True when {@code lower <= value <= upper}. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** True when the interval lies entirely above or below {@code value}. */
    public boolean excludes(double value) {
        return !contains(value);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "[%.6g, %.6g] (%.0f%%)", lower, upper, level * 100);
    }
}
