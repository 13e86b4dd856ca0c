package dev.fap.report.plotly;

/** Which points a hover label shows. Example: {@code layout.withHoverMode(HoverMode.X_UNIFIED)}. */
public enum HoverMode implements PlotlyEnum {
    /** {@code "closest"}. */
    CLOSEST("closest"),
    /** {@code "x"}. */
    X("x"),
    /** {@code "y"}. */
    Y("y"),
    /** {@code "x unified"}. */
    X_UNIFIED("x unified"),
    /** {@code "y unified"}. */
    Y_UNIFIED("y unified"),
    /** {@code "false"}. */
    NONE("false");

    private final String value;

    HoverMode(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
