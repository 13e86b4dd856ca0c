package dev.fap.report.plotly;

/** The role of one waterfall bar. Example: {@code Waterfall.of(labels, values, List.of(MeasureKind.ABSOLUTE, MeasureKind.RELATIVE, MeasureKind.TOTAL))}. */
public enum MeasureKind implements PlotlyEnum {
    /** {@code "absolute"}. */
    ABSOLUTE("absolute"),
    /** {@code "relative"}. */
    RELATIVE("relative"),
    /** {@code "total"}. */
    TOTAL("total");

    private final String value;

    MeasureKind(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
