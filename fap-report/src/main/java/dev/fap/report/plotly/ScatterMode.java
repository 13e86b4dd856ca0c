package dev.fap.report.plotly;

/** How a scatter trace draws its points. Example: {@code Scatter.line(x, y).withMode(ScatterMode.LINES_MARKERS)}. */
public enum ScatterMode implements PlotlyEnum {
    /** {@code "lines"}. */
    LINES("lines"),
    /** {@code "markers"}. */
    MARKERS("markers"),
    /** {@code "lines+markers"}. */
    LINES_MARKERS("lines+markers"),
    /** {@code "markers+text"}. */
    MARKERS_TEXT("markers+text"),
    /** {@code "lines+markers+text"}. */
    LINES_MARKERS_TEXT("lines+markers+text"),
    /** {@code "text"}. */
    TEXT("text"),
    /** {@code "none"}. */
    NONE("none");

    private final String value;

    ScatterMode(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
