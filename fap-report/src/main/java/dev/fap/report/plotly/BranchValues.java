package dev.fap.report.plotly;

/** How treemap and sunburst parent values relate to their children. Example: {@code treemap.withBranchValues(BranchValues.TOTAL)}. */
public enum BranchValues implements PlotlyEnum {
    /** {@code "remainder"}. */
    REMAINDER("remainder"),
    /** {@code "total"}. */
    TOTAL("total");

    private final String value;

    BranchValues(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
