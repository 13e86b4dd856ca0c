package dev.fap.report.plotly;

/** The scale of an axis. Example: {@code Axis.titled("Amount").withType(AxisType.LOG)}. */
public enum AxisType implements PlotlyEnum {
    /** {@code "linear"}. */
    LINEAR("linear"),
    /** {@code "log"}. */
    LOG("log"),
    /** {@code "date"}. */
    DATE("date"),
    /** {@code "category"}. */
    CATEGORY("category"),
    /** {@code "multicategory"}. */
    MULTICATEGORY("multicategory");

    private final String value;

    AxisType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
