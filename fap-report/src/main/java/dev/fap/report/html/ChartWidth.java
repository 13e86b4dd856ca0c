package dev.fap.report.html;

/**
 * How much of the report width a chart takes on wide screens (on narrow screens every chart takes
 * the full width). Example: {@code section.withWidth(ChartWidth.FULL)}.
 */
public enum ChartWidth {
    /** Half the width: two charts side by side. */
    HALF,
    /** The full width of the report. */
    FULL
}
