package dev.fap.report.plotly;

/** How bars at the same location are combined. Example: {@code layout.withBarMode(BarMode.STACK)}. */
public enum BarMode implements PlotlyEnum {
    /** {@code "group"}. */
    GROUP("group"),
    /** {@code "stack"}. */
    STACK("stack"),
    /** {@code "overlay"}. */
    OVERLAY("overlay"),
    /** {@code "relative"}. */
    RELATIVE("relative");

    private final String value;

    BarMode(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
