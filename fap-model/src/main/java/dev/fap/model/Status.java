package dev.fap.model;

import java.util.Locale;

/**
 * Outcome of a model build, a check, or a whole run.
 *
 * <p>Models end {@link #SUCCESS}, {@link #ERROR} or {@link #SKIPPED} (an upstream model failed);
 * checks end {@link #PASS}, {@link #WARN} (failing rows, severity warn), {@link #FAIL} (failing rows,
 * severity error) or {@link #ERROR} (the check's SQL could not run).
 *
 * <pre>{@code
 * if (result.status() != Status.SUCCESS) { ... }
 * }</pre>
 */
public enum Status {
    /** The model was built. */
    SUCCESS,
    /** The check found no failing rows. */
    PASS,
    /** The check (severity warn) found failing rows. */
    WARN,
    /** The check (severity error) found failing rows. */
    FAIL,
    /** The model or check could not run (SQL error, invariant violated). */
    ERROR,
    /** Not run because something it depends on failed. */
    SKIPPED;

    /** True for {@link #SUCCESS}, {@link #PASS} and {@link #WARN}. */
    public boolean isOk() {
        return this == SUCCESS || this == PASS || this == WARN;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
