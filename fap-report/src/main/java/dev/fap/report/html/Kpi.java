package dev.fap.report.html;

import java.util.Objects;

/**
 * One headline number in a report's KPI header.
 *
 * <pre>{@code
 * Kpi volume = Kpi.of("Transaction volume", "$12.4M").withDetail("52,113 approved transactions");
 * }</pre>
 *
 * @param label  what the number is
 * @param value  the number, already formatted for display
 * @param detail a short line under the number (sample size, comparison), may be empty
 */
public record Kpi(String label, String value, String detail) {
    public Kpi {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        detail = detail == null ? "" : detail;
    }

    /** A KPI without detail line. */
    public static Kpi of(String label, String value) {
        return new Kpi(label, value, "");
    }

    public Kpi withDetail(String detail) {
        return new Kpi(label, value, detail);
    }

    @Override
    public String toString() {
        return label + ": " + value + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
