package dev.fap.model;

import java.util.Locale;

/**
 * What a failing {@link Check} means for the run: {@link #ERROR} fails {@link TestResult#orThrow()},
 * {@link #WARN} is only reported.
 *
 * <pre>{@code
 * Check.acceptedValues("risk_rating", "Low", "Medium", "High").severity(Severity.WARN)
 * }</pre>
 */
public enum Severity {
    /** Reported, does not fail the test run. */
    WARN,
    /** Fails the test run. */
    ERROR;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
