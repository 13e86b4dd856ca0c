package dev.fap.report.plotly;

/** Which sample points a box trace draws next to the box. Example: {@code box.withBoxPoints(BoxPoints.OUTLIERS)}. */
public enum BoxPoints implements PlotlyEnum {
    /** {@code "all"}. */
    ALL("all"),
    /** {@code "outliers"}. */
    OUTLIERS("outliers"),
    /** {@code "suspectedoutliers"}. */
    SUSPECTED_OUTLIERS("suspectedoutliers"),
    /** {@code "false"}. */
    NONE("false");

    private final String value;

    BoxPoints(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
