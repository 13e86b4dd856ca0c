package dev.fap.report.internal;

import dev.fap.analytics.stats.ConfidenceInterval;
import java.util.Locale;

/** Display formatting of report numbers: counts, percentages and intervals (amounts: {@link Money}). */
public final class Fmt {
    private Fmt() {
    }

    /** {@code 52,113}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 52.1K}, {@code 1.23M}, without a currency symbol (amounts: {@link Money#format}). */
    public static String compact(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.2fB", value / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (abs >= 1e4) {
            return String.format(Locale.ROOT, "%.1fK", value / 1e3);
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    /** {@code 2.31%} for 0.0231. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, fraction != 0 && Math.abs(fraction) < 0.001 ? "%.3f%%" : "%.2f%%", fraction * 100);
    }

    /** {@code 95% CI 2.10%–2.52%}. */
    public static String percentInterval(ConfidenceInterval ci) {
        return level(ci) + " CI " + percent(ci.lower()) + "–" + percent(ci.upper());
    }

    /** {@code 95% CI 0.712–0.768}. */
    public static String interval(ConfidenceInterval ci, int decimals) {
        String f = "%." + decimals + "f";
        return level(ci) + " CI " + String.format(Locale.ROOT, f, ci.lower()) + "–" + String.format(Locale.ROOT, f, ci.upper());
    }

    /** A number with fixed decimals. */
    public static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** {@code 95%}. */
    public static String level(ConfidenceInterval ci) {
        double pct = ci.level() * 100;
        return pct == Math.rint(pct) ? String.format(Locale.ROOT, "%.0f%%", pct) : String.format(Locale.ROOT, "%.1f%%", pct);
    }

    /** Humanises an identifier such as {@code age_band} to {@code Age band}. */
    public static String label(String identifier) {
        String text = identifier.replace('_', ' ').trim();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
