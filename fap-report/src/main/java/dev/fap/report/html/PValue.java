package dev.fap.report.html;

import dev.fap.core.FapException;
import java.util.Locale;
import java.util.Objects;

/**
 * The p-value of a named statistical test, shown under the chart it supports.
 *
 * <pre>{@code
 * PValue welch = PValue.of("Welch t-test, premium vs standard balance", 0.00031);
 * welch.formatted(); // "p = 3.1e-4"
 * }</pre>
 *
 * @param test  the test and the hypothesis it checks
 * @param value the p-value in [0, 1], or {@code NaN} when the test could not be computed (shown as "n/a")
 */
public record PValue(String test, double value) {
    public PValue {
        Objects.requireNonNull(test, "test");
        if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
            throw FapException.invalidArgument("p-value of '" + test + "' must be in [0, 1], was " + value,
                    "pass the p-value the test returned");
        }
    }

    public static PValue of(String test, double value) {
        return new PValue(test, value);
    }

    /** {@code "p = 0.0123"}, {@code "p = 3.1e-4"}, or {@code "p < 1e-16"} below double precision. */
    public String formatted() {
        if (Double.isNaN(value)) {
            return "p = n/a";
        }
        if (value < 1e-16) {
            return "p < 1e-16";
        }
        if (value >= 0.001) {
            return String.format(Locale.ROOT, "p = %.4f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        String text = String.format(Locale.ROOT, "%.1e", value);
        return "p = " + text.replace("e-0", "e-");
    }

    /** Whether the test rejects at level {@code alpha}. */
    public boolean significantAt(double alpha) {
        return value < alpha;
    }

    @Override
    public String toString() {
        return test + ": " + formatted();
    }
}
