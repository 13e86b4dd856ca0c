package dev.fap.report.plotly;

/** Bar, box, funnel and legend orientation: vertical or horizontal. Example: {@code bar.withOrientation(Orientation.HORIZONTAL)}. */
public enum Orientation implements PlotlyEnum {
    /** {@code "v"}. */
    VERTICAL("v"),
    /** {@code "h"}. */
    HORIZONTAL("h");

    private final String value;

    Orientation(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
